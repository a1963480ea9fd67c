/* global AbortSignal -- Node 20 global, missing from the shared eslint globals */
// The ordinary desktop route (@vscode/test-electron), used wherever a desktop VS Code is installed
// or can be downloaded. Build machines without internet fall back to code-server instead.
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { removeDirOnCleanup } from './cleanup.mjs';
import { log } from './log.mjs';

const PROBE_URL = 'https://update.code.visualstudio.com/api/releases/stable';
const PROBE_TIMEOUT_MS = 5000;

/**
 * Finds a desktop VS Code: `VSCODE_EXECUTABLE`, then a build @vscode/test-electron already
 * downloaded into `.vscode-test/`, then (quick probe) the download server.
 * Returns `{ executable?, download?: true, reason }` or `{ unavailable: reason }`.
 */
export async function findDesktopVSCode(repoRoot) {
  if (process.env.VSCODE_EXECUTABLE) {
    if (!existsSync(process.env.VSCODE_EXECUTABLE)) return { unavailable: `VSCODE_EXECUTABLE=${process.env.VSCODE_EXECUTABLE} does not exist` };
    return { executable: process.env.VSCODE_EXECUTABLE, reason: 'VSCODE_EXECUTABLE' };
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { unavailable: 'no display for a desktop VS Code (run under xvfb-run, or set VSCODE_EXECUTABLE and DISPLAY)' };
  }
  const cached = cachedDownload(join(repoRoot, '.vscode-test'));
  if (cached) return { executable: cached, reason: 'previous download in .vscode-test/' };
  try {
    const response = await fetch(PROBE_URL, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
    if (response.ok) return { download: true, reason: 'update.code.visualstudio.com is reachable' };
    return { unavailable: `${PROBE_URL} answered HTTP ${response.status}` };
  } catch (err) {
    return { unavailable: `cannot reach update.code.visualstudio.com (${err?.cause?.code ?? err?.name ?? err})` };
  }
}

/** Runs the suite with @vscode/test-electron; resolves to its exit code. */
export async function runTestsInElectron(desktop, { extensionDevelopmentPath, extensionTestsPath, workspace }) {
  const { runTests, downloadAndUnzipVSCode } = await import('@vscode/test-electron');
  const executable = desktop.executable ?? (await downloadAndUnzipVSCode({ version: 'stable' }));
  log(`host: desktop VS Code ${versionOf(executable)} via @vscode/test-electron (${executable})`);
  const stateDir = mkdtempSync(join(tmpdir(), 'kfw-electron-'));
  removeDirOnCleanup(stateDir);
  try {
    return await runTests({
      vscodeExecutablePath: executable,
      extensionDevelopmentPath,
      extensionTestsPath,
      launchArgs: [
        workspace,
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        '--user-data-dir', join(stateDir, 'user-data'),
        '--extensions-dir', join(stateDir, 'extensions'),
      ],
    });
  } catch (err) {
    // runTests rejects with TestRunFailedError when the suite fails; its report is already printed.
    log(String(err?.message ?? err));
    return 1;
  }
}

function cachedDownload(cacheDir) {
  if (!existsSync(cacheDir)) return undefined;
  for (const name of readdirSync(cacheDir).filter((n) => n.startsWith('vscode-')).sort().reverse()) {
    const dir = join(cacheDir, name);
    if (!existsSync(join(dir, 'is-complete'))) continue;
    const executable = [join(dir, 'code'), join(dir, 'Code.exe'), join(dir, 'Visual Studio Code.app', 'Contents', 'MacOS', 'Electron')].find(existsSync);
    if (executable) return executable;
  }
  return undefined;
}

function versionOf(executable) {
  try {
    // Electron's --version prints the VS Code version on the first line without opening a window.
    return execFileSync(executable, ['--version'], { encoding: 'utf8', timeout: 20_000, env: { ...process.env, ELECTRON_RUN_AS_NODE: undefined } }).split('\n')[0].trim();
  } catch {
    return '(version unknown)';
  }
}
