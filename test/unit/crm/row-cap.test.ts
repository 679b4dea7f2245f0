import { dynamics } from '../../../src/crm/dynamics';
import { BIG_LIST_URL, bigListHtml } from '../../fixtures/crm/big-list';

describe('a list longer than one scan reads', () => {
  it('reads the first 1000 rows and counts the rest as skipped', () => {
    document.documentElement.innerHTML = bigListHtml(1200)
      .replace(/^<!doctype html><html>/, '')
      .replace(/<\/html>$/, '');
    const report = { skippedRows: 0 };
    const extracted = dynamics.extract(document, new URL(BIG_LIST_URL), report);
    expect(new Set(extracted.map((e) => e.recordId)).size).toBe(1000);
    expect(report.skippedRows).toBe(200);
  });
});
