import { createCipheriv, createDecipheriv, randomBytes, type CipherGCMTypes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { IdentityPlatform } from '../idp/identity-platform';
import { readBodyText, sendJson } from '../idp/http-util';
import { TEST_CA_DIR_ENV } from '../idp/global-setup';
import { issueServerCertificate, openTestCa } from '../idp/test-ca';

/** The Cortex XSOAR app's registration at the token service: what the consent page handed out as ID, Token, Key. */
export interface OproxyRegistration {
  readonly registrationId: string;
  /** Base64 AES key (the consent page's Key). */
  readonly key: string;
  /** The refresh token the consent page handed out (the Token); rotates on every use. */
  readonly token: string;
  readonly tenantId: string;
}

/** A managed identity on the "Azure VM" the instance runs on, backed by an app with a secret in the test platform. */
export interface ManagedIdentitySpec {
  /** `null`: the system-assigned identity. */
  readonly clientId: string | null;
  readonly tenantId: string;
  /** The app registration that stands for the identity (client credentials against the platform). */
  readonly appClientId: string;
  readonly appSecret: string;
}

/** The Azure-side services an XSOAR instance talks to besides Entra ID and Graph. */
export interface AzureCloud {
  /** Stands in for `https://oproxy.demisto.ninja/obtain-token`. */
  readonly oproxyTokenUrl: string;
  /** Stands in for `http://169.254.169.254/metadata/identity/oauth2/token`. */
  readonly imdsTokenUrl: string;
  register(registration: OproxyRegistration): void;
  addManagedIdentity(spec: ManagedIdentitySpec): void;
  close(): Promise<void>;
}

/** Encrypts like the integration's `get_encrypted`: AES-GCM, 12-byte nonce, Base64(nonce ‖ ciphertext ‖ tag). */
export function oproxyEncrypt(plaintext: string, keyBase64: string): string {
  const key = Buffer.from(keyBase64, 'base64');
  const nonce = randomBytes(12);
  const cipher = createCipheriv(`aes-${key.length * 8}-gcm` as CipherGCMTypes, key, nonce);
  const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return Buffer.concat([nonce, ct, cipher.getAuthTag()]).toString('base64');
}

function oproxyDecrypt(encrypted: string, keyBase64: string): string | null {
  try {
    const raw = Buffer.from(encrypted, 'base64');
    const key = Buffer.from(keyBase64, 'base64');
    const decipher = createDecipheriv(`aes-${key.length * 8}-gcm` as CipherGCMTypes, key, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(raw.length - 16));
    return Buffer.concat([decipher.update(raw.subarray(12, raw.length - 16)), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

/** Application permission the token service's and the identities' apps hold (Graph reads the mailbox app-only). */
export const CLOUD_APP_PERMISSIONS = ['Mail.Read', 'User.Read.All'] as const;

/**
 * An HTTPS server under the run's test CA with an oproxy-shaped token service (decrypts the Token with the Key,
 * checks it is the current one, rotates it and obtains a Graph token from the test platform with its own app) and
 * an IMDS-shaped managed-identity endpoint (`Metadata: true`, `resource`, optional `client_id`).
 */
export async function startAzureCloud(idp: IdentityPlatform, oproxyApp: { readonly clientId: string; readonly secret: string }): Promise<AzureCloud> {
  const ca = openTestCa(process.env[TEST_CA_DIR_ENV] ?? '');
  const tls = issueServerCertificate(ca);
  const registrations = new Map<string, { spec: OproxyRegistration; current: string }>();
  const identities: ManagedIdentitySpec[] = [];

  const clientCredentials = async (tenantId: string, clientId: string, secret: string): Promise<{ status: number; body: Record<string, unknown> }> => {
    const r = await fetch(`${idp.authority(tenantId)}oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret, scope: 'https://graph.microsoft.com/.default' }),
    });
    return { status: r.status, body: (await r.json()) as Record<string, unknown> };
  };

  const oproxy = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const body = JSON.parse(await readBodyText(req)) as Record<string, unknown>;
    const reg = registrations.get(String(body['registration_id'] ?? ''));
    if (body['app_name'] !== 'ms-graph-mail-listener' || reg === undefined) return sendJson(res, 400, { title: 'Unknown registration', detail: 'No registration with this ID for ms-graph-mail-listener.' });
    const plain = oproxyDecrypt(String(body['encrypted_token'] ?? ''), reg.spec.key);
    if (plain === null) return sendJson(res, 400, { title: 'Invalid encryption', detail: 'The token could not be decrypted with the key of this registration.' });
    const [ts, ...rest] = plain.split(':');
    if (Math.abs(Date.now() / 1000 - Number(ts)) > 300) return sendJson(res, 400, { title: 'Stale request', detail: 'The encrypted timestamp is outside the accepted window.' });
    if (rest.join(':') !== reg.current) return sendJson(res, 400, { title: 'Invalid token', detail: 'The token does not match this registration (used by another instance, or revoked).' });
    const token = await clientCredentials(reg.spec.tenantId, oproxyApp.clientId, oproxyApp.secret);
    if (token.status !== 200) return sendJson(res, 502, { title: 'Microsoft error', detail: JSON.stringify(token.body) });
    reg.current = `rt-${randomBytes(24).toString('base64url')}`;
    sendJson(res, 200, { access_token: token.body['access_token'], expires_in: token.body['expires_in'], refresh_token: reg.current });
  };

  const imds = async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    if (req.headers['metadata'] !== 'true') return sendJson(res, 400, { error: 'invalid_request', error_description: 'Required metadata header not specified' });
    if (url.searchParams.get('resource') !== 'https://graph.microsoft.com/') return sendJson(res, 400, { error: 'invalid_resource', error_description: 'AADSTS500011: The resource principal was not found.' });
    const clientId = url.searchParams.get('client_id');
    const identity = identities.find((i) => i.clientId === clientId);
    if (identity === undefined) return sendJson(res, 400, { error: 'invalid_request', error_description: 'Identity not found' });
    const token = await clientCredentials(identity.tenantId, identity.appClientId, identity.appSecret);
    if (token.status !== 200) return sendJson(res, 500, { error: 'unknown', error_description: JSON.stringify(token.body) });
    sendJson(res, 200, { access_token: token.body['access_token'], expires_in: String(token.body['expires_in']), resource: 'https://graph.microsoft.com/', token_type: 'Bearer' });
  };

  const server: Server = createServer({ cert: tls.certPem, key: tls.keyPem }, (req, res) => {
    const url = new URL(req.url ?? '/', 'https://cloud.invalid');
    const handled = req.method === 'POST' && url.pathname === '/obtain-token' ? oproxy(req, res)
      : req.method === 'GET' && url.pathname === '/metadata/identity/oauth2/token' ? imds(req, res, url)
      : Promise.resolve(sendJson(res, 404, { error: 'not found' }));
    handled.catch((err: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: String(err) });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `https://localhost:${(server.address() as AddressInfo).port}`;
  return {
    oproxyTokenUrl: `${origin}/obtain-token`,
    imdsTokenUrl: `${origin}/metadata/identity/oauth2/token`,
    register: (spec) => registrations.set(spec.registrationId, { spec, current: spec.token }),
    addManagedIdentity: (spec) => identities.push(spec),
    close: () => new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}
