import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

/** The bundled CLI (dist/cli/kraken-futures-sim.js), rebuilt once per test run so no test uses a stale build. */

export const ROOT = resolve(__dirname, '..', '..', '..');
export const SIM_CLI = resolve(ROOT, 'dist', 'cli', 'kraken-futures-sim.js');

let built = false;

export function ensureSimulatorBuilt(): void {
  if (built) return;
  const result = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`node scripts/build.mjs failed:\n${result.stderr}`);
  built = true;
}
