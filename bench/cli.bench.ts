import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startSimulator } from '../src/simulator';
import { median, type BenchResult } from './harness';

/**
 * What `kfreq run` costs for one signed request against a local simulator (started once here and
 * passed with --base-url), compared with the least a script can do: `node -e` signing the same
 * request by hand with node:crypto and sending it with fetch. Both are whole processes, so both
 * include Node's start-up; the ratio is what the bundle (catalog, schemas, client, runner) adds.
 *
 * "Process time" is the child's CPU time (user + system), read from this process's children
 * totals in /proc (the machine is shared, so wall time mostly measures the scheduler); wall time
 * is reported as a second row. Runs alternate, and each ratio is the median of per-round ratios.
 */

const ROOT = resolve(__dirname, '..');
const KFREQ = join(ROOT, 'dist/cli/kfreq.js');
const ROUNDS = 7;
/** Runs per timed sample: the kernel counts child CPU in clock ticks (usually 10 ms). */
const RUNS_PER_SAMPLE = 2;
const PATH = '/derivatives/api/v3/openpositions';

const BY_HAND = `
const { createHash, createHmac } = require('node:crypto');
const path = ${JSON.stringify(PATH)};
const nonce = String(Date.now() * 1000);
const digest = createHash('sha256').update(nonce + path.replace(/^\\/derivatives/, '')).digest();
const authent = createHmac('sha512', Buffer.from(process.env.KRAKEN_FUTURES_API_SECRET, 'base64')).update(digest).digest('base64');
fetch(process.env.BASE_URL + path, { headers: { APIKey: process.env.KRAKEN_FUTURES_API_KEY, Authent: authent, Nonce: nonce } })
  .then((r) => r.json())
  .then((body) => { console.log(JSON.stringify(body).slice(0, 200)); if (body.result !== 'success') process.exitCode = 1; });
`;

const REQUEST_FILE = `### Positions\n# @name positions\nGET ${PATH}\n`;

function clockTicksPerSecond(): number {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
}

/** CPU milliseconds of all children this process has waited for, or undefined without /proc. */
function childrenCpuMs(ticksPerSecond: number): number | undefined {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 16 and 17 of proc(5) (cutime, cstime); the slice starts at field 3.
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / ticksPerSecond;
  } catch {
    return undefined;
  }
}

function runProcess(args: readonly string[], env: Record<string, string>): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', fail);
    child.on('close', (code) => (code === 0 ? done() : fail(new Error(`${args[0] === '-e' ? 'node -e' : 'kfreq run'} exited ${code}: ${stderr.slice(0, 300)}`))));
  });
}

interface Sample {
  readonly cpuMs: number | undefined;
  readonly wallMs: number;
}

async function timed(args: readonly string[], env: Record<string, string>, ticks: number): Promise<Sample> {
  const cpuBefore = childrenCpuMs(ticks);
  const start = performance.now();
  for (let i = 0; i < RUNS_PER_SAMPLE; i++) await runProcess(args, env);
  const wallMs = (performance.now() - start) / RUNS_PER_SAMPLE;
  const cpuAfter = childrenCpuMs(ticks);
  return { cpuMs: cpuBefore === undefined || cpuAfter === undefined ? undefined : (cpuAfter - cpuBefore) / RUNS_PER_SAMPLE, wallMs };
}

function comparison(name: string, unit: string, candidate: readonly number[], baseline: readonly number[], note: string): BenchResult {
  return {
    name,
    value: median(candidate),
    unit,
    baselineName: 'node -e: node:crypto + fetch by hand',
    baselineValue: median(baseline),
    ratio: median(candidate.map((v, i) => v / Math.max(baseline[i] ?? 0, 1e-3))),
    note,
  };
}

export default async function cliBench(): Promise<BenchResult[]> {
  if (!existsSync(KFREQ)) throw new Error(`${KFREQ} is missing; run 'node scripts/build.mjs --production' first (npm run bench does).`);
  const ticks = clockTicksPerSecond();
  const sim = await startSimulator({ rateLimits: false });
  const dir = mkdtempSync(join(tmpdir(), 'kfreq-bench-'));
  try {
    const file = join(dir, 'one.kfreq');
    writeFileSync(file, REQUEST_FILE);
    const env = { PATH: process.env.PATH ?? '', KRAKEN_FUTURES_API_KEY: sim.apiKey, KRAKEN_FUTURES_API_SECRET: sim.secret, BASE_URL: sim.baseUrl };
    const cases = {
      kfreq: [KFREQ, 'run', file, '--base-url', sim.baseUrl],
      byHand: ['-e', BY_HAND],
    };
    // Warm-up, and proof both really succeed (a failing request would be cheap and meaningless).
    await runProcess(cases.kfreq, env);
    await runProcess(cases.byHand, env);
    const samples = { kfreq: [] as Sample[], byHand: [] as Sample[] };
    for (let round = 0; round < ROUNDS; round++) {
      const order: Array<'kfreq' | 'byHand'> = round % 2 === 0 ? ['kfreq', 'byHand'] : ['byHand', 'kfreq'];
      for (const name of order) samples[name].push(await timed(cases[name], env, ticks));
    }
    const results: BenchResult[] = [];
    const cpu = (list: Sample[]) => list.map((s) => s.cpuMs).filter((v): v is number => v !== undefined);
    if (cpu(samples.kfreq).length === ROUNDS && cpu(samples.byHand).length === ROUNDS) {
      results.push(comparison('kfreq run, 1 signed request: process CPU', 'ms', cpu(samples.kfreq), cpu(samples.byHand), `user+sys per process, ${ROUNDS}×${RUNS_PER_SAMPLE} runs; lower is better`));
    }
    results.push(comparison('kfreq run, 1 signed request: wall time', 'ms', samples.kfreq.map((s) => s.wallMs), samples.byHand.map((s) => s.wallMs), 'start to exit incl. Node start-up; shared machine, indicative'));
    return results;
  } finally {
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
