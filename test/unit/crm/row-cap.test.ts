import { dynamics } from '../../../src/crm/dynamics';
import { BIG_LIST_URL, bigListHtml } from '../../fixtures/crm/big-list';

describe('a long list', () => {
  it('is read whole: no row cap, nothing skipped', () => {
    document.documentElement.innerHTML = bigListHtml(1200)
      .replace(/^<!doctype html><html>/, '')
      .replace(/<\/html>$/, '');
    const report = { skippedRows: 0 };
    const extracted = dynamics.extract(document, new URL(BIG_LIST_URL), report);
    expect(new Set(extracted.map((e) => e.recordId)).size).toBe(1200);
    expect(report.skippedRows).toBe(0);
  });
});
