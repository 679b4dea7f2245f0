import { readFileSync } from 'node:fs';
import { parseShownDate } from '../../src/crm/dom';
import { demoDated, shownDate } from '../demo/dates';

describe('the demo dates its leads relative to today', () => {
  const now = new Date(2026, 11, 2, 12, 0);
  const list = readFileSync('test/fixtures/crm/dynamics-lead-list.html', 'utf8');

  it('2 hours ago, yesterday and last month, in the order the page shows them, in the CRM’s own format', () => {
    const dated = demoDated(list, now);
    expect(dated).not.toContain('.2025 ');
    const shown = [...dated.matchAll(/\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}/g)].map((m) => m[0]);
    expect(shown.slice(0, 3)).toEqual([
      shownDate(new Date(2026, 11, 2, 10, 0)),
      shownDate(new Date(2026, 11, 1, 10, 0)),
      shownDate(new Date(2026, 10, 1, 12, 0)),
    ]);
    // The content script reads them back as those moments.
    expect(new Date(parseShownDate(shown[0]!)!).getTime()).toBe(new Date(2026, 11, 2, 10, 0).getTime());
  });

  it('keeps the Contact-me lead a day before the test drive', () => {
    const page = '<input value="02.06.2025 10:15">';
    expect(demoDated(page, now, 'dynamics-lead-contactme')).toBe(`<input value="${shownDate(new Date(2026, 11, 1, 10, 0))}">`);
  });
});
