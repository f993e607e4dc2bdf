import { createHash, randomInt } from 'node:crypto';
import { NONCE_ALPHABET, NONCE_LENGTH, type SigningTools } from '../../shared/xsoar/xsoar-auth-headers';

/** The advanced key's signing tools over Node's crypto: a CSPRNG nonce, the system clock, SHA-256. */
export const NODE_SIGNING_TOOLS: SigningTools = Object.freeze({
  nonce: () => Array.from({ length: NONCE_LENGTH }, () => NONCE_ALPHABET[randomInt(NONCE_ALPHABET.length)]).join(''),
  nowMs: () => Date.now(),
  sha256Hex: (text: string) => createHash('sha256').update(text, 'utf8').digest('hex'),
});
