import { randomBytes } from 'node:crypto';

/** An unguessable `state` value (128 bits, base64url) binding one redirect to the attempt that started it. */
export function newState(): string {
  return randomBytes(16).toString('base64url');
}
