// The JSON Lines record of a decoded value, and the one-result-per-cell rule, shared by `decode` and `decode --payload`.
import { decodeAnyText } from '../core/leadsource';
import type { DecodedLeadSource } from '../core/types';

/** A line's result: its first value, and the other values on the same line (`several-values`). */
export type LineResult = DecodedLeadSource & { others?: DecodedLeadSource[] };

/** The JSON Lines record for one input. */
export function decodedJson(d: LineResult): Record<string, unknown> {
  const o: Record<string, unknown> = {
    input: d.input,
    ok: d.ok,
    source: d.source,
    action: d.action,
    stage: d.stage,
    offer: d.offer,
    testLead: d.testLead,
    testLeadTime: d.testLeadTime,
    warnings: d.warnings,
  };
  if (!d.ok) o.reason = d.reason ?? 'not-marketplace';
  if (d.others?.length) o.others = d.others.map(decodedJson);
  return o;
}

/**
 * One result per argument, line or cell: the value it is, else the first one inside it. A line with
 * several values (`SPZA-PLT|contoso.crm AzureMarketplace-INS|contoso.bi`) gives its first value with a
 * `several-values` warning and the others in `others`.
 */
export function decodeCell(value: string): LineResult {
  const [first, ...others] = decodeAnyText(value);
  if (!others.length) return first!;
  return { ...first!, warnings: [...first!.warnings, 'several-values'], others };
}
