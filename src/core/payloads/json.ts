// JSON as lead payloads arrive: tolerant of the one defect the marketplace's own sample has.
import { PayloadError } from './error';
import { type Dict, isDict } from './keys';

/**
 * Parses a JSON text, repairing one known defect: the marketplace's own sample test lead lacks a comma
 * between two properties on separate lines. We insert it (tolerant read) rather than reject a payload
 * that a rep copied from the documentation. Anything else that is not JSON throws PayloadError.
 */
export function parsePayloadJson(textIn: string): { value: unknown; repaired: boolean } {
  try {
    return { value: JSON.parse(textIn), repaired: false };
  } catch {
    const fixed = insertMissingCommas(textIn);
    try {
      return { value: JSON.parse(fixed), repaired: true };
    } catch (e) {
      throw new PayloadError(`Not valid JSON: ${(e as Error).message}`);
    }
  }
}

/** Adds ',' where a value ends a line and the next line starts a new "key" (one linear pass). */
function insertMissingCommas(s: string): string {
  let out = '';
  let inString = false;
  let lastValueEnd = false; // the last token outside a string ended a value
  let sawNewline = false;
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') {
        inString = false;
        lastValueEnd = true;
        sawNewline = false;
      }
      continue;
    }
    if (c === '\n') {
      sawNewline = true;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') continue;
    if (c === '"') {
      if (lastValueEnd && sawNewline) {
        out += s.slice(from, i) + ',';
        from = i;
      }
      inString = true;
      continue;
    }
    lastValueEnd = c === '}' || c === ']' || /[0-9el]/.test(c);
    sawNewline = false;
  }
  return out + s.slice(from);
}

/** `CustomerInfo` given as a JSON string (Azure Table rows, some HTTPS payloads): the object inside it. */
export function customerInfoObject(s: string): Dict {
  let v: unknown;
  try {
    v = parsePayloadJson(s).value;
  } catch {
    throw new PayloadError('CustomerInfo is not valid JSON');
  }
  if (!isDict(v)) throw new PayloadError('CustomerInfo is not a JSON object');
  return v;
}
