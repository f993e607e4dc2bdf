import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Electron security scan of the built main and preload JavaScript with
// Electronegativity (@doyensec/electronegativity, run offline: the Electron
// version is given, so it does not need to look releases up). Every finding
// of MEDIUM severity or above must be explained in the code: a comment
// `electronegativity-explained: <CHECK>` in the TypeScript source within a
// few lines above the flagged statement (found by the statement the scanner
// quotes; the bundler drops comments inside functions), or — for
// whole-application checks without a location — anywhere in main/. A new,
// unexplained finding fails `npm test`.
const SCANNER = resolve('node_modules/@doyensec/electronegativity/dist/index.js');
// Gives the scanner the TypeScript 4 it was built for (see the file).
const SCANNER_TYPESCRIPT = resolve('test/integration/security/scanner-typescript.cjs');
const BLOCKING = new Set(['MEDIUM', 'HIGH', 'CRITICAL']);
const WINDOW_ABOVE = 8;

interface Finding {
  readonly issue: string;
  readonly severity: string;
  readonly file: string;
  readonly line: number;
  readonly sample: string;
}

let dir: string;
let findings: Finding[];
let sources: Map<string, string[]>;
let tsSources: Map<string, string[]>;

/** A statement as both the bundle and the source spell it: one kind of quote, no whitespace runs, no trailing `;`. */
function normalized(code: string): string {
  return code.replace(/'/g, '"').replace(/\s+/g, ' ').replace(/;\s*$/, '').trim();
}

async function tsFilesUnder(folder: string, out: Map<string, string[]> = new Map()): Promise<Map<string, string[]>> {
  for (const name of await readdir(folder)) {
    const path = join(folder, name);
    if ((await stat(path)).isDirectory()) await tsFilesUnder(path, out);
    else if (name.endsWith('.ts')) out.set(path, (await readFile(path, 'utf8')).split('\n'));
  }
  return out;
}

/** Parses the scanner's CSV (quoted fields may contain commas). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field.trim());
      field = '';
    } else if (c === '\n') {
      row.push(field.trim());
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field.trim()]);
  return rows;
}

/** True when the finding carries its `electronegativity-explained:` comment in the TypeScript source. */
function explained(f: Finding): boolean {
  const marker = new RegExp(`electronegativity-explained:[^\\n]*\\b${f.issue}\\b`);
  if (!Number.isFinite(f.line) || f.line < 1 || f.sample === 'N/A') return [...tsSources.values()].some((l) => marker.test(l.join('\n')));
  const statement = normalized(f.sample);
  for (const lines of tsSources.values()) {
    const at = lines.findIndex((l) => normalized(l).includes(statement));
    if (at >= 0 && marker.test(lines.slice(Math.max(0, at - WINDOW_ABOVE), at + 1).join('\n'))) return true;
  }
  return false;
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gma-scan-'));
  const input = join(dir, 'app');
  await mkdir(input);
  // The scanner reads `.js` files: the preload bundle is `.cjs` in the build.
  await copyFile(resolve('out/main/index.js'), join(input, 'main.js'));
  await copyFile(resolve('out/preload/preload.cjs'), join(input, 'preload.js'));
  const electronVersion = (JSON.parse(await readFile(resolve('package.json'), 'utf8')) as { devDependencies: Record<string, string> }).devDependencies['electron']!;
  const csv = join(dir, 'findings.csv');
  await new Promise<void>((done, failed) => {
    execFile(process.execPath, ['--require', SCANNER_TYPESCRIPT, SCANNER, '-i', input, '-e', electronVersion, '-v', 'false', '-o', csv], { timeout: 120_000 }, (error, _stdout, stderr) => (error ? failed(new Error(`${error.message}\n${stderr}`)) : done()));
  });
  const rows = parseCsv(await readFile(csv, 'utf8'));
  if (rows[0]?.slice(0, 5).join(',') !== 'issue,severity,confidence,filename,location') throw new Error(`unexpected scanner output: ${rows[0]?.join(',')}`);
  findings = rows.slice(1).filter((r) => r.length >= 6).map(([issue = '', severity = '', , file = '', location = '', sample = '']) => ({ issue, severity, file, line: Number(location.split(':')[0]), sample }));
  sources = new Map([
    [join(input, 'main.js'), (await readFile(join(input, 'main.js'), 'utf8')).split('\n')],
    [join(input, 'preload.js'), (await readFile(join(input, 'preload.js'), 'utf8')).split('\n')],
  ]);
  tsSources = await tsFilesUnder(resolve('main'));
}, 180_000);

afterAll(async () => {
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
});

describe('Electronegativity over the built main and preload', () => {
  it('ran over both bundles', () => {
    expect([...sources.keys()]).toHaveLength(2);
    expect(Array.isArray(findings)).toBe(true);
  });

  it('every finding of medium severity or above is explained in the code', () => {
    const unexplained = findings.filter((f) => BLOCKING.has(f.severity.toUpperCase()) && !explained(f)).map((f) => `${f.severity} ${f.issue} at ${f.file}:${f.line} ${f.sample}`);
    expect(unexplained).toEqual([]);
  });

});
