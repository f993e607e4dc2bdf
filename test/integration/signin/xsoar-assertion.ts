import { createSign, randomUUID } from 'node:crypto';

function segment(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/**
 * The client assertion the integration signs for certificate credentials (spec §3b): RS256, `typ JWT`, `x5t` =
 * base64url of the SHA-1 thumbprint bytes (padding kept, as PyJWT emits it), `aud` = token endpoint,
 * `iss` = `sub` = client ID, `exp` = now + 600 s, a fresh `jti`. Test helper: the product never redeems codes.
 */
export function integrationClientAssertion(tokenEndpoint: string, clientId: string, sha1Hex: string, privateKeyPem: string): string {
  const x5t = Buffer.from(sha1Hex, 'hex').toString('base64').replaceAll('+', '-').replaceAll('/', '_');
  const now = Math.floor(Date.now() / 1000);
  const signingInput = `${segment({ alg: 'RS256', typ: 'JWT', x5t })}.${segment({ aud: tokenEndpoint, iss: clientId, sub: clientId, exp: now + 600, iat: now, nbf: now, jti: randomUUID() })}`;
  return `${signingInput}.${createSign('RSA-SHA256').update(signingInput).sign(privateKeyPem).toString('base64url')}`;
}

/**
 * Redeems a code exactly as the integration does: a form POST to the token endpoint with `client_id`,
 * `redirect_uri`, `grant_type=authorization_code`, `code`, `scope`, and `client_secret` or `client_assertion` —
 * no `code_verifier` (the integration's login URL has no PKCE).
 */
export async function redeemLikeIntegration(tokenEndpoint: string, form: Readonly<Record<string, string>>): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(tokenEndpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', scope: 'offline_access https://graph.microsoft.com/.default', ...form }),
    signal: AbortSignal.timeout(15_000),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}
