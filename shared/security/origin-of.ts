/**
 * `scheme://host[:port]` of a URL, or `null` when it cannot be parsed.
 *
 * Not `URL.origin`: for schemes the URL standard does not know (such as the
 * app's own `app:`) that is the string "null" for every URL, which would make
 * every custom-scheme page look same-origin.
 */
export function originOf(raw: string): string | null {
  try {
    const url = new URL(raw);
    return url.host === '' ? null : `${url.protocol}//${url.host}`.toLowerCase();
  } catch {
    return null;
  }
}
