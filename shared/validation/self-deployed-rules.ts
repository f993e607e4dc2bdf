import { quoteExcerpt } from '../text/excerpt';
/**
 * Field rules of the self-deployed Entra ID app path: tenant, client ID,
 * XSOAR redirect URI, client secret value and certificate thumbprint.
 *
 * Each check returns a {@link FieldVerdict}: an error blocks the step, a
 * warning is shown but lets the analyst continue. Values are trimmed; the
 * verdict carries the value to store, so what is exported is exactly what
 * was validated.
 */

import { checkGuid, isGuid } from './field-rules';

/** Result of checking one field. */
export type FieldVerdict =
  | { readonly ok: true; readonly value: string; readonly warnings: readonly string[] }
  | { readonly ok: false; readonly error: string };

function accept(value: string, warnings: readonly string[] = []): FieldVerdict {
  return { ok: true, value, warnings };
}

function reject(error: string): FieldVerdict {
  return { ok: false, error };
}

// ---------------------------------------------------------------- tenant

/** How a tenant was given. */
export type TenantKind = 'guid' | 'domain';

// Labels of letters, digits and inner hyphens; at least two labels; the top
// level is alphabetic (e.g. contoso.onmicrosoft.com, contoso.co.uk).
const DOMAIN = /^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

const MULTI_TENANT_ALIASES: Readonly<Record<string, string>> = Object.freeze({
  common:
    '"common" lets any work or personal account sign in; XSOAR needs your own tenant to redeem the code and refresh the token. Enter your Directory (tenant) ID.',
  organizations:
    '"organizations" means any organization\'s tenant, not yours; XSOAR needs your own tenant. Enter your Directory (tenant) ID.',
  consumers:
    '"consumers" is for personal Microsoft accounts, which have no Exchange Online mailbox for this integration. Enter your Directory (tenant) ID.',
});

/** The kind of a tenant value that passed {@link checkTenant}, or `null`. */
export function tenantKind(value: string): TenantKind | null {
  const v = value.trim();
  if (isGuid(v)) return 'guid';
  return DOMAIN.test(v) ? 'domain' : null;
}

/**
 * "Token or Tenant ID" in self-deployed mode: the Directory (tenant) ID GUID,
 * or a verified domain of the tenant (e.g. `contoso.onmicrosoft.com`).
 * Multi-tenant aliases are refused with the reason.
 */
