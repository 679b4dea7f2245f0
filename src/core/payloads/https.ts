// The HTTPS endpoint's JSON: keys in either casing (`UserDetails`/`userDetails`, `LeadSource`/`leadSource`),
// customer fields under `UserDetails` (or `CustomerInfo`, as an object or a JSON string) or at the top.
import { PayloadError } from './error';
import { finishLead } from './finish';
import { parsePayloadJson, customerInfoObject } from './json';
import { customerFrom, isDict, keyed, pick } from './keys';
import type { Lead } from '../types';

/** A lead from the HTTPS endpoint's JSON (an object, or its text). */
export function leadFromHttpsPayload(json: unknown): Lead {
  const value = typeof json === 'string' ? parsePayloadJson(json).value : json;
  if (!isDict(value)) throw new PayloadError('Not a lead payload: expected a JSON object');
  const top = keyed(value);
  const details = top.get('userdetails') ?? top.get('customerinfo');
  const customerMap = isDict(details) ? keyed(details) : typeof details === 'string' ? keyed(customerInfoObject(details)) : top;
  const customer = customerFrom(customerMap);
  const leadSource = pick(top, 'leadsource');
  if (leadSource === undefined && Object.keys(customer).length === 0) {
    throw new PayloadError('Not a lead payload: no LeadSource and no customer details (UserDetails)');
  }
  return finishLead(
    {
      customer,
      offerTitle: pick(top, 'offertitle', 'offerdisplayname', 'offername'),
      description: pick(top, 'description'),
      created: pick(top, 'createdtime', 'createdat', 'leadcreationdatetime', 'createdon'),
    },
    { leadSource, actionCode: pick(top, 'actioncode'), productId: pick(top, 'productid', 'offerid') },
  );
}
