// Runs the extension-host test suite (dist/test/host/index.js) inside a real VS Code.
//   desktop VS Code via @vscode/test-electron when one is installed or downloadable,
//   otherwise code-server + headless Chromium (offline build machines; see scripts/vscode-host/).
// Env: KFW_TEST_HOST=electron|code-server forces a host; KFW_VSCODE_CACHE moves the code-server
// install; KFW_HOST_TEST_TIMEOUT_MS bounds the run (default 15 min). Exit status = mocha's.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cleanupAll } from './vscode-host/cleanup.mjs';
import { defaultCacheDir } from './vscode-host/codeServerInstall.mjs';
import { runTestsInCodeServer } from './vscode-host/codeServerTests.mjs';
import { findDesktopVSCode, runTestsInElectron } from './vscode-host/electronHost.mjs';
import { log } from './vscode-host/log.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const extensionTestsPath = join(repoRoot, 'dist', 'test', 'host', 'index.js');
const options = {
  cacheDir: defaultCacheDir(repoRoot),
  extensionDevelopmentPath: repoRoot,
  extensionTestsPath,
  workspace: join(repoRoot, 'test', 'host', 'fixtures'),
  timeoutMs: Number(process.env.KFW_HOST_TEST_TIMEOUT_MS ?? 15 * 60_000),
};

async function main() {
  if (!existsSync(extensionTestsPath) || !existsSync(join(repoRoot, 'dist', 'extension.js'))) {
    throw new Error('dist/ is missing the extension or the test bundle: run `node scripts/build.mjs` first (npm run test:host does).');
  }
  const forced = process.env.KFW_TEST_HOST;
  if (forced && forced !== 'electron' && forced !== 'code-server') throw new Error(`KFW_TEST_HOST must be "electron" or "code-server", not "${forced}"`);

  if (forced !== 'code-server') {
    const desktop = await findDesktopVSCode(repoRoot);
    if (!desktop.unavailable) {
      log(`using desktop VS Code (${desktop.reason})`);
      return runTestsInElectron(desktop, options);
    }
    if (forced === 'electron') throw new Error(`KFW_TEST_HOST=electron but no desktop VS Code: ${desktop.unavailable}`);
    log(`desktop VS Code not available: ${desktop.unavailable}; using code-server`);
  }
  return runTestsInCodeServer(options);
}

let exitCode = 1;
try {
  exitCode = await main();
  log(exitCode === 0 ? 'extension-host tests passed' : `extension-host tests FAILED (exit ${exitCode})`);
} catch (err) {
  log(`error: ${err?.message ?? err}`);
} finally {
  await cleanupAll();
}
process.exit(exitCode);
