import { randomBytes, randomUUID } from 'node:crypto';

/** Generated, obviously fake consent-page values (never real credentials). */
export function fakeOproxyValues() {
  return {
    id: randomUUID(),
    // Shaped like a Microsoft refresh token: long, dotted, URL-safe characters.
    token: `0.AXkA${randomBytes(180).toString('base64url')}`,
    key: randomBytes(32).toString('base64'),
  };
}
