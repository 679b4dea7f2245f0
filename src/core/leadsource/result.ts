// The one shape every decode returns, and the small steps that fill it in.
import type { ActionEntry } from '../catalog';
import type { DecodedLeadSource, RejectReason, WarningCode } from '../types';

/** An accepted value with nothing read yet; the parser fills in what it finds. */
export function accepted(input: string): DecodedLeadSource {
  return {
    input,
    ok: true,
    source: null,
    sourceLiteral: null,
    action: null,
    stage: 'unknown',
    offer: null,
    testLead: false,
    testLeadTime: null,
    warnings: [],
  };
}

export function reject(input: string, reason: RejectReason): DecodedLeadSource {
  const r = accepted(input);
  r.ok = false;
  r.reason = reason;
  return r;
}

/** A rejection that still names the storefront read so far (`AzureMarketplace-` with no action). */
export function rejectKeepingSource(read: DecodedLeadSource, reason: RejectReason): DecodedLeadSource {
  const r = reject(read.input, reason);
  r.source = read.source;
  r.sourceLiteral = read.sourceLiteral;
  return r;
}

export function warn(r: DecodedLeadSource, w: WarningCode): void {
  if (!r.warnings.includes(w)) r.warnings.push(w);
}

export function setAction(r: DecodedLeadSource, entry: ActionEntry): void {
  r.action = entry.code;
  r.stage = entry.stage;
  if (r.source && !entry.storefronts.includes(r.source)) warn(r, 'action-storefront-mismatch');
}
