// Starts the local Kraken Futures simulator (dist/cli/kraken-futures-sim.js) when it has been built,
// and reads from its output where it listens and where it wrote its API credentials.
import { existsSync, readdirSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { log } from './log.mjs';
import { startService } from './processes.mjs';

const START_TIMEOUT_MS = 30_000;

/**
 * Resolves to `undefined` (not built yet: says so) or `{ url, secretFile?, stop }`.
 * The simulator prints `listening on http://HOST:PORT` once it accepts requests.
 */
export async function startSimulator(repoRoot, { port = 8790, stateDir = '.sim-state' } = {}) {
  const entry = join(repoRoot, 'dist', 'cli', 'kraken-futures-sim.js');
  if (!existsSync(entry)) {
    log('simulator not available yet (no src/cli/kraken-futures-sim.ts to build), skipping');
    return undefined;
  }
  const absoluteState = resolve(repoRoot, stateDir);
  const service = startService(process.execPath, [entry, '--port', String(port), '--state', absoluteState], { cwd: repoRoot, label: 'kraken-futures-sim' });
  let output = '';
  const url = await new Promise((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`the simulator printed no "listening on" line within ${START_TIMEOUT_MS / 1000} s. Output:\n${output}`)), START_TIMEOUT_MS);
    const onData = (chunk) => {
      output += chunk.toString();
      const match = output.match(/listening on (https?:\/\/\S+)/);
      if (match) {
        clearTimeout(timer);
        resolveUrl(match[1].replace(/\/$/, ''));
      }
    };
    service.child.stdout.on('data', onData);
    service.child.stderr.on('data', onData);
    service.exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the simulator exited (${code}) before listening; is port ${port} already in use? Output:\n${output}`));
    });
  });
  // Keep showing what the simulator says (request log, errors) with a prefix.
  const relay = (chunk) => process.stdout.write(chunk.toString().replace(/^(?=.)/gm, '[sim] '));
  service.child.stdout.on('data', relay);
  service.child.stderr.on('data', relay);
  process.stdout.write(output.replace(/^(?=.)/gm, '[sim] '));
  const secretFile = findSecretFile(output, repoRoot, absoluteState);
  log(`simulator listening on ${url}${secretFile ? `, credentials in ${secretFile}` : ''}`);
  return { url, secretFile, stop: service.stop };
}

/** Where the simulator wrote its API key pair: named in its output, else a credentials-like file in the state dir. */
function findSecretFile(output, repoRoot, stateDir) {
  for (const match of output.matchAll(/(?:secret|credential|key)s?[^:\n]*:\s*(\S+\.\w+)/gi)) {
    const candidate = isAbsolute(match[1]) ? match[1] : resolve(repoRoot, match[1]);
    if (existsSync(candidate)) return candidate;
  }
  if (!existsSync(stateDir)) return undefined;
  const named = readdirSync(stateDir).find((f) => /secret|credential|keys?\b/i.test(f));
  return named ? join(stateDir, named) : undefined;
}
