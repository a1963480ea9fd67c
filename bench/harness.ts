/**
 * Small timing helpers for `npm run bench`. Machines are noisy (and shared), so a bench never
 * reports an absolute speed alone: each result is a ratio against a baseline measured in the same
 * run, with the candidate and the baseline interleaved round by round and summarised by medians.
 *
 * Time is by default the CPU time of this process (process.cpuUsage), not wall time: with more
 * runnable processes than cores, a wall-clock batch mostly measures how long the scheduler parked
 * us. Pass `clock: 'wall'` where waiting is the point (latency of I/O).
 */

import { performance } from 'node:perf_hooks';

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

export interface AsyncBenchCase {
  readonly name: string;
  readonly fn: () => Promise<unknown>;
}

export type BenchClock = 'cpu' | 'wall';

export interface InterleaveOptions {
  /** 'cpu' (default): CPU time of this process; 'wall': elapsed time. */
  readonly clock?: BenchClock;
  /** How many measured rounds; each round times every case once. Default 31. */
  readonly rounds?: number;
  /** Roughly how much CPU time one timed batch should take, in ms. Default 15. */
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

/** Starts a timer; the returned function gives the milliseconds elapsed on that clock. */
export function startTimer(clock: BenchClock = 'cpu'): () => number {
  if (clock === 'wall') {
    const start = performance.now();
    return () => performance.now() - start;
  }
  const start = process.cpuUsage();
  return () => {
    const used = process.cpuUsage(start);
    return (used.user + used.system) / 1000;
  };
}

const perSecond = (iterations: number, elapsedMs: number) => iterations / (Math.max(elapsedMs, 1e-3) / 1000);

/** Runs `fn` `iterations` times and returns operations per second on the given clock. */
export function opsPerSecond(fn: () => unknown, iterations: number, clock: BenchClock = 'cpu'): number {
  const elapsed = startTimer(clock);
  for (let i = 0; i < iterations; i++) consume(fn());
  return perSecond(iterations, elapsed());
}

export async function opsPerSecondAsync(fn: () => Promise<unknown>, iterations: number, clock: BenchClock = 'cpu'): Promise<number> {
  const elapsed = startTimer(clock);
  for (let i = 0; i < iterations; i++) consume(await fn());
  return perSecond(iterations, elapsed());
}

/** The iteration count that takes about `batchMs`, given one timed trial. */
function scaledIterations(iterations: number, elapsedMs: number, batchMs: number): number | undefined {
  if (elapsedMs < batchMs / 4 && iterations < 1 << 26) return undefined;
  return Math.max(1, Math.round((iterations * batchMs) / Math.max(elapsedMs, 1e-3)));
}

/** Finds an iteration count that takes about `batchMs` (this also warms the function up). */
export function calibrate(fn: () => unknown, batchMs: number, clock: BenchClock = 'cpu'): number {
  for (let iterations = 16; ; iterations *= 4) {
    const elapsed = startTimer(clock);
    for (let i = 0; i < iterations; i++) consume(fn());
    const found = scaledIterations(iterations, elapsed(), batchMs);
    if (found !== undefined) return found;
  }
}

export async function calibrateAsync(fn: () => Promise<unknown>, batchMs: number, clock: BenchClock = 'cpu'): Promise<number> {
  for (let iterations = 4; ; iterations *= 4) {
    const elapsed = startTimer(clock);
    for (let i = 0; i < iterations; i++) consume(await fn());
    const found = scaledIterations(iterations, elapsed(), batchMs);
    if (found !== undefined) return found;
  }
}

/** Per-case samples (operations per second), one per round, aligned by round. */
export type RoundSamples = ReadonlyMap<string, readonly number[]>;

/**
 * Times every case once per round, in an order rotated each round so no case always runs right
 * after the same neighbour. Short batches keep the cases of one round close together in time, so
 * a load change on a shared machine hits all of them alike.
 */
export function interleavedSamples(cases: readonly BenchCase[], options: InterleaveOptions = {}): RoundSamples {
  const { rounds = 31, batchMs = 15, clock = 'cpu' } = options;
  const iterations = cases.map((c) => calibrate(c.fn, batchMs, clock));
  const samples = cases.map((): number[] => []);
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < cases.length; k++) {
      const index = (k + round) % cases.length;
      samples[index].push(opsPerSecond(cases[index].fn, iterations[index], clock));
    }
  }
  return new Map(cases.map((c, i) => [c.name, samples[i]]));
}

/** interleavedSamples for operations that return a promise (each awaited before the next). */
export async function interleavedSamplesAsync(cases: readonly AsyncBenchCase[], options: InterleaveOptions = {}): Promise<RoundSamples> {
  const { rounds = 31, batchMs = 15, clock = 'cpu' } = options;
  const iterations: number[] = [];
  for (const c of cases) iterations.push(await calibrateAsync(c.fn, batchMs, clock));
  const samples = cases.map((): number[] => []);
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < cases.length; k++) {
      const index = (k + round) % cases.length;
      samples[index].push(await opsPerSecondAsync(cases[index].fn, iterations[index], clock));
    }
  }
  return new Map(cases.map((c, i) => [c.name, samples[i]]));
}

function samplesOf(samples: RoundSamples, name: string): readonly number[] {
  const found = samples.get(name);
  if (!found) throw new RangeError(`no bench case named '${name}'`);
  return found;
}

/**
 * A result comparing two cases of the same run: value and baselineValue are the medians of their
 * rates; ratio is the median of the per-round ratios, which stays steady when the machine's load
 * drifts during the run (a ratio of two medians would not).
 */
export function compareCases(
  samples: RoundSamples,
  spec: { name: string; candidate: string; baseline: string; baselineName: string; unit: string; note?: string },
): BenchResult {
  const candidate = samplesOf(samples, spec.candidate);
  const baseline = samplesOf(samples, spec.baseline);
  return {
    name: spec.name,
    value: median(candidate),
    unit: spec.unit,
    baselineName: spec.baselineName,
    baselineValue: median(baseline),
    ratio: median(candidate.map((v, round) => v / baseline[round])),
    ...(spec.note === undefined ? {} : { note: spec.note }),
  };
}

/** Builds a result from two measured values; ratio is value / baselineValue. */
export function ratioResult(result: Omit<BenchResult, 'ratio'>): BenchResult {
  return { ...result, ratio: result.value / result.baselineValue };
}
