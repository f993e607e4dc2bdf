import { constants, createVerify, type KeyObject } from 'node:crypto';

/** A decoded (not yet verified) compact JWS. */
export interface DecodedJwt {
  readonly header: Readonly<Record<string, unknown>>;
  readonly payload: Readonly<Record<string, unknown>>;
  readonly signingInput: string;
  readonly signature: Buffer;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Splits and parses a compact JWS; undefined when it is not one. */
export function decodeJwt(token: string): DecodedJwt | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const [h, p, s] = parts as [string, string, string];
  try {
    const header: unknown = JSON.parse(Buffer.from(h, 'base64url').toString('utf8'));
    const payload: unknown = JSON.parse(Buffer.from(p, 'base64url').toString('utf8'));
    if (!isRecord(header) || !isRecord(payload)) return undefined;
    return { header, payload, signingInput: `${h}.${p}`, signature: Buffer.from(s, 'base64url') };
  } catch {
    return undefined;
  }
}

/** Verifies an RS256 or PS256 signature with `key`; other algorithms are refused. */
export function verifyJwtSignature(jwt: DecodedJwt, key: KeyObject): boolean {
  const alg = jwt.header['alg'];
  if (alg !== 'RS256' && alg !== 'PS256') return false;
  const verifier = createVerify('RSA-SHA256').update(jwt.signingInput);
  return alg === 'RS256'
    ? verifier.verify(key, jwt.signature)
    : verifier.verify({ key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_DIGEST }, jwt.signature);
}

/** A string claim, or undefined. */
export function stringClaim(claims: Readonly<Record<string, unknown>>, name: string): string | undefined {
  const v = claims[name];
  return typeof v === 'string' ? v : undefined;
}

/** A numeric claim, or undefined. */
export function numberClaim(claims: Readonly<Record<string, unknown>>, name: string): number | undefined {
  const v = claims[name];
  return typeof v === 'number' ? v : undefined;
}
