/**
 * Strict, non-throwing parsing of `application/x-www-form-urlencoded` text,
 * as found in redirect queries and fragments.
 *
 * Unlike `URLSearchParams`, this keeps every occurrence of a name (so callers
 * can refuse a repeated `code` or `state`), reports bad percent-encoding
 * instead of silently keeping it, and treats a segment without `=` as a bare
 * value (name `''`), which is how a code pasted as `CODE&session_state=…`
 * looks.
 */

/** Parameter name → every value, in order of appearance. */
export type QueryParams = ReadonlyMap<string, readonly string[]>;

/** Parsed parameters, or the reason the text is not a valid query. */
export type QueryParseResult = { readonly ok: true; readonly params: QueryParams } | { readonly ok: false; readonly reason: string };

function decodeComponent(raw: string): string | null {
  try {
    return decodeURIComponent(raw.replaceAll('+', ' '));
  } catch {
    return null;
  }
}

/** Parses `a=1&b=2` (no leading `?` or `#`). Empty segments are skipped. */
export function parseQuery(text: string): QueryParseResult {
  const params = new Map<string, string[]>();
  for (const segment of text.split('&')) {
    if (segment === '') continue;
    const eq = segment.indexOf('=');
    const name = eq === -1 ? '' : decodeComponent(segment.slice(0, eq));
    const value = decodeComponent(eq === -1 ? segment : segment.slice(eq + 1));
    // The reason names the parameter only: values can be codes or secrets.
    if (name === null || value === null) return { ok: false, reason: name === null || name === '' ? 'a parameter is not correctly percent-encoded.' : `the value of "${name}" is not correctly percent-encoded.` };
    const list = params.get(name);
    if (list) list.push(value);
    else params.set(name, [value]);
  }
  return { ok: true, params };
}

/** Outcome of reading one parameter that may appear at most once. */
export type SingleParam = { readonly kind: 'absent' } | { readonly kind: 'one'; readonly value: string } | { readonly kind: 'repeated' };

/** Reads `name`, distinguishing absent, present once and repeated. */
export function singleParam(params: QueryParams, name: string): SingleParam {
  const values = params.get(name);
  if (!values || values.length === 0) return { kind: 'absent' };
  if (values.length > 1) return { kind: 'repeated' };
  return { kind: 'one', value: values[0] ?? '' };
}

/**
 * Merges the parameters of a redirect's query and fragment.
 *
 * Entra ID answers in the query by default and in the fragment with
 * `response_mode=fragment`; a name found in both counts as repeated.
 */
export function mergeParams(first: QueryParams, second: QueryParams): QueryParams {
  const merged = new Map<string, string[]>();
  for (const source of [first, second]) {
    for (const [name, values] of source) merged.set(name, [...(merged.get(name) ?? []), ...values]);
  }
  return merged;
}
