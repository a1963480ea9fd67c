/* global AbortSignal -- Node 20 global, missing from the shared eslint globals */
// Starts a code-server from a finished install on a free loopback port with fresh, throw-away
// user-data and extensions dirs, and hands back the URLs that open the workbench.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { removeDirOnCleanup } from './cleanup.mjs';
import { freePort } from './freePort.mjs';
import { log } from './log.mjs';
import { delay, startService } from './processes.mjs';

const READY_TIMEOUT_MS = 90_000;
/** A fresh profile that opens straight into the workspace and does not try to reach the internet. */
const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'chat.disableAIFeatures': true,
};

/**
 * @param install  result of ensureCodeServer()
 * @param options  { workspace, env?, port?, smokeTestDriver? (needed to honour a test payload), quiet?, settings? }
 * @returns { port, origin, workspace, stop(), exited, workbenchUrl(payload?) }
 */
export async function startCodeServer(install, { workspace, env = {}, port, smokeTestDriver = false, quiet = true, settings = {} }) {
  const chosenPort = port ?? (await freePort());
  const stateDir = mkdtempSync(join(tmpdir(), 'kfw-code-server-'));
  removeDirOnCleanup(stateDir);
  const userDataDir = join(stateDir, 'user-data');
  const extensionsDir = join(stateDir, 'extensions');
  mkdirSync(userDataDir);
  mkdirSync(extensionsDir);
  mkdirSync(join(userDataDir, 'User'));
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...QUIET_SETTINGS, ...settings }, null, 2));

  const args = [
    install.codeServerBin,
    '--auth', 'none', // safe only because it is bound to loopback below
    '--bind-addr', `127.0.0.1:${chosenPort}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    ...(smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
    workspace,
  ];
  const service = startService(join(install.node24Dir, 'bin', 'node'), args, {
    env: { ...process.env, ...env, PATH: `${join(install.node24Dir, 'bin')}:${process.env.PATH}` },
    label: `code-server on 127.0.0.1:${chosenPort}`,
  });
  let output = '';
  const remember = (chunk) => {
    output = (output + chunk.toString()).slice(-8000);
    if (!quiet) process.stdout.write(chunk);
  };
  service.child.stdout.on('data', remember);
  service.child.stderr.on('data', remember);

  const origin = `http://127.0.0.1:${chosenPort}`;
  await waitUntilReady(origin, service, () => output);
  log(`code-server ${install.codeServerVersion} (VS Code ${install.vscodeVersion}) listening on ${origin}`);

  return {
    port: chosenPort,
    origin,
    workspace,
    stop: service.stop,
    exited: service.exited,
    /** The workbench URL for `workspace`; `payload` is a list of [name, value] pairs (see workbench payload). */
    workbenchUrl(payload) {
      const url = new URL(origin + '/');
      url.searchParams.set('folder', workspace);
      if (payload) url.searchParams.set('payload', JSON.stringify(payload));
      return url.toString();
    },
    /** `vscode-remote://` URI of a local path; its authority must equal the page's host:port. */
    remoteUri(path) {
      return `vscode-remote://127.0.0.1:${chosenPort}${path}`;
    },
  };
}

async function waitUntilReady(origin, service, output) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let exited = false;
  service.exited.then(() => (exited = true));
  while (Date.now() < deadline) {
    if (exited) throw new Error(`code-server exited during start-up. Its output:\n${output()}`);
    try {
      const response = await fetch(`${origin}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await delay(250);
  }
  throw new Error(`code-server did not answer on ${origin} within ${READY_TIMEOUT_MS / 1000} s. Its output:\n${output()}`);
}
