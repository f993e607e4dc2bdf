/**
 * One measured figure of `npm run bench`: a subject against a baseline measured in the same run, or a size
 * against a budget. Results go to `bench-results/latest.json` and the table the run prints.
 */
export interface BenchResult {
  /** What was measured, e.g. "Vault: small secret set + get". */
  readonly name: string;
  /** Median of the subject (ms) or its size (KB). */
  readonly value: number;
  readonly unit: 'ms' | 'KB';
  /** The baseline measured in the same run (ms), or `null` for a size against a budget. */
  readonly baseline: number | null;
  /** What the baseline is. */
  readonly baselineName: string | null;
  /** `value / baseline`, or `null` without a baseline. */
  readonly ratio: number | null;
  /** The target: a ratio (`ratio <= target`) or a size budget (`value <= target`). */
  readonly target: number;
  readonly met: boolean;
  /** How many measured runs the medians are of (0 for sizes). */
  readonly runs: number;
}

/** The median of `values` (upper median for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted[Math.floor(sorted.length / 2)];
  if (middle === undefined) throw new Error('median of nothing');
  return middle;
}

/** A timed comparison against a same-run baseline, as a {@link BenchResult}. */
export function ratioResult(name: string, subject: readonly number[], baselineName: string, baseline: readonly number[], target: number): BenchResult {
  const value = median(subject);
  const base = median(baseline);
  const ratio = value / base;
  return { name, value, unit: 'ms', baseline: base, baselineName, ratio, target, met: ratio <= target, runs: subject.length };
}

/**
 * Runs `a` and `b` `warmup + runs` times, alternating which goes first so drift (a warming daemon, a busy
 * neighbour on the machine) hits both alike; returns the measured times of each after the warm-up.
 */
export async function alternate(runs: number, warmup: number, a: (run: number) => Promise<number>, b: (run: number) => Promise<number>): Promise<[number[], number[]]> {
  const as: number[] = [];
  const bs: number[] = [];
  for (let run = 0; run < warmup + runs; run++) {
    let ta: number;
    let tb: number;
    if (run % 2 === 0) {
      ta = await a(run);
      tb = await b(run);
    } else {
      tb = await b(run);
      ta = await a(run);
    }
    if (run >= warmup) {
      as.push(ta);
      bs.push(tb);
    }
  }
  return [as, bs];
}
