// PLACEHOLDER until the core decoder lands (issue 3): same signatures, minimal behaviour.
import type { DecodedLeadSource, FoundLeadSource } from './types';

export function decodeLeadSource(text: string): DecodedLeadSource {
  const m = /^(AzureMarketplace|AzurePortal|AppSource|TestDrive)-(INS|PLT|DNC|Create|StartTestDrive)(?:\|(.*))?$/.exec(text.trim());
  if (!m) return { input: text, ok: false, source: null, sourceLiteral: null, action: null, stage: 'unknown', offer: null, testLead: false, testLeadTime: null, warnings: [], reason: 'not-marketplace' };
  const stage = ({ INS: 'active', PLT: 'interest', DNC: 'do-not-contact', Create: 'active', StartTestDrive: 'trial' } as const)[m[2] as 'INS'];
  const dot = m[3]?.indexOf('.') ?? -1;
  const offer = m[3] ? (dot > 0 && !m[3].includes(' ') ? { publisherId: m[3].slice(0, dot), offerId: m[3].slice(dot + 1), title: null } : { publisherId: null, offerId: null, title: m[3] }) : null;
  return { input: text, ok: true, source: m[1] as 'AppSource', sourceLiteral: m[1]!, action: m[2] as 'INS', stage, offer, testLead: false, testLeadTime: null, warnings: [] };
}

export function findLeadSources(text: string): FoundLeadSource[] {
  const out: FoundLeadSource[] = [];
  for (const m of text.matchAll(/(AzureMarketplace|AzurePortal|AppSource|TestDrive)-\w+(\|[^\s|]+)?/g)) {
    const d = decodeLeadSource(m[0]);
    if (d.ok) out.push({ start: m.index, end: m.index + m[0].length, decoded: d });
  }
  return out;
}
