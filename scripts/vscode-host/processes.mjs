// Child-process helpers. Long-lived children are started in their own process group so that
// stopping them also stops what they spawned (code-server forks the extension host and watchers).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { onCleanup } from './cleanup.mjs';

/** Runs a command to completion, streaming its output with a prefix; rejects on a non-zero exit. */
export function runStep(command, args, { cwd, env, label = command } = {}) {
  return new Promise((resolve, reject) => {
    // spawn reports a missing cwd as "ENOENT" for the command, which misleads; say it plainly.
    if (cwd && !existsSync(cwd)) return reject(new Error(`${label}: folder ${cwd} does not exist`));
    const child = spawn(command, args, { cwd, env: env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let tail = '';
    const keepTail = (chunk) => {
      tail = (tail + chunk.toString()).slice(-4000);
    };
    child.stdout.on('data', keepTail);
    child.stderr.on('data', keepTail);
    child.on('error', (err) => reject(new Error(`${label}: could not start ${command}: ${err.message}`)));
    child.on('close', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${label} failed (${signal ?? `exit ${code}`}). Last output:\n${tail}`));
    });
  });
}

/**
 * Starts a long-lived process in its own group and registers its termination for cleanup.
 * Returns the child plus `stop()`, which sends SIGTERM to the group and SIGKILL after a grace period.
 */
export function startService(command, args, { cwd, env, label = command, stdio = ['ignore', 'pipe', 'pipe'] } = {}) {
  const child = spawn(command, args, { cwd, env: env ?? process.env, stdio, detached: true });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  let stopping = null;
  const stop = () => {
    stopping ??= (async () => {
      const leaderAlive = child.exitCode === null && child.signalCode === null;
      signalGroup(child.pid, 'SIGTERM');
      if (leaderAlive) {
        const ended = await Promise.race([exited.then(() => true), delay(5000).then(() => false)]);
        if (!ended) signalGroup(child.pid, 'SIGKILL');
        await Promise.race([exited, delay(2000)]);
      } else {
        await delay(300);
      }
      // The leader may be gone while grandchildren linger in its group; make sure they go too.
      signalGroup(child.pid, 'SIGKILL');
    })();
    return stopping;
  };
  onCleanup(`stop ${label} (pid ${child.pid})`, stop);
  return { child, stop, exited, label };
}

function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // Group already gone.
  }
}

export function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
