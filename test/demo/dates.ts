// The demo dates its leads relative to today, so the side panel shows deadlines counting down instead of
// everything overdue: on each page the first date shown becomes 2 hours ago, the next yesterday, the
// third last month, and any further ones a few days apart. Only the demo does this; tests keep the
// fixtures' fixed dates.
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** How long ago each date on a page is, in order; the list repeats its tail for longer pages. */
export const DEMO_AGES_MS: readonly number[] = [2 * HOUR, 26 * HOUR, 31 * DAY, 3 * DAY, 6 * DAY, 9 * DAY, 12 * DAY];

/** Pages that tell a story with their date: the Contact-me lead came the day before the test drive. */
const PAGE_AGES: Readonly<Record<string, readonly number[]>> = {
  'dynamics-lead-contactme': [26 * HOUR],
};

/** `dd.mm.yyyy hh:mm` (also with a comma after the year), as the Russian CRM pages show dates. */
const SHOWN_DATE = /\b(\d{2})\.(\d{2})\.(\d{4})(,?) (\d{2}):(\d{2})\b/g;

const two = (n: number) => String(n).padStart(2, '0');

export function shownDate(at: Date, comma = ''): string {
  return `${two(at.getDate())}.${two(at.getMonth() + 1)}.${at.getFullYear()}${comma} ${two(at.getHours())}:${two(at.getMinutes())}`;
}

/** The page with its shown dates moved to now minus the demo ages, in the order they appear. */
export function demoDated(html: string, now: Date, pageName = ''): string {
  const ages = PAGE_AGES[pageName] ?? DEMO_AGES_MS;
  let i = 0;
  return html.replace(SHOWN_DATE, (_m, _d, _mo, _y, comma: string) => {
    const age = ages[Math.min(i, ages.length - 1)]! + (i >= ages.length ? (i - ages.length + 1) * DAY : 0);
    i++;
    return shownDate(new Date(now.getTime() - age), comma);
  });
}
