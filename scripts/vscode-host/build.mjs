// Runs the project build (scripts/build.mjs) with its output shown, before a host starts.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { log } from './log.mjs';

export function buildProject(repoRoot) {
  log('building (node scripts/build.mjs)');
  const result = spawnSync(process.execPath, [join(repoRoot, 'scripts', 'build.mjs')], { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`the build failed (exit ${result.status ?? result.signal})`);
}
