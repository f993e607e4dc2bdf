/**
 * Finding the AADSTS number in what Microsoft Entra ID (or MSAL) returns.
 *
 * Entra ID puts the code at the start of `error_description`
 * ("AADSTS7000215: Invalid client secret provided. …"); MSAL copies that text
 * into its error messages, and token responses also carry `error_codes: [n]`.
 * Only the number is stable; the English text after it changes over time, so
 * nothing here looks at the text.
 */

// 5 to 7 digits covers every published code (50011 … 7000222). Word boundaries
// stop "AADSTS700161" from being read as 70016.
const AADSTS_PATTERN = /\bAADSTS(\d{5,7})(?!\d)/i;

/**
 * The first AADSTS code in `text`, or `null` when there is none.
 *
 * Accepts an `error_description`, an MSAL `errorMessage`, a whole JSON error
 * body, or a decoded redirect query.
 */
export function parseAadstsCode(text: string | null | undefined): number | null {
  if (!text) return null;
  const match = AADSTS_PATTERN.exec(text);
  return match?.[1] === undefined ? null : Number(match[1]);
}

/**
 * The AADSTS code of a token-endpoint error body.
 *
 * Prefers the numeric `error_codes` array (structured) over parsing
 * `error_description` (text).
 */
export function aadstsCodeOfErrorBody(body: { readonly error_codes?: readonly unknown[]; readonly error_description?: unknown }): number | null {
  const first = body.error_codes?.[0];
  if (typeof first === 'number' && Number.isInteger(first) && first > 0) return first;
  return typeof body.error_description === 'string' ? parseAadstsCode(body.error_description) : null;
}
