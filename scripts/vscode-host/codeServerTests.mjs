// Runs the extension-host suite in code-server: the test payload in the workbench URL makes the
// (remote, Node) extension host load our extension and run extensionTestsPath; the page reports the
// suite's console output and the exit code back through two functions we expose on it.
import { launchBrowser } from './browser.mjs';
import { startCodeServer } from './codeServer.mjs';
import { ensureCodeServer } from './codeServerInstall.mjs';
import { log } from './log.mjs';

/** Returns mocha's exit code (0 = all passed). */
export async function runTestsInCodeServer({ cacheDir, extensionDevelopmentPath, extensionTestsPath, workspace, timeoutMs }) {
  const install = await ensureCodeServer(cacheDir);
  log(`host: code-server ${install.codeServerVersion} = VS Code ${install.vscodeVersion} (Node ${install.node24Version}), headless Chromium`);
  const server = await startCodeServer(install, { workspace, smokeTestDriver: true });
  const browser = await launchBrowser();
  const page = await browser.newPage();

  let finish;
  const exitCode = new Promise((resolve) => (finish = resolve));
  await page.exposeFunction('codeAutomationExit', (code) => finish(Number(code)));
  const printLog = suiteOutputPrinter(extensionDevelopmentPath);
  await page.exposeFunction('codeAutomationLog', (level, message) => printLog(level, String(message)));
  page.on('pageerror', (err) => log(`workbench page error: ${err.message}`));

  const payload = [
    ['extensionDevelopmentPath', server.remoteUri(extensionDevelopmentPath)],
    ['extensionTestsPath', server.remoteUri(extensionTestsPath)],
    ['skipWelcome', 'true'],
  ];
  // The suite's own timeout bounds the run; page loading on a loaded machine may be slow.
  await page.goto(server.workbenchUrl(payload), { waitUntil: 'domcontentloaded', timeout: 180_000 });

  let timer;
  const timedOut = new Promise((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  const outcome = await Promise.race([exitCode, timedOut, server.exited.then(() => 'server-exited')]);
  clearTimeout(timer);
  if (outcome === 'timeout') {
    log(`the suite did not finish within ${Math.round(timeoutMs / 1000)} s (set KFW_HOST_TEST_TIMEOUT_MS to change)`);
    return 1;
  }
  if (outcome === 'server-exited') {
    log('code-server exited before the suite finished');
    return 1;
  }
  return outcome;
}

/** Must match REPORT_TAG in test/host/mochaSetup.ts. */
const REPORT_TAG = '[kfw-host-test] ';

/**
 * The workbench log carries the suite's report (tagged lines) among much noise: other built-in
 * extensions, the unreachable gallery, telemetry. Print the report, plus errors that concern our
 * extension or the test runner; KFW_HOST_LOG=all prints everything.
 */
function suiteOutputPrinter(extensionPath) {
  const everything = process.env.KFW_HOST_LOG === 'all';
  const ours = [extensionPath, 'kraken-futures-workbench', 'extensionTests', 'test runner'];
  return (level, message) => {
    if (message.startsWith(REPORT_TAG)) {
      console.log(message.split('\n').map((line) => (line.startsWith(REPORT_TAG) ? line.slice(REPORT_TAG.length) : line)).join('\n'));
    } else if (everything || (level === 'error' && ours.some((s) => message.includes(s)))) {
      console.log(`[workbench ${level}] ${message}`);
    }
  };
}
