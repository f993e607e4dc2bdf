/**
 * The redaction layer of diagnostics: everything written to the log or put
 * into a diagnostics report passes through here first.
 *
 * Pure and pattern-based, so it also catches secrets that reach a message by
 * accident (a library's error text, a pasted address). What it removes:
 * PEM blocks; JWTs; Microsoft refresh tokens and authorization codes
 * (`0.A…`/`1.A…`); Entra client secret values (`…8Q~…`); Base64 AES keys
 * (the oproxy Key); `Authorization`/`Proxy-Authorization` headers; form,
 * query and JSON fields that carry secrets (`client_secret`,
 * `client_assertion`, `code`, `refresh_token`, `password`, …); long opaque
 * tokens; and any value registered as a known secret.
 */

/** What a removed value is replaced with. */
export const REDACTED = '[redacted]';

/** Names of fields (JSON keys, form/query parameters, structured log fields) whose values are secrets. */
export const SECRET_FIELD_NAMES: readonly string[] = Object.freeze([
  'client_secret', 'client_assertion', 'code', 'refresh_token', 'access_token', 'id_token', 'assertion', 'code_verifier',
  'password', 'passphrase', 'secret', 'token', 'authorization', 'proxy-authorization', 'cookie', 'set-cookie',
  'creds_auth_code', 'creds_refresh_token', 'creds_enc_key', 'creds_certificate', 'private_key', 'privatekey', 'privatekeypem',
  'enc_key', 'auth_code', 'value', 'key', 'clientsecret', 'refreshtoken', 'accesstoken', 'idtoken', 'pfxbase64', 'privatekeytext',
]);

const SECRET_NAMES = new Set(SECRET_FIELD_NAMES.map((n) => n.toLowerCase()));
const NAME_ALTERNATION = SECRET_FIELD_NAMES.filter((n) => /^[\w-]+$/.test(n)).sort((a, b) => b.length - a.length).map((n) => n.replace(/-/g, '\\-')).join('|');

// Order matters: whole blocks first, then headers and named fields, then shapes of tokens.
const RULES: ReadonlyArray<readonly [RegExp, string | ((...m: string[]) => string)]> = [
  // PEM blocks, also cut-off ones and ones whose line breaks became "\n" escapes in JSON.
  [/-----BEGIN [A-Z0-9 ]+-----[\s\S]*?(?:-----END [A-Z0-9 ]+-----|$)/g, '[redacted PEM block]'],
  // Authorization headers in any spelling: `Authorization: Bearer x`, `"authorization":"Basic x"`, `authorization=x`.
  [/\b((?:proxy-)?authorization)(["']?\s*[:=]\s*["']?)(?:(?:Bearer|Basic|Negotiate|NTLM|Digest)\s+)?[^\s"',;&]+/gi, (_m, name, sep) => `${name}${sep}${REDACTED}`],
  // JSON fields: "client_secret": "…" (escaped quotes inside are handled).
  [new RegExp(`("(?:${NAME_ALTERNATION})"\\s*:\\s*)"((?:[^"\\\\]|\\\\.)*)"`, 'gi'), (m, head, value) => (isErrorCode(head, value) ? m : `${head}"${REDACTED}"`)],
  // Form and query fields: client_secret=…&code=…
  [new RegExp(`(^|[?&\\s"'(,;])((?:${NAME_ALTERNATION})=)([^&\\s"']+)`, 'gi'), (m, lead, name, value) => (isErrorCode(name, value) ? m : `${lead}${name}${REDACTED}`)],
  // JWTs (access and ID tokens, client assertions).
  [/\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g, REDACTED],
  // Microsoft refresh tokens and authorization codes (and the oproxy Token, which is one).
  [/\b[01]\.A[A-Za-z0-9_.~-]{16,}/g, REDACTED],
  // Entra client secret values: three characters, a digit, a letter, "~", then 30+ more.
  [/[A-Za-z0-9_.-]{3}\d[A-Za-z]~[A-Za-z0-9_.~-]{20,}/g, REDACTED],
  // Anything else with "~" and token length (older secret formats). The look-behind starts a match only at the
  // start of a run: without it every position of a long run without "~" rescans the rest (quadratic; a 1 MB
  // pasted value took minutes).
  [/(?<![A-Za-z0-9_.-])[A-Za-z0-9_.-]*~[A-Za-z0-9_.~-]{24,}/g, REDACTED],
  // Padded Base64 of 16 bytes or more (the oproxy Key, PFX/DER fragments).
  [/(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{20,}={1,2}(?![A-Za-z0-9+/=])/g, REDACTED],
  // Long standard-Base64 runs (a PFX, a DER certificate or key), padded or not.
  [/(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{64,}={0,2}(?![A-Za-z0-9+/=])/g, REDACTED],
  // Long opaque tokens without separators a path or a sentence would have.
  [/(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{48,}(?![A-Za-z0-9_-])/g, REDACTED],
];

// The app's own error codes (`import/invalid`, `internal`) travel in fields named `code` and are not secret;
// an authorization code is far longer and has other characters.
const ERROR_CODE_SHAPE = /^[a-z]+(?:\/[a-z-]+)?$/;

function isErrorCode(name: string, value: string): boolean {
  return /code/i.test(name) && value.length <= 48 && ERROR_CODE_SHAPE.test(value);
}

/** Values a running process knows to be secret (read from or written to the keychain); matched verbatim. */
export class KnownSecrets {
  private readonly values = new Set<string>();

  /** Remembers `value` (short values would mangle ordinary words and are left to the patterns). */
  add(value: string): void {
    const v = value.trim();
    if (v.length >= 8) this.values.add(v);
  }

  /** The remembered values, longest first. */
  list(): string[] {
    return [...this.values].sort((a, b) => b.length - a.length);
  }
}

/** `text` with every secret the rules (and `known`) recognise replaced by {@link REDACTED}. */
export function redactText(text: string, known?: KnownSecrets): string {
  let out = text;
  for (const secret of known?.list() ?? []) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
  for (const [pattern, replacement] of RULES) {
    out = typeof replacement === 'string' ? out.replace(pattern, replacement) : out.replace(pattern, replacement as (...m: string[]) => string);
  }
  return out;
}

/** True when a structured field's name says its value is a secret. */
export function isSecretFieldName(name: string): boolean {
  const n = name.toLowerCase();
  return SECRET_NAMES.has(n) || /(secret|password|passphrase|token|assertion|authorization|private.?key|auth.?code)$/i.test(n);
}

/**
 * A structured value made safe to log: secret-named fields replaced whole,
 * every string run through {@link redactText}, depth and size bounded.
 */
export function redactValue(value: unknown, known?: KnownSecrets, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value.length > 4000 ? `${value.slice(0, 4000)}… (${value.length} characters)` : value, known);
  if (typeof value !== 'object' || value === null) return value;
  if (depth > 4) return '[…]';
  if (value instanceof Error) return { name: value.name, message: redactText(value.message, known), ...('code' in value ? { code: String((value as { code: unknown }).code) } : {}) };
  if (Array.isArray(value)) return value.slice(0, 50).map((v) => redactValue(v, known, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>).slice(0, 50)) {
    const keep = typeof v === 'string' && isErrorCode(k, v);
    out[k] = !keep && isSecretFieldName(k) && v !== null && v !== undefined && v !== '' && typeof v !== 'boolean' ? REDACTED : redactValue(v, known, depth + 1);
  }
  return out;
}
