/**
 * Hosts the app may open in the system browser.
 *
 * Microsoft sign-in and portal hosts, the XSOAR documentation and the oproxy
 * consent host. Anything else, and anything that is not `https:`, stays
 * closed: a compromised renderer must not be able to launch arbitrary URLs
 * or local handlers (`file:`, `javascript:`, custom schemes).
 */
export const EXTERNAL_HOST_ALLOW_LIST: readonly string[] = Object.freeze([
  'login.microsoftonline.com',
  'portal.azure.com',
  'entra.microsoft.com',
  'learn.microsoft.com',
  'xsoar.pan.dev',
  'oproxy.demisto.ninja',
  'docs-cortex.paloaltonetworks.com',
]);

/** Why a URL was refused, or `null` when it may be opened. */
export type ExternalUrlVerdict = { readonly allowed: true; readonly url: string } | { readonly allowed: false; readonly reason: string };

/**
 * Decides whether `raw` may be opened externally.
 *
 * `extraHosts` adds `host[:port]` entries from the start-up endpoint setting
 * (the identity authority used in tests); they are matched exactly, port
 * included.
 */
export function checkExternalUrl(raw: string, extraHosts: readonly string[] = []): ExternalUrlVerdict {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { allowed: false, reason: 'not a valid absolute URL' };
  }
  if (url.protocol !== 'https:') return { allowed: false, reason: `scheme "${url.protocol}" is not allowed; only https: links open` };
  if (url.username !== '' || url.password !== '') return { allowed: false, reason: 'URLs with embedded credentials are not allowed' };
  const hostWithPort = url.host.toLowerCase();
  const allowed = (url.port === '' && EXTERNAL_HOST_ALLOW_LIST.includes(url.hostname.toLowerCase())) || extraHosts.map((h) => h.toLowerCase()).includes(hostWithPort);
  return allowed ? { allowed: true, url: url.toString() } : { allowed: false, reason: `host "${hostWithPort}" is not on the allow-list` };
}
