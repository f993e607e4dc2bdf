import { createCipheriv, randomBytes, type CipherGCMTypes } from 'node:crypto';
import { integrationClientAssertion } from '../integration/signin/xsoar-assertion';

/** A stored parameter value (secrets in plain text: this is the server side). */
export type StoredValue = string | boolean | { credential: string; identifier: string; password: string; passwordChanged: boolean };

/** Where the integration's outbound calls go in the test world. */
export interface IntegrationWorld {
  /** Replaces `https://login.microsoftonline.com`. */
  readonly authorityHost: string;
  /** Replaces `https://graph.microsoft.com`. */
  readonly graphBaseUrl: string;
  /** Replaces the default `https://oproxy.demisto.ninja/obtain-token`. */
  readonly oproxyTokenUrl: string;
  /** Replaces `http://169.254.169.254/metadata/identity/oauth2/token`. */
  readonly imdsTokenUrl: string;
}

/** The instance's integration context (what `!msgraph-mail-auth-reset` empties). */
export interface IntegrationContext {
  current_refresh_token?: string;
}

/** One war-room entry. */
export interface Entry {
  readonly type: number;
  readonly contents: string;
  readonly format: 'markdown' | 'text';
}

class IntegrationError extends Error {}

const RESET_SUFFIX = ' You can run the ***msgraph-mail-auth-reset*** command to reset the authentication process.';
const RESET_CODES = [50173, 700082, 70008, 54005, 7000222];

function truthy(v: StoredValue | undefined): boolean {
  return v === true || v === 'true';
}

function password(params: ReadonlyMap<string, StoredValue>, name: string, legacy: string): string {
  const v = params.get(name);
  const fromCreds = typeof v === 'object' ? v.password : '';
  const fallback = params.get(legacy);
  return fromCreds || (typeof fallback === 'string' ? fallback : '');
}

/** Python's non-validating b64decode: drops characters outside the alphabet, then insists on padding. */
function pythonB64Decode(text: string): Buffer {
  const cleaned = text.replace(/[^A-Za-z0-9+/=]/g, '');
  if (cleaned.replace(/=+$/, '').length % 4 === 1 || cleaned.length % 4 !== 0) throw new IntegrationError('Incorrect padding');
  return Buffer.from(cleaned, 'base64');
}

async function readText(r: Response): Promise<string> {
  return (await r.text()).slice(0, 2000);
}

/**
 * `!msgraph-mail-test` and `!msgraph-mail-auth-reset` as the integration runs them (`xsoar-graph-mail-auth.md`
 * §1.4, §2, §3): resolve the values (type-9 password or legacy param), validate, obtain a token — managed identity
 * from IMDS, the Cortex XSOAR app from oproxy (AES-GCM-encrypted Token), self-deployed by redeeming the code
 * (no PKCE) or refreshing the stored refresh token — and read one message from Graph. A wrong value fails here as
 * in XSOAR, with the integration's own texts.
 */
export async function runIntegrationCommand(command: 'msgraph-mail-test' | 'msgraph-mail-auth-reset', params: ReadonlyMap<string, StoredValue>, context: IntegrationContext, world: IntegrationWorld): Promise<Entry[]> {
  if (command === 'msgraph-mail-auth-reset') {
    delete context.current_refresh_token;
    return [{ type: 1, format: 'markdown', contents: 'Authorization was reset successfully. Please regenerate the credentials, and then click **Test** to validate the credentials and connection.' }];
  }
  try {
    const token = await obtainToken(params, context, world);
    const mailbox = params.get('mailbox_to_fetch');
    if (typeof mailbox === 'string' && mailbox !== '') {
      const r = await fetch(`${world.graphBaseUrl}/v1.0/users/${encodeURIComponent(mailbox)}/messages?$top=1`, { headers: { authorization: `Bearer ${token}` } });
      if (r.status !== 200) throw new IntegrationError(`Error in API call [${r.status}] - ${r.statusText}\n${await readText(r)}`);
    }
    return [{ type: 1, format: 'markdown', contents: '```✅ Success!```' }];
  } catch (err) {
    return [{ type: 4, format: 'text', contents: err instanceof Error ? err.message : String(err) }];
  }
}

