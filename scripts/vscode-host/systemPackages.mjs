// The Debian packages the code-server route needs: chromium (the headless browser that opens the
// workbench) and libkrb5-dev (gssapi headers for the `kerberos` native module), plus a C++ toolchain.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { log } from './log.mjs';
import { runStep } from './processes.mjs';

export function chromiumPath() {
  return process.env.KFW_CHROMIUM ?? '/usr/bin/chromium';
}

function missingPackages() {
  const missing = [];
  if (!existsSync(chromiumPath())) missing.push('chromium');
  if (!existsSync('/usr/include/gssapi/gssapi.h')) missing.push('libkrb5-dev');
  if (!onPath('make') || !onPath('g++')) missing.push('build-essential');
  if (!onPath('python3')) missing.push('python3');
  return missing;
}

/**
 * Installs what is missing with apt-get when running as root (CI, fresh build machines);
 * otherwise stops with the exact command to run.
 */
export async function ensureSystemPackages() {
  const missing = missingPackages();
  if (missing.length === 0) return;
  const command = `apt-get update && apt-get install -y ${missing.join(' ')}`;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !onPath('apt-get')) {
    throw new Error(`missing system packages: ${missing.join(', ')}. Install them (as root): ${command}`);
  }
  log(`installing system packages: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  await runStep('apt-get', ['update'], { env, label: 'apt-get update' });
  await runStep('apt-get', ['install', '-y', ...missing], { env, label: 'apt-get install' });
  const still = missingPackages();
  if (still.length > 0) throw new Error(`still missing after apt-get: ${still.join(', ')}`);
}

function onPath(command) {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