export function checkTenant(value: string): FieldVerdict {
  const v = value.trim();
  if (v === '') return reject('Enter the Directory (tenant) ID from the app registration\'s Overview page.');
  const alias = MULTI_TENANT_ALIASES[v.toLowerCase()];
  if (alias) return reject(alias);
  if (/^https?:\/\//i.test(v)) return reject('Enter only the tenant ID or domain, not a URL (e.g. 00000000-0000-0000-0000-000000000000 or contoso.onmicrosoft.com).');
  if (isGuid(v)) return accept(v.toLowerCase());
  if (DOMAIN.test(v)) {
    return accept(v.toLowerCase(), ['A domain works, but the tenant ID GUID is what the Overview page shows and never changes; prefer it.']);
  }
  // The value is not quoted: a misread file may hold the XSOAR app's Token here, which is a secret.
  return reject(`This value (${v.length} characters) is neither a tenant ID (a GUID like 00000000-0000-0000-0000-000000000000) nor a domain like contoso.onmicrosoft.com.`);
}

// ---------------------------------------------------------------- client ID

/** "ID or Client ID": the Application (client) ID GUID. */
export function checkClientId(value: string): FieldVerdict {
  const problem = checkGuid(value, 'Application (client) ID');
  return problem === null ? accept(value.trim().toLowerCase()) : reject(problem);
}

// ---------------------------------------------------------------- redirect URI

/** A loopback redirect the assistant can listen on to capture the code automatically. */
export interface LoopbackRedirect {
  readonly host: 'localhost' | '127.0.0.1';
  /** The port to bind; 80 when the URI has none (binding it usually needs privileges). */
  readonly port: number;
  /** Whether the URI names the port. */
  readonly explicitPort: boolean;
  /** The path the browser will request, e.g. `/` or `/callback`. */
  readonly path: string;
}

function parseAbsolute(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

/**
 * Detects `http://localhost[:port][/path]` and `http://127.0.0.1[:port][/path]`,
 * the redirects whose code the assistant can capture itself. Anything else
 * (https, other hosts, IPv6) returns `null`: the analyst pastes the address.
 */
export function loopbackRedirect(value: string): LoopbackRedirect | null {
  const url = parseAbsolute(value.trim());
  if (!url || url.protocol !== 'http:' || url.username !== '' || url.password !== '') return null;
  if (url.hostname !== 'localhost' && url.hostname !== '127.0.0.1') return null;
  return { host: url.hostname, port: url.port === '' ? 80 : Number(url.port), explicitPort: url.port !== '', path: url.pathname };
}

/** The redirect URI the XSOAR docs suggest when unsure. */
export const SUGGESTED_XSOAR_REDIRECT_URI = 'https://localhost';

/**
 * `redirect_uri`: the Web redirect registered in Entra ID. It must be an
 * absolute URI without fragment; Entra ID accepts `http` only for localhost.
 * The integration inserts it raw into the login URL, so characters that
 * would change that URL (`&`, `#`, spaces) are refused.
 */
export function checkXsoarRedirectUri(value: string): FieldVerdict {
  const v = value.trim();
  if (v === '') return reject(`Enter the Web redirect URI registered in the app registration; if unsure, register and use ${SUGGESTED_XSOAR_REDIRECT_URI}.`);
  if (/\s/.test(v)) return reject('The redirect URI cannot contain spaces.');
  if (v.includes('#')) return reject('A redirect URI cannot contain a fragment ("#…").');
  if (v.includes('*')) return reject('Entra ID does not accept wildcards ("*") in Web redirect URIs.');
  const url = parseAbsolute(v);
  if (!url || !/^[a-z][a-z0-9+.-]*:\/\//i.test(v)) return reject(`${quoteExcerpt(v)} is not an absolute URI; it must start with https:// (e.g. ${SUGGESTED_XSOAR_REDIRECT_URI}).`);
  if (v.length > 256) return reject('Entra ID accepts redirect URIs of at most 256 characters.');
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return reject('A Web redirect URI must start with https:// (http:// only for localhost).');
  const isLocal = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
  if (url.protocol === 'http:' && !isLocal) return reject(`Entra ID accepts http:// only for localhost; use https://${url.host}${url.pathname === '/' ? '' : url.pathname}.`);
  const warnings: string[] = [];
  if (v.includes('&')) warnings.push('The integration inserts the redirect URI into its login URL without encoding, so "&" in it splits the URL; prefer a URI without a query.');
  if (url.hostname === '127.0.0.1') warnings.push('Entra ID prefers "localhost" to 127.0.0.1 for Web redirects; whichever you use, register exactly this value.');
  return accept(v, warnings);
}

// ---------------------------------------------------------------- client secret

/**
 * "Key or Client Secret": the secret's Value, not its Secret ID.
 *
 * Values generated by Entra ID are about 40 characters and contain `~`; a
 * GUID is almost certainly the Secret ID, which Entra ID rejects with
 * AADSTS7000215. Both are warnings because older or API-created secrets
 * differ; only whitespace and emptiness are errors.
 */
export function checkClientSecretValue(value: string): FieldVerdict {
  const v = value.trim();
  if (v === '') return reject('Enter the client secret Value (Certificates & secrets > Client secrets, "Value" column).');
  if (/\s/.test(v)) return reject('A client secret value has no spaces or line breaks; copy it again.');
  if (isGuid(v)) {
    return accept(v, ['This looks like the Secret ID (a GUID), not the secret Value. Entra ID will reject it (AADSTS7000215); copy the "Value" column instead.']);
  }
  const warnings: string[] = [];
  if (v.length < 32) warnings.push(`Secret values created in the portal are about 40 characters; this one has ${v.length}. Check that it was copied completely.`);
  return accept(v, warnings);
}

// ---------------------------------------------------------------- thumbprint

/** A normalised thumbprint, or why the input is not one. */
export type ThumbprintVerdict =
  | {
      readonly ok: true;
      /** 40 upper-case hex characters, what the integration hex-decodes. */
      readonly thumbprint: string;
      /** True when colons, spaces, a label or invisible characters were removed (a change of case alone does not count). */
      readonly changed: boolean;
    }
  | { readonly ok: false; readonly error: string };

/**
 * Normalises a SHA-1 certificate thumbprint: strips `SHA1 Fingerprint=`
 * (openssl output), colons, spaces, dashes and the invisible marks Windows'
 * certificate dialog copies along, and upper-cases it.
 *
 * Why: the integration hex-decodes the thumbprint for the JWT `x5t` header,
 * so a colon or a space makes every command fail (spec §3b); case does not
 * matter.
 */
export function normalizeThumbprint(value: string): ThumbprintVerdict {
  const raw = value.trim();
  if (raw === '') return { ok: false, error: 'Enter the certificate thumbprint (Certificates & secrets > Certificates, "Thumbprint" column).' };
  const stripped = raw
    .replace(/^sha-?1\s*fingerprint\s*=\s*/i, '')
    .replace(/[\u200B-\u200F\u2060\uFEFF]/g, '')
    .replace(/[\s:-]/g, '');
  if (!/^[0-9a-f]*$/i.test(stripped)) return { ok: false, error: 'A thumbprint contains only the hexadecimal characters 0-9 and A-F.' };
  if (stripped.length === 64) return { ok: false, error: 'This is a SHA-256 thumbprint (64 characters); the integration needs the SHA-1 thumbprint (40 characters) shown in Entra ID.' };
  if (stripped.length !== 40) return { ok: false, error: `A SHA-1 thumbprint has 40 hexadecimal characters; this one has ${stripped.length}.` };
  const thumbprint = stripped.toUpperCase();
  return { ok: true, thumbprint, changed: stripped !== raw };
}
