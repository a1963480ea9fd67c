// `npm start`: build, start the local simulator (when it exists), then open VS Code with the
// extension in development mode on examples/: desktop `code` if on PATH, else code-server at a
// printed loopback URL. Ctrl-C stops everything that was started.
//   KFW_PORT=<port>      fixed code-server port (default: a free one)
//   KFW_EDITOR=code-server  use code-server even when `code` is on PATH
import { execFileSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildProject } from './vscode-host/build.mjs';
import { cleanupAll } from './vscode-host/cleanup.mjs';
import { startCodeServer } from './vscode-host/codeServer.mjs';
import { defaultCacheDir, ensureCodeServer } from './vscode-host/codeServerInstall.mjs';
import { log } from './vscode-host/log.mjs';
import { startService } from './vscode-host/processes.mjs';
import { startSimulator } from './vscode-host/simulator.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const workspace = join(repoRoot, 'examples');

async function main() {
  buildProject(repoRoot);
  const simulator = await startSimulator(repoRoot);
  // Read by src/extension/environments/localSimulator.ts to attach to this simulator.
  const env = simulator
    ? {
        KRAKEN_FUTURES_SIM_URL: simulator.url,
        ...(simulator.secretFile ? { KRAKEN_FUTURES_SIM_SECRET_FILE: simulator.secretFile } : {}),
        ...(simulator.apiKey ? { KRAKEN_FUTURES_SIM_API_KEY: simulator.apiKey } : {}),
      }
    : {};

  const desktop = process.env.KFW_EDITOR !== 'code-server' && onPath('code');
  const editorExited = desktop ? openDesktop(env) : await openCodeServer(env);
  await editorExited;
}

/** `code --wait` blocks until the window closes. A VS Code that is already running keeps its old environment. */
function openDesktop(env) {
  log('opening desktop VS Code (`code --wait`); if VS Code was already running, quit it first so it sees the simulator settings');
  const code = startService('code', ['--new-window', '--wait', `--extensionDevelopmentPath=${repoRoot}`, workspace], {
    env: { ...process.env, ...env },
    label: 'code',
    stdio: 'inherit',
  });
  return code.exited;
}

async function openCodeServer(env) {
  const install = await ensureCodeServer(defaultCacheDir(repoRoot));
  const port = process.env.KFW_PORT ? Number(process.env.KFW_PORT) : undefined;
  // The smoke-test driver flag makes the built workbench honour the extensionDevelopmentPath payload.
  const server = await startCodeServer(install, { workspace, env, port, smokeTestDriver: true, quiet: true });
  const url = server.workbenchUrl([['extensionDevelopmentPath', server.remoteUri(repoRoot)], ['skipWelcome', 'true']]);
  console.log('');
  console.log(`  Kraken Futures Workbench (development mode) in VS Code ${install.vscodeVersion} / code-server ${install.codeServerVersion}:`);
  console.log(`    ${url}`);
  console.log('  Listening on loopback only, without a password. Open it in a browser on this machine');
  console.log(`  (or forward the port: ssh -L ${server.port}:127.0.0.1:${server.port} <this host>). Ctrl-C stops everything.`);
  if (env.KRAKEN_FUTURES_SIM_URL) console.log(`  Simulator: ${env.KRAKEN_FUTURES_SIM_URL}`);
  console.log('');
  return server.exited;
}

function onPath(command) {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

let exitCode = 0;
try {
  await main();
} catch (err) {
  log(`error: ${err?.message ?? err}`);
  exitCode = 1;
} finally {
  await cleanupAll();
}
process.exit(exitCode);
