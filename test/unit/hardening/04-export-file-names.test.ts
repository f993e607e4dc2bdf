import { describe, expect, it } from 'vitest';
import { fileStem } from '../../../shared/export/export-input';
import { runCli, type CliServices } from '../../../main/cli/cli-app';
import type { CliIo } from '../../../main/cli/cli-io';

// Issue 11, item 4: names from imported files keep control characters; file
// names are cut by UTF-16 units, can split a surrogate pair, and Windows
// device names are not handled.
const utf8 = (s: string): number => Buffer.byteLength(s, 'utf8');
const LONGEST_SUFFIX = '.xsoar-instance.curl.sh';

describe('item 4: export file names', () => {
  it('120 CJK characters fit in 255 bytes with the longest suffix', () => {
    const stem = fileStem('監'.repeat(120));
    expect(utf8(stem + LONGEST_SUFFIX)).toBeLessThanOrEqual(255);
    expect(stem.startsWith('監監監')).toBe(true);
  });

  it('never splits a surrogate pair', () => {
    const stem = fileStem('😀'.repeat(100));
    expect(stem).toBe(stem.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, ''));
    expect(utf8(stem + LONGEST_SUFFIX)).toBeLessThanOrEqual(255);
    expect(stem.length % 2).toBe(0);
  });

  it('drops control and bidi characters', () => {
    const stem = fileStem('SOC\u202Egpj.exe\u001b[2J\nx');
    // oxlint-disable-next-line no-control-regex
    expect(stem).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(stem).toContain('SOC');
  });

  it.each(['CON', 'con', 'NUL', 'PRN', 'AUX', 'COM1', 'LPT9', 'nul.txt', 'CON '])('Windows device name %j gets a safe stem', (name) => {
    const stem = fileStem(name);
    expect(stem.split('.')[0]!.trim().toUpperCase()).not.toMatch(/^(CON|PRN|AUX|NUL|COM[0-9]|LPT[0-9])$/);
  });

  it('no trailing dot or space (Windows drops them)', () => {
    expect(fileStem('SOC.')).not.toMatch(/[. ]$/);
  });

  it('an ordinary name is unchanged', () => {
    expect(fileStem('MS Graph Mail SU - SOC')).toBe('MS_Graph_Mail_SU_-_SOC');
  });
});

describe('item 4: gma prints names without control characters', () => {
  it('profiles list shows one row per profile and no escape sequences', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = { stdout: (t) => void out.push(String(t)), stderr: (t) => void err.push(t), env: {}, askSecret: async () => null };
    const profile = {
      id: 'p1', name: 'Evil\u001b[2J\u001b[H\nname\u202Etxt.exe', method: 'xsoar-app', secretFields: [], updatedAt: '2026-01-01T00:00:00.000Z', resumeStep: 'review',
      draft: { method: 'xsoar-app', mailbox: { instanceName: 'inst\r\nfake row' } },
    };
    // A recording stand-in for the CLI's services: only `profiles.list` is used by this command.
    const services = { log: { log: () => undefined }, profiles: { list: async () => ({ ok: true, value: { profiles: [profile], damaged: [], notices: ['notice\u001b]0;title\u0007'] } }) } } as unknown as CliServices;
    const code = await runCli(['profiles', 'list'], async () => services, io);
    expect(code).toBe(0);
    const printed = out.join('') + err.join('');
    // oxlint-disable-next-line no-control-regex
    expect(printed).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(out.join('').split('\n').filter((l) => l !== '')).toHaveLength(1);
  });
});
