// The character codes the LeadSource scanners compare against, by name. The scanners work on
// `charCodeAt` numbers (no regular expressions, no per-character strings), so these names are what
// keeps a comparison such as `c === PIPE` readable. The character classes that run on every character
// (white space, dashes, word characters, digits, case) are in scan.ts, which says why they use literals.

// Separators of the grammar
/** `|` between the storefront-action part and the offer. */
export const PIPE = 0x7c;
/** `-` between storefront and action (also inside offer ids). */
export const HYPHEN = 0x2d;
/** `.` between publisher and offer in an offer id. */
export const DOT = 0x2e;
/** `%` that starts a URL escape. */
export const PERCENT = 0x25;
/** `+`, a space in a form-encoded URL. */
export const PLUS = 0x2b;

// White space
export const TAB = 0x09;
export const LINE_FEED = 0x0a;
export const CARRIAGE_RETURN = 0x0d;
export const SPACE = 0x20;

// Punctuation that ends an offer inside running text
export const COMMA = 0x2c;
export const COLON = 0x3a;
export const SEMICOLON = 0x3b;
export const EXCLAMATION = 0x21;
export const QUESTION = 0x3f;
export const DOUBLE_QUOTE = 0x22;
export const APOSTROPHE = 0x27;
export const LESS_THAN = 0x3c;
export const GREATER_THAN = 0x3e;
/** `&` and `#`, which end a value inside a URL. */
export const AMPERSAND = 0x26;
export const HASH = 0x23;

// Brackets and quotes that may wrap a value in prose
export const LEFT_PAREN = 0x28;
export const RIGHT_PAREN = 0x29;
export const LEFT_BRACKET = 0x5b;
export const RIGHT_BRACKET = 0x5d;
export const LEFT_BRACE = 0x7b;
export const RIGHT_BRACE = 0x7d;
/** `«` and `»`, the quotes of Russian text. */
export const LEFT_GUILLEMET = 0xab;
export const RIGHT_GUILLEMET = 0xbb;
/** `‘` `’` `“` `”` `„`. */
export const LEFT_SINGLE_QUOTE = 0x2018;
export const RIGHT_SINGLE_QUOTE = 0x2019;
export const LEFT_DOUBLE_QUOTE = 0x201c;
export const RIGHT_DOUBLE_QUOTE = 0x201d;
export const LOW_DOUBLE_QUOTE = 0x201e;

// Letters and digits
export const DIGIT_0 = 0x30;
/** `2`, `7`: first digits of the escapes `%2D` (dash), `%20` (space) and `%7C` (pipe). */
export const DIGIT_2 = 0x32;
export const DIGIT_7 = 0x37;
export const DIGIT_9 = 0x39;
export const UNDERSCORE = 0x5f;
export const LOWER_A = 0x61;
/** `c`, `d`: second digits of `%7C` and `%2D`, lower-cased. */
export const LOWER_C = 0x63;
export const LOWER_D = 0x64;
export const LOWER_F = 0x66;
/** `m`, the first letter of `msft_test_` (test leads), lower-cased. */
export const LOWER_M = 0x6d;
/** The bit that separates an ASCII upper-case letter from its lower-case form. */
export const CASE_BIT = 0x20;
