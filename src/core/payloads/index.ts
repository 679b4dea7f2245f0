// Whole lead records as the marketplace delivers them, each turned into one `Lead`: the HTTPS endpoint's
// JSON, an Azure Table row, Salesforce web-to-lead fields, a CSV export row. Each reader finds its fields
// and hands them to finishLead; anything that is not a lead record throws PayloadError with a plain message.
export { PayloadError } from './error';
export { normalizeKey } from './keys';
export { parseLeadDate } from './date';
export { parsePayloadJson } from './json';
export { leadFromHttpsPayload } from './https';
export { leadFromAzureTableRow } from './azure-table';
export { leadFromWebToLead } from './web-to-lead';
export { csvColumns, leadFromCsvRow, readLeadsCsv, type CsvColumns, type CsvField } from './csv-export';
