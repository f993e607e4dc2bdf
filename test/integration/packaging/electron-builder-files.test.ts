import { createRequire } from 'node:module';
import { lstat, readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';

// Packaging check: electron-builder.yml validated against app-builder-lib's
// own configuration schema (node_modules/app-builder-lib/scheme.json, through
// its own validateConfiguration), and the packaged file list computed with
// electron-builder's own FileMatcher from `files` and `asarUnpack`: the built
// app and keytar's native addon (unpacked from the asar), nothing from test/
// or the sources.
const require = createRequire(import.meta.url);
type Filter = (file: string, stat: Awaited<ReturnType<typeof lstat>>) => boolean;
interface FileMatcherCtor {
  new (from: string, to: string, macroExpander: (p: string) => string, patterns?: string[] | string | null): { createFilter(): Filter; patterns: string[] };
}
const { FileMatcher } = require('app-builder-lib/out/fileMatcher') as { FileMatcher: FileMatcherCtor };
const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as { validateConfiguration(config: unknown, logger: unknown): Promise<void> };
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

const ROOT = resolve('.');
let config: { files: string[]; asarUnpack: string[] } & Record<string, unknown>;
let appFiles: string[];
let keytarFiles: string[];
let unpacked: string[];

/** Walks `dir` as electron-builder's copier does: a directory the filter refuses is not entered. */
async function walk(dir: string, filter: Filter, skip: ReadonlySet<string>, out: string[] = []): Promise<string[]> {
  for (const name of await readdir(dir)) {
    const path = join(dir, name);
    if (skip.has(relative(ROOT, path))) continue;
    const stat = await lstat(path);
    if (!filter(path, stat)) continue;
    if (stat.isDirectory()) await walk(path, filter, skip, out);
    else out.push(relative(ROOT, path).split(sep).join('/'));
  }
  return out;
}

beforeAll(async () => {
  config = parseYaml(await readFile('electron-builder.yml', 'utf8'));
  // As electron-builder's getMainFileMatchers: the app's node_modules are collected separately, package.json always.
  const appMatcher = new FileMatcher(ROOT, '/', (p) => p, ['!**/node_modules/**', ...config.files]);
  appFiles = await walk(ROOT, appMatcher.createFilter(), new Set(['node_modules', '.git', 'release']));
  // A production dependency is copied through the same `files` patterns (without the node_modules exclusion).
  const moduleMatcher = new FileMatcher(ROOT, '/', (p) => p, ['**/*', ...config.files.filter((p) => p.startsWith('!'))]);
  keytarFiles = await walk(join(ROOT, 'node_modules', 'keytar'), moduleMatcher.createFilter(), new Set());
  const unpackFilter = new FileMatcher(ROOT, '/', (p) => p, config.asarUnpack).createFilter();
  unpacked = [];
  for (const f of [...appFiles, ...keytarFiles]) if (unpackFilter(join(ROOT, f), await lstat(join(ROOT, f)))) unpacked.push(f);
});

describe('electron-builder.yml', () => {
  it("is valid against app-builder-lib's configuration schema", async () => {
    await expect(validateConfiguration(structuredClone(config), new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('the schema check is real: an unknown option and a wrong type are refused', async () => {
    await expect(validateConfiguration({ ...structuredClone(config), asarUnpak: ['x'] }, new DebugLogger(false))).rejects.toThrow(/asarUnpak/);
    await expect(validateConfiguration({ ...structuredClone(config), asar: 'yes' }, new DebugLogger(false))).rejects.toThrow(/asar/);
  });

  it('packages the built app: main, preload, renderer, CLI and package.json', () => {
    for (const f of ['out/main/index.js', 'out/preload/preload.cjs', 'out/renderer/index.html', 'out/cli/gma.mjs', 'package.json']) expect(appFiles).toContain(f);
  });

  it('packages nothing from test/ or the sources, and no source maps or tool configs', () => {
    const leaked = appFiles.filter((f) => !f.startsWith('out/') && f !== 'package.json');
    expect(leaked).toEqual([]);
    expect(appFiles.filter((f) => /\.(ts|tsx|map)$/.test(f) || /(^|\/)test\//.test(f))).toEqual([]);
  });

  it("keeps keytar's native addon and unpacks it from the asar; keytar's sources stay out", () => {
    expect(keytarFiles).toContain('node_modules/keytar/build/Release/keytar.node');
    expect(unpacked).toContain('node_modules/keytar/build/Release/keytar.node');
    expect(keytarFiles.filter((f) => /node_modules\/keytar\/(src\/|binding\.gyp)/.test(f))).toEqual([]);
    // Only native code is unpacked; the app itself stays in the (integrity-checked) asar.
    expect(unpacked.every((f) => f.endsWith('.node'))).toBe(true);
  });
});
