/**
 * The oproxy Key on one line: whitespace (a Key wrapped when copied from the
 * consent page or an e-mail) removed. The integration decodes the Key with
 * Python's `base64.b64decode`, which discards whitespace, so such a Key works
 * there; storing it joined keeps every export clean.
 */
export function normalizeOproxyKey(value: string): string {
  return value.replace(/\s+/g, '');
}
