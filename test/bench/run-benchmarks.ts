/**
 * `npm run bench`: runs every benchmark inside the private keychain
 * session and prints a report. Benchmarks are scripts, never timed tests.
 */
import { runVaultBenchmark } from './vault-benchmark';

const lines = await runVaultBenchmark();
process.stdout.write(`${lines.join('\n')}\n`);
