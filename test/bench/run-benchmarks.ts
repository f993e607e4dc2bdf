/**
 * `npm run bench`: runs every benchmark inside the private keychain session, prints a table (each figure
 * beside its baseline from the same run) and writes `bench-results/latest.json` with the machine it ran on.
 * Benchmarks are scripts, never timed tests.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, platform, release, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createTestCa } from '../idp/test-ca';
import { TEST_CA_DIR_ENV } from '../idp/global-setup';
import type { BenchResult } from './bench-result';
import { runRendererBenchmark } from './renderer-benchmark';
import { runVaultBenchmark } from './vault-benchmark';

const run = promisify(execFile);

/** The sign-in benchmark in a child process that trusts this run's test CA from its start. */
async function signInInChild(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'gma-bench-ca-'));
  try {
    const ca = createTestCa(dir);
    const { stdout } = await run(process.execPath, ['--import', './test/support/register-ts.mjs', 'test/bench/sign-in-benchmark.ts'], {
      env: { ...process.env, [TEST_CA_DIR_ENV]: ca.dir, NODE_EXTRA_CA_CERTS: ca.certPath },
      maxBuffer: 16 * 1024 * 1024,
      timeout: 10 * 60_000,
    });
    return JSON.parse(stdout.trim().split('\n').at(-1) ?? '[]') as BenchResult[];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function chromiumVersion(): Promise<string> {
  try {
    return (await run(process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', ['--version'])).stdout.trim();
  } catch {
    return 'unknown';
  }
}

function fmt(value: number, unit: string): string {
  return `${value.toFixed(unit === 'KB' ? 1 : 1)} ${unit}`;
}

/** The results as a Markdown table (the README shows it). */
export function table(results: readonly BenchResult[]): string {
  const rows = results.map((r) => {
    const target = r.ratio === null ? `≤ ${r.target} ${r.unit}` : `≤ ${r.target}×`;
    const baseline = r.baseline === null ? '—' : `${fmt(r.baseline, r.unit)} (${r.baselineName})`;
    const ratio = r.ratio === null ? '—' : `${r.ratio.toFixed(2)}×`;
    return `| ${r.name} | ${fmt(r.value, r.unit)} | ${baseline} | ${ratio} | ${target} | ${r.met ? 'met' : '**missed**'} |`;
  });
  return ['| Measure | Value (median) | Baseline, same run | Ratio | Target | |', '|---|---|---|---|---|---|', ...rows].join('\n');
}

const only = process.argv.slice(2);
const wanted = (name: string): boolean => only.length === 0 || only.includes(name);
const results: BenchResult[] = [];
if (wanted('renderer')) results.push(...(await runRendererBenchmark()));
if (wanted('vault')) results.push(...(await runVaultBenchmark()));
if (wanted('sign-in')) results.push(...(await signInInChild()));
const cpu = cpus();
const machine = {
  cpu: `${cpu[0]?.model ?? 'unknown'} × ${cpu.length}`,
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  os: `${platform()} ${release()}`,
  node: process.version,
  chromium: await chromiumVersion(),
};
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/latest.json', `${JSON.stringify({ date: new Date().toISOString(), machine, results }, null, 2)}\n`);
process.stdout.write(`Machine: ${machine.cpu}, ${machine.memoryGiB} GiB, ${machine.os}, Node ${machine.node}, ${machine.chromium}\n\n${table(results)}\n\nWritten to bench-results/latest.json\n`);
