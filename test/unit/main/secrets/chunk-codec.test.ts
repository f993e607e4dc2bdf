import { describe, expect, it } from 'vitest';
import { assembleSecret, decodeManifest, encodeSecret } from '../../../../main/secrets/chunk-codec';

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

describe('chunk codec', () => {
  it.each([
    ['empty', ''],
    ['one byte', 'x'],
    ['exactly one item of ASCII', 'a'.repeat(1900)],
    ['a 4 KiB PEM', `-----BEGIN PRIVATE KEY-----\n${'MIIE'.repeat(1000)}\n-----END PRIVATE KEY-----\n`],
    ['characters JSON must escape', '"\\\n\t\u0001'.repeat(2000)],
    ['4-byte characters across every boundary', '🔑'.repeat(5000)],
    ['mixed widths', 'aé€🔑'.repeat(3000)],
    ['a NUL byte (stored as base64)', `before\u0000after${'z'.repeat(5000)}`],
  ])('%s: every item ≤ 2,048 bytes and the value comes back byte for byte', (_what, value) => {
    const { head, chunks } = encodeSecret(value, '0123456789abcdef');
    expect(bytes(head)).toBeLessThanOrEqual(2048);
    for (const c of chunks) expect(bytes(c)).toBeLessThanOrEqual(2048);
    const manifest = decodeManifest(head);
    expect(manifest).not.toBeNull();
    const back = assembleSecret(manifest!, chunks);
    expect(Buffer.from(back!, 'utf8').equals(Buffer.from(value, 'utf8'))).toBe(true);
  });

  it('stores text as text, and NUL-bearing values as base64', () => {
    expect(decodeManifest(encodeSecret('plain', 'g').head)?.e).toBe('t');
    expect(decodeManifest(encodeSecret('a\u0000b', 'g').head)?.e).toBe('b');
  });

  it('a 4 KiB PEM takes three items', () => {
    expect(encodeSecret('P'.repeat(4096), 'g').chunks).toHaveLength(2);
  });

  it('rejects chunks from another generation, a missing chunk and foreign heads', () => {
    const a = encodeSecret('A'.repeat(5000), 'aaaaaaaaaaaaaaaa');
    const b = encodeSecret('B'.repeat(5000), 'bbbbbbbbbbbbbbbb');
    const m = decodeManifest(a.head)!;
    expect(assembleSecret(m, b.chunks)).toBeNull();
    expect(assembleSecret(m, a.chunks.slice(1))).toBeNull();
    expect(decodeManifest('hunter2')).toBeNull();
    expect(decodeManifest('{"v":2}')).toBeNull();
  });
});
