// Everything a host script starts (servers, browsers, temp dirs) registers its teardown here, so it
// is undone in reverse order on normal exit, on failure and on Ctrl-C / SIGTERM alike.
import { rmSync } from 'node:fs';
import { log } from './log.mjs';

const tasks = [];
let running = null;
let signalsHooked = false;

/** Registers `fn` (sync or async) to run once during cleanup; returns a function that unregisters it. */
export function onCleanup(label, fn) {
  hookSignals();
  const task = { label, fn };
  tasks.push(task);
  return () => {
    const i = tasks.indexOf(task);
    if (i >= 0) tasks.splice(i, 1);
  };
}

/** Removes a directory during cleanup. */
export function removeDirOnCleanup(dir) {
  return onCleanup(`remove ${dir}`, () => rmSync(dir, { recursive: true, force: true }));
}

/** Runs every registered task (newest first). Safe to call more than once. */
export function cleanupAll() {
  running ??= (async () => {
    while (tasks.length > 0) {
      const task = tasks.pop();
      try {
        await task.fn();
      } catch (err) {
        log(`cleanup "${task.label}" failed: ${err?.message ?? err}`);
      }
    }
    running = null;
  })();
  return running;
}

function hookSignals() {
  if (signalsHooked) return;
  signalsHooked = true;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.once(signal, () => {
      log(`${signal} received, stopping everything that was started`);
      // 130 = interrupted, the conventional exit status after Ctrl-C.
      void cleanupAll().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
    });
  }
}
