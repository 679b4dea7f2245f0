// The team-check round (round.ts) for Dataverse: requests under the org's /api/data/v9.2/, collections
// read by parseCollection, and links to records in the same model-driven app on the same host.
import { apiBase, duplicateRules } from './dataverse';
import { parseCollection } from './dataverse-parse';
import { detailRequests, fallback, planTable } from './dataverse-plan';
import type { Dialect } from './round';
import type { TeamRecord } from './types';

/** A record's form on the page's own host (https only), in the page's app when it names one. */
export function dataverseLink(pageUrl: URL): (record: TeamRecord) => string | null {
  if (pageUrl.protocol !== 'https:') return () => null;
  const app = pageUrl.searchParams.get('appid');
  const appPart = app && /^[0-9a-f-]{36}$/i.test(app) ? `appid=${app}&` : '';
  const folder = pageUrl.pathname.replace(/\/[^/]*$/, '/');
  return (r) => `https://${pageUrl.host}${folder}main.aspx?${appPart}pagetype=entityrecord&etn=${r.table}&id=${encodeURIComponent(r.id)}`;
}

export function dataverseDialect(pageUrl: URL): Dialect {
  const base = apiBase(pageUrl);
  return {
    plan: (table, leads, mode, rules) => planTable(base, table, leads, mode, rules),
    fallback: (failed, leads) => fallback(base, failed, leads),
    details: (ids) => detailRequests(base, ids),
    rules: () => duplicateRules(base),
    parse: parseCollection,
    link: dataverseLink(pageUrl),
  };
}
