import { exactlyOne, parseFlags } from './cli-flag-parsing';

/** A parsed `gma xsoar …` command line (the shapes issue 13 spells out). */
export type XsoarCliCommand =
  | { readonly kind: 'connections-add'; readonly name: string; readonly url: string; readonly keyId: string; readonly caFile: string | null; readonly advancedKey: boolean }
  | { readonly kind: 'connections-list' }
  | { readonly kind: 'connections-remove'; readonly name: string }
  | { readonly kind: 'send'; readonly profile: string; readonly connection: string; readonly test: boolean; readonly playground: string | null; readonly engine: string }
  | { readonly kind: 'test'; readonly instance: string; readonly connection: string; readonly playground: string | null }
  | { readonly kind: 'pull'; readonly instance: string; readonly connection: string };

/** Help for the `xsoar` commands (appended to `gma --help`). */
export const XSOAR_HELP_TEXT = `  gma xsoar connections add NAME --url URL [--key-id ID] [--ca-file PEM] [--advanced-key]
  gma xsoar connections list
  gma xsoar connections remove NAME
  gma xsoar send PROFILE --connection NAME [--test] [--playground ID] [--engine ID]
  gma xsoar test INSTANCE --connection NAME [--playground ID]
  gma xsoar pull INSTANCE --connection NAME

The XSOAR API key comes from GMA_XSOAR_API_KEY or is asked for on the terminal
(no echo); it is kept only in the OS keychain. HTTPS_PROXY / HTTP_PROXY / NO_PROXY
are honoured. A failed !msgraph-mail-test exits with 1.`;

type Usage = { readonly usageError: string };

/** Parses the arguments after `gma xsoar`. */
export function parseXsoarArgs(argv: readonly string[]): XsoarCliCommand | Usage {
  const parsed = parseFlags(
    argv,
    {
      url: { type: 'string' },
      'key-id': { type: 'string' },
      'ca-file': { type: 'string' },
      'advanced-key': { type: 'boolean' },
      connection: { type: 'string' },
      test: { type: 'boolean' },
      playground: { type: 'string' },
      engine: { type: 'string' },
    },
    'gma --help',
  );
  if ('usageError' in parsed) return parsed;
  const { values: v, positionals } = parsed;
  const [command, ...rest] = positionals;
  const used = (allowed: readonly string[]): Usage | null => {
    const extra = Object.keys(v).filter((k) => !allowed.includes(k));
    return extra.length === 0 ? null : { usageError: `--${extra.join(', --')} does not go with "gma xsoar ${command ?? ''}${command === 'connections' ? ` ${rest[0] ?? ''}` : ''}".` };
  };
  const connection = (): string | Usage => (v.connection === undefined || v.connection.trim() === '' ? { usageError: '--connection NAME is required (see "gma xsoar connections list").' } : v.connection);
  switch (command) {
    case 'connections': {
      const [sub, name, ...more] = rest;
      if (more.length > 0) return { usageError: 'Too many arguments; quote a name with spaces.' };
      if (sub === 'list' && name === undefined) return used([]) ?? { kind: 'connections-list' };
      if (sub === 'remove' && name !== undefined) return used([]) ?? { kind: 'connections-remove', name };
      if (sub === 'add' && name !== undefined) {
        if (v.url === undefined) return { usageError: '--url URL is required: the XSOAR API address.' };
        return used(['url', 'key-id', 'ca-file', 'advanced-key']) ?? { kind: 'connections-add', name, url: v.url, keyId: v['key-id'] ?? '', caFile: v['ca-file'] ?? null, advancedKey: v['advanced-key'] === true };
      }
      return { usageError: 'Use "gma xsoar connections add NAME --url URL", "gma xsoar connections list" or "gma xsoar connections remove NAME".' };
    }
    case 'send': {
      const profile = exactlyOne(rest, 'Name exactly one profile: gma xsoar send PROFILE --connection NAME.');
      if (typeof profile !== 'string') return profile;
      const c = connection();
      if (typeof c !== 'string') return c;
      return used(['connection', 'test', 'playground', 'engine']) ?? { kind: 'send', profile, connection: c, test: v.test === true, playground: v.playground ?? null, engine: v.engine ?? '' };
    }
    case 'test': {
      const instance = exactlyOne(rest, 'Name exactly one instance: gma xsoar test INSTANCE --connection NAME.');
      if (typeof instance !== 'string') return instance;
      const c = connection();
      if (typeof c !== 'string') return c;
      return used(['connection', 'playground']) ?? { kind: 'test', instance, connection: c, playground: v.playground ?? null };
    }
    case 'pull': {
      const instance = exactlyOne(rest, 'Name exactly one instance: gma xsoar pull INSTANCE --connection NAME.');
      if (typeof instance !== 'string') return instance;
      const c = connection();
      if (typeof c !== 'string') return c;
      return used(['connection']) ?? { kind: 'pull', instance, connection: c };
    }
    default:
      return { usageError: `Unknown command "gma xsoar ${command ?? ''}". Run "gma --help".` };
  }
}
