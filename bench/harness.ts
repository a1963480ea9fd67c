import { performance } from 'node:perf_hooks';

/**
 * Small timing helpers for `npm run bench`. Machines are noisy (and shared), so a bench never
 * reports an absolute speed alone: each result is a ratio against a baseline measured in the same
 * run, with the candidate and the baseline interleaved and summarised by medians.
 */

export interface BenchResult {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly baselineName: string;
  readonly baselineValue: number;
  /** value / baselineValue (for rates, higher is better). */
  readonly ratio: number;
  readonly note?: string;
}

/** The default export of every `bench/*.bench.ts`. */
export type BenchFunction = () => Promise<BenchResult[]>;

export interface BenchCase {
  readonly name: string;
  /** One operation. Return something derived from the work so it cannot be optimised away. */
  readonly fn: () => unknown;
}

export interface InterleaveOptions {
  /** How many measured rounds; each round times every case once. Default 15. */
  readonly rounds?: number;
  /** Roughly how long one timed batch should take, in ms. Default 40. */
  readonly batchMs?: number;
}

/** Written by every timed batch so the JIT cannot drop the work as unused. */
export let benchSink = 0;

function consume(value: unknown): void {
  benchSink = (benchSink + (typeof value === 'string' ? value.length : value ? 1 : 0)) | 0;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Runs `fn` `iterations` times and returns operations per second. */
export function opsPerSecond(fn: () => unknown, iterations: number): number {
  const start = performance.now();
  for (let i = 0; i < iterations; i++) consume(fn());
  const elapsed = performance.now() - start;
  return iterations / (Math.max(elapsed, 1e-3) / 1000);
}

/** Finds an iteration count that takes about `batchMs` (this also warms the function up). */
export function calibrate(fn: () => unknown, batchMs: number): number {
  let iterations = 16;
  for (;;) {
    const start = performance.now();
    for (let i = 0; i < iterations; i++) consume(fn());
    const elapsed = performance.now() - start;
    if (elapsed >= batchMs / 4 || iterations >= 1 << 26) return Math.max(1, Math.round((iterations * batchMs) / Math.max(elapsed, 1e-3)));
    iterations *= 4;
  }
}

/**
 * Times every case in each round, in an order rotated per round so no case always runs right
 * after the same neighbour, and returns the median operations per second of each case.
 */
export function interleavedOpsPerSecond(cases: readonly BenchCase[], options: InterleaveOptions = {}): Map<string, number> {
  const rounds = options.rounds ?? 15;
  const batchMs = options.batchMs ?? 40;
  const iterations = cases.map((c) => calibrate(c.fn, batchMs));
  const samples = cases.map((): number[] => []);
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < cases.length; k++) {
      const index = (k + round) % cases.length;
      samples[index].push(opsPerSecond(cases[index].fn, iterations[index]));
    }
  }
  return new Map(cases.map((c, i) => [c.name, median(samples[i])]));
}

/** Builds a result whose ratio is value / baselineValue. */
export function ratioResult(result: Omit<BenchResult, 'ratio'>): BenchResult {
  return { ...result, ratio: result.value / result.baselineValue };
}
