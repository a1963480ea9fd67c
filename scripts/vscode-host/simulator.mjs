// Starts the local Kraken Futures simulator (dist/cli/kraken-futures-sim.js) when it has been built,
// and reads from its output where it listens and where it wrote its API credentials.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { log } from './log.mjs';
import { startService } from './processes.mjs';

const START_TIMEOUT_MS = 30_000;

/**
 * Resolves to `undefined` (not built yet: says so) or `{ url, secretFile?, apiKey?, stop }`.
 * The simulator prints `listening on http://HOST:PORT` once it accepts requests, then
 * `api key: <key>` and `api secret written to <file>` (the secret itself is never printed).
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
  const secretFile = findSecretFile(output, absoluteState);
  const apiKey = output.match(/^api key: (\S+)$/m)?.[1];
  log(`simulator listening on ${url}${secretFile ? `, its API secret in ${secretFile}` : ' (secret file not found: the extension will start its own simulator)'}`);
  return { url, secretFile, apiKey, stop: service.stop };
}

/**
 * Where the simulator wrote its API secret: it prints `api secret written to <file> (mode 0600)`;
 * older or quieter builds leave `api-secret` in the state dir.
 */
function findSecretFile(output, stateDir) {
  const announced = output.match(/api secret written to (\S+)/)?.[1];
  if (announced && existsSync(announced)) return announced;
  const inState = join(stateDir, 'api-secret');
  return existsSync(inState) ? inState : undefined;
}
