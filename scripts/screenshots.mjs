// `npm run screenshots`: starts code-server with the extension in development mode on examples/,
// drives the workbench with Playwright and saves PNGs into media/screenshots/.
// Each shot is a module in scripts/screenshots/shots/ (run in file-name order) exporting
//   default { name, description, async run(workbench) }   — see scripts/screenshots/workbench.mjs.
//   node scripts/screenshots.mjs [name ...]   only the named shots
import { mkdirSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Workbench } from './screenshots/workbench.mjs';
import { launchBrowser } from './vscode-host/browser.mjs';
import { buildProject } from './vscode-host/build.mjs';
import { cleanupAll } from './vscode-host/cleanup.mjs';
import { startCodeServer } from './vscode-host/codeServer.mjs';
import { defaultCacheDir, ensureCodeServer } from './vscode-host/codeServerInstall.mjs';
import { log } from './vscode-host/log.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shotsDir = join(repoRoot, 'scripts', 'screenshots', 'shots');
const outputDir = join(repoRoot, 'media', 'screenshots');
const VIEWPORT = { width: 1280, height: 860 };

async function loadShots(only) {
  const files = readdirSync(shotsDir).filter((f) => f.endsWith('.mjs')).sort();
  const shots = [];
  for (const file of files) {
    const shot = (await import(pathToFileURL(join(shotsDir, file)).href)).default;
    if (!shot?.name || typeof shot.run !== 'function') throw new Error(`${file} must export default { name, description, run(workbench) }`);
    if (only.length === 0 || only.includes(shot.name)) shots.push(shot);
  }
  if (shots.length === 0) throw new Error(`no shot matches ${only.join(', ')}; available: ${files.join(', ')}`);
  return shots;
}

async function main() {
  const shots = await loadShots(process.argv.slice(2));
  buildProject(repoRoot);
  const install = await ensureCodeServer(defaultCacheDir(repoRoot));
  const server = await startCodeServer(install, {
    workspace: join(repoRoot, 'examples'),
    smokeTestDriver: true,
    settings: {
      'workbench.colorTheme': 'Default Dark Modern',
      'window.autoDetectColorScheme': false,
      'workbench.layoutControl.enabled': false,
      'workbench.secondarySideBar.defaultVisibility': 'hidden',
    },
  });
  const browser = await launchBrowser();
  const page = await browser.newPage({ viewport: VIEWPORT, colorScheme: 'dark' });
  // Generous: shared build machines can be heavily loaded.
  page.setDefaultTimeout(60_000);
  await page.goto(server.workbenchUrl([['extensionDevelopmentPath', server.remoteUri(repoRoot)], ['skipWelcome', 'true']]), { waitUntil: 'domcontentloaded', timeout: 120_000 });
  const workbench = new Workbench(page, outputDir);
  mkdirSync(outputDir, { recursive: true });
  await workbench.ready();
  // The stored default theme paints first; wait until the configured dark theme has been applied.
  await page.waitForSelector('.monaco-workbench.vs-dark', { timeout: 30_000 });

  let failed = 0;
  for (const shot of shots) {
    log(`shot ${shot.name}: ${shot.description ?? ''}`);
    try {
      await shot.run(workbench);
    } catch (err) {
      failed += 1;
      log(`shot ${shot.name} FAILED: ${err?.message ?? err}`);
      // Kept out of media/ (committed): an ignored folder, for looking at what went wrong.
      const failurePath = join(repoRoot, '.vscode-test', 'screenshot-failures', `${shot.name}.png`);
      mkdirSync(dirname(failurePath), { recursive: true });
      await page.screenshot({ path: failurePath }).then(() => log(`  state at failure: ${failurePath}`), () => undefined);
    }
    await workbench.reset().catch(() => undefined);
  }
  for (const path of workbench.saved) log(`wrote ${path}`);
  return failed === 0 ? 0 : 1;
}

let exitCode = 1;
try {
  exitCode = await main();
} catch (err) {
  log(`error: ${err?.message ?? err}`);
} finally {
  await cleanupAll();
}
process.exit(exitCode);
