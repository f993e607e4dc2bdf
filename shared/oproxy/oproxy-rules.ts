import { normalizeOproxyKey } from './oproxy-key-normalize';
import { isGuid } from '../validation/field-rules';
import { parseOproxyId } from './oproxy-id';

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const AES_KEY_BYTES = [16, 24, 32] as const;

/** Result of checking one value: an error (blocks Next), or hints (advice only). */
export interface OproxyFieldCheck {
  readonly error: string | null;
  readonly hints: readonly string[];
}

const pass = (hints: readonly string[] = []): OproxyFieldCheck => ({ error: null, hints });
const refuse = (error: string, hints: readonly string[] = []): OproxyFieldCheck => ({ error, hints });

/**
 * Number of bytes a strict, padded, standard-alphabet Base64 string decodes
 * to, or `null` when it is not such a string.
 */
export function base64DecodedLength(value: string): number | null {
  if (value.length === 0 || !BASE64.test(value)) return null;
  const padding = value.endsWith('==') ? 2 : value.endsWith('=') ? 1 : 0;
  return (value.length / 4) * 3 - padding;
}

/**
 * The ID: the oproxy registration ID, optionally `@<token URL>`.
 * `selfDeployedClientId`, when known, catches a client ID pasted here.
 */
export function checkOproxyId(value: string, selfDeployedClientId = ''): OproxyFieldCheck {
  const v = value.trim();
  if (v === '') return refuse('Enter the ID from the consent page.');
  if (/\s/.test(v)) return refuse('The ID cannot contain spaces or line breaks; copy it again from the consent page.');
  const parsed = parseOproxyId(v);
  if (parsed.registrationId === '') return refuse('The ID has nothing before "@"; copy the whole ID from the consent page.');
  if (parsed.customTokenUrl) {
    let url: URL | null = null;
    try {
      url = new URL(parsed.tokenUrl);
    } catch {
      url = null;
    }
    if (url === null) return refuse(`The part after "@" must be the token-retrieval URL, but "${parsed.tokenUrl}" is not a URL.`);
    if (url.protocol !== 'https:') return refuse(`The token-retrieval URL after "@" must use https:, not ${url.protocol}`);
  }
  const hints: string[] = [];
  if (selfDeployedClientId.trim() !== '' && parsed.registrationId.toLowerCase() === selfDeployedClientId.trim().toLowerCase()) {
    hints.push('This is the client ID of your self-deployed app. For the Cortex XSOAR application, use the ID the consent page shows — or switch the method to self-deployed.');
  }
  return pass(hints);
}

/** The Token: the refresh token handed out by the consent page. */
export function checkOproxyToken(value: string): OproxyFieldCheck {
  const v = value.trim();
  if (v === '') return refuse('Enter the Token from the consent page.');
  if (/\s/.test(v)) return refuse('The Token cannot contain spaces or line breaks; it was probably wrapped when copied. Copy it again as one line.');
  if (isGuid(v)) {
    return refuse('This looks like a tenant ID (a GUID), which belongs in "Token or Tenant ID" only for a self-deployed app. For the Cortex XSOAR application, paste the Token from the consent page — or switch the method to self-deployed.');
  }
  if (/^[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}$/i.test(v)) {
    return refuse('This looks like a domain name (a tenant), not the Token from the consent page. A tenant belongs here only for a self-deployed app.');
  }
  const hints = /^eyJ[\w-]+\.[\w-]+\.[\w-]*$/.test(v) ? ['This looks like an access token (a JWT), which expires within an hour. The consent page’s Token is a longer-lived refresh token; make sure you copied the Token field.'] : [];
  return pass(hints);
}

/** The Key: Base64 of a 128, 192 or 256-bit AES-GCM key. */
export function checkOproxyKey(value: string): OproxyFieldCheck {
  // A Key wrapped when copied is fine: the integration's b64decode drops whitespace, and it is stored joined.
  const v = normalizeOproxyKey(value);
  if (v === '') return refuse('Key must be provided. Enter the Key from the consent page.');
  if (isGuid(v)) return refuse('This looks like a client secret ID (a GUID). The Key from the consent page is Base64 text, not a GUID.');
  if (/[-_]/.test(v) && !/[+/]/.test(v) && base64DecodedLength(v.replace(/-/g, '+').replace(/_/g, '/')) !== null) {
    return refuse('The Key uses the URL-safe Base64 alphabet ("-" and "_"); the integration needs standard Base64 ("+" and "/"). Copy the Key again from the consent page.');
  }
  if (v.includes('~')) return refuse('This looks like a client secret value of a self-deployed app ("~" never occurs in Base64). For the Cortex XSOAR application, paste the Key from the consent page.');
  if (!/^[A-Za-z0-9+/=]+$/.test(v)) return refuse('The Key is not Base64: it contains characters other than A–Z, a–z, 0–9, "+", "/" and "=".');
  if (v.length % 4 !== 0) return refuse(`The Key is not valid Base64: its length (${v.length}) is not a multiple of 4 — part of it is missing or the "=" padding was cut off.`);
  const bytes = base64DecodedLength(v);
  if (bytes === null) return refuse('The Key is not valid Base64: "=" padding may only appear at the end.');
  if (!(AES_KEY_BYTES as readonly number[]).includes(bytes)) {
    return refuse(`The Key decodes to ${bytes} bytes, but an AES-GCM key is 16, 24 or 32 bytes. Copy the whole Key from the consent page.`);
  }
  return pass();
}