async function obtainToken(params: ReadonlyMap<string, StoredValue>, context: IntegrationContext, world: IntegrationWorld): Promise<string> {
  const mi = truthy(params.get('use_managed_identities'));
  const selfDeployed = truthy(params.get('self_deployed')) || mi;
  const id = password(params, 'creds_auth_id', 'auth_id');
  const tokenOrTenant = password(params, 'creds_refresh_token', 'refresh_token');
  const key = password(params, 'creds_enc_key', 'enc_key');
  const cert = params.get('creds_certificate');
  const thumbprint = (typeof cert === 'object' ? cert.identifier : '') || String(params.get('certificate_thumbprint') ?? '');
  const privateKey = (typeof cert === 'object' ? cert.password : '') || String(params.get('private_key') ?? '');
  if (mi) {
    const miClient = password(params, 'managed_identities_client_id', '') || 'SYSTEM_ASSIGNED';
    const url = new URL(world.imdsTokenUrl);
    url.searchParams.set('api-version', '2018-02-01');
    url.searchParams.set('resource', 'https://graph.microsoft.com/');
    if (miClient !== 'SYSTEM_ASSIGNED') url.searchParams.set('client_id', miClient);
    const r = await fetch(url, { headers: { Metadata: 'true' } });
    if (r.status !== 200) throw new IntegrationError(`Error in Microsoft authorization with Azure Managed Identities: ${await readText(r)}`);
    return String(((await r.json()) as Record<string, unknown>)['access_token']);
  }
  if (!selfDeployed && !key) throw new IntegrationError('Key must be provided. For further information see https://xsoar.pan.dev/docs/reference/articles/microsoft-integrations---authentication');
  if (selfDeployed && !key && !(thumbprint && privateKey)) throw new IntegrationError('Key or Certificate Thumbprint and Private Key must be provided.');
  return selfDeployed ? selfDeployedToken(params, context, world, { clientId: id, tenant: tokenOrTenant, secret: key, thumbprint, privateKey }) : oproxyToken(context, world, id, tokenOrTenant, key);
}

async function oproxyToken(context: IntegrationContext, world: IntegrationWorld, id: string, token: string, key: string): Promise<string> {
  const parts = id.split('@');
  const [registrationId, tokenUrl] = parts.length === 2 ? [parts[0] ?? '', parts[1] ?? ''] : [id, world.oproxyTokenUrl];
  let keyBytes: Buffer;
  try {
    keyBytes = pythonB64Decode(key);
  } catch (err) {
    throw new IntegrationError(`Error in Microsoft authorization: ${(err as Error).message} Please check authentication related parameters.`);
  }
  if (![16, 24, 32].includes(keyBytes.length)) throw new IntegrationError('AESGCM key must be 128, 192, or 256 bits.');
  const nonce = randomBytes(12);
  const cipher = createCipheriv(`aes-${keyBytes.length * 8}-gcm` as CipherGCMTypes, keyBytes, nonce);
  const plaintext = `${Math.floor(Date.now() / 1000)}:${context.current_refresh_token ?? token}`;
  const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const encrypted = Buffer.concat([nonce, ct, cipher.getAuthTag()]).toString('base64');
  const r = await fetch(tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ app_name: 'ms-graph-mail-listener', registration_id: registrationId, encrypted_token: encrypted, scope: null, resource: '' }),
  });
  const text = await readText(r);
  if (r.status !== 200) {
    let server = '';
    try {
      const parsed = JSON.parse(text) as Record<string, unknown>;
      server = String(parsed['title'] ?? parsed['error'] ?? '');
    } catch {
      server = text;
    }
    throw new IntegrationError(`Error in Microsoft authorization. Status: ${r.status}, body: ${text} Server message: ${server}`);
  }
  const body = JSON.parse(text) as Record<string, unknown>;
  if (typeof body['refresh_token'] === 'string') context.current_refresh_token = body['refresh_token'];
  return String(body['access_token']);
}

async function selfDeployedToken(params: ReadonlyMap<string, StoredValue>, context: IntegrationContext, world: IntegrationWorld, c: { clientId: string; tenant: string; secret: string; thumbprint: string; privateKey: string }): Promise<string> {
  const code = password(params, 'creds_auth_code', 'auth_code');
  if (code.includes('session_state')) {
    throw new IntegrationError('Malformed auth_code parameter: Please copy the auth code from the redirected uri without any additional info and without the "session_state" query parameter.');
  }
  const tokenEndpoint = `${world.authorityHost}/${c.tenant}/oauth2/v2.0/token`;
  const redirectUri = String(params.get('redirect_uri') ?? '');
  const form: Record<string, string> = { client_id: c.clientId, redirect_uri: redirectUri, scope: 'offline_access https://graph.microsoft.com/.default' };
  if (context.current_refresh_token) Object.assign(form, { grant_type: 'refresh_token', refresh_token: context.current_refresh_token });
  else Object.assign(form, { grant_type: 'authorization_code', code });
  if (c.secret) form['client_secret'] = c.secret;
  else Object.assign(form, { client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer', client_assertion: integrationClientAssertion(tokenEndpoint, c.clientId, c.thumbprint, c.privateKey.replace(/(-----BEGIN [A-Z ]+-----) /, '$1\n')) });
  const r = await fetch(tokenEndpoint, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form) });
  const text = await readText(r);
  if (r.status !== 200) {
    let codes: unknown[] = [];
    try {
      codes = ((JSON.parse(text) as Record<string, unknown>)['error_codes'] as unknown[]) ?? [];
    } catch {
      // The body is quoted as is.
    }
    const hint = codes.some((n) => RESET_CODES.includes(Number(n))) ? RESET_SUFFIX : '';
    throw new IntegrationError(`Error in Microsoft authorization. Status: ${r.status}, body: ${text}${hint}`);
  }
  const body = JSON.parse(text) as Record<string, unknown>;
  if (typeof body['refresh_token'] === 'string') context.current_refresh_token = body['refresh_token'];
  return String(body['access_token']);
}
