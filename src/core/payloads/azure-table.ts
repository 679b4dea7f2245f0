// One Azure Table entity (`MarketplaceLeads`): `CustomerInfo` is a JSON string, `ProductId` is
// `publisher.offer`, and the creation time may arrive as a Date from the table SDK.
import type { Lead } from '../types';
import { PayloadError } from './error';
import { finishLead } from './finish';
import { customerInfoObject } from './json';
import { customerFrom, isDict, keyed, pick, text } from './keys';

/** A lead from one Azure Table entity (`MarketplaceLeads`). */
export function leadFromAzureTableRow(row: Record<string, unknown>): Lead {
  if (!isDict(row)) throw new PayloadError('Not an Azure Table row: expected an object');
  const m = keyed(row);
  const info = m.get('customerinfo');
  const customer = customerFrom(keyed(isDict(info) ? info : typeof info === 'string' && info.trim() ? customerInfoObject(info) : {}));
  const leadSource = pick(m, 'leadsource');
  if (leadSource === undefined && Object.keys(customer).length === 0) {
    throw new PayloadError('Not an Azure Table lead row: no LeadSource and no CustomerInfo');
  }
  const created = m.get('createdtime') ?? m.get('timestamp');
  return finishLead(
    {
      customer,
      offerTitle: pick(m, 'offerdisplayname', 'offertitle'),
      description: pick(m, 'description'),
      created: created instanceof Date ? created : text(created),
    },
    { leadSource, actionCode: pick(m, 'actioncode'), productId: pick(m, 'productid') },
  );
}
