// The LeadSource grammar: decoding one value, finding values inside text, decoding any text.
// decode.ts reads one value; find.ts scans text and decodes each candidate with it; any-text.ts
// combines the two. Imports go one way: chars → scan → result/offer/percent → test-lead → decode → find → any-text.
export { decodeLeadSource, withActionCode } from './decode';
export { findLeadSources } from './find';
export { decodeAnyText } from './any-text';
export { completeOffer, cutOfferPrefix, mayBeCut } from './complete';
export { decodeWork, resetDecodeWork, MAX_VALUE, PICKLIST_LIMIT } from './scan';
