import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

/**
 * Runs the bundled CLI (dist/cli/kfreq.js) as a child process, the way users run it. The bundle
 * is rebuilt once per test run so the tests never exercise a stale build.
 */

const ROOT = resolve(__dirname, '../../..');
export const KFREQ_BIN = resolve(ROOT, 'dist/cli/kfreq.js');

let built = false;

export function ensureBuilt(): void {
  if (built) return;
  const result = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`node scripts/build.mjs failed:\n${result.stderr}`);
  built = true;
}

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Every output seen in this test run, for the final "the secret never appears" sweep. */
export const allOutputs: string[] = [];

export function runKfreq(args: readonly string[], env: Record<string, string> = {}): CliRun {
  // Only what the test gives: no credentials from the developer's own shell leak into a test.
  const result = spawnSync(process.execPath, [KFREQ_BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', ...env } });
  allOutputs.push(result.stdout, result.stderr);
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
