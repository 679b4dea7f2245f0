// Salesforce web-to-lead fields: `key = value` lines as a notification e-mail shows them, or the same
// fields as a form-encoded `a=b&c=d` body.
import type { Lead } from '../types';
import { PayloadError } from './error';
import { finishLead } from './finish';
import { customerFrom, type Dict, keyed, pick } from './keys';

/** The fields of a web-to-lead text; the first value of a repeated key wins. */
function fieldsOf(body: string): Dict {
  const fields: Dict = {};
  const trimmed = body.trim();
  if (!trimmed.includes('\n') && trimmed.includes('&') && !trimmed.includes(' = ')) {
    for (const [k, v] of new URLSearchParams(trimmed)) if (!(k in fields)) fields[k] = v;
    return fields;
  }
  for (const line of trimmed.split(/\r\n|\r|\n/)) {
    const eq = line.indexOf('=');
    if (eq <= 0) continue;
    const k = line.slice(0, eq).trim();
    if (k && !(k in fields)) fields[k] = line.slice(eq + 1).trim();
  }
  return fields;
}

/** A lead from Salesforce web-to-lead fields: `key = value` lines, or a form-encoded `a=b&c=d` body. */
export function leadFromWebToLead(body: string): Lead {
  if (typeof body !== 'string') throw new PayloadError('Not a web-to-lead text');
  const m = keyed(fieldsOf(body));
  const customer = customerFrom(m);
  const leadSource = pick(m, 'leadsource');
  if (leadSource === undefined && Object.keys(customer).length === 0) {
    throw new PayloadError('Not a web-to-lead record: no lead_source and no customer fields (expected "key = value" lines)');
  }
  return finishLead({ customer, description: pick(m, 'description') }, { leadSource });
}
