import Mocha from 'mocha';
import { format } from 'node:util';
import * as vscode from 'vscode';

/**
 * Creates the suite's Mocha instance and installs `describe`/`it` as globals. index.ts imports this
 * module before the test files, so their top-level `describe` calls register on this instance
 * (the test files are imported statically so esbuild can bundle them into one file).
 */
export const mocha = new Mocha({
  ui: 'bdd',
  color: false,
  // A hang guard, not a speed check: shared build machines can be loaded enough to make a single
  // editor operation take many seconds.
  timeout: 60_000,
  reporter: 'spec',
  // KFW_HOST_GREP=<text> runs only the matching tests (the runner passes its environment through).
  ...(process.env.KFW_HOST_GREP ? { grep: process.env.KFW_HOST_GREP } : {}),
});
mocha.suite.emit('pre-require', globalThis, 'extension-host-suite', mocha);

/**
 * In code-server the extension host's console reaches the runner through the workbench log, mixed
 * with the workbench's own messages and with printf arguments joined by commas. So the report is
 * formatted here, one string per line, and tagged for scripts/run-host-tests.mjs to pick out.
 * The desktop host pipes the console straight to stdout: no tag there.
 */
export const REPORT_TAG = '[kfw-host-test] ';
const tag = vscode.env.uiKind === vscode.UIKind.Web ? REPORT_TAG : '';
Mocha.reporters.Base.consoleLog = (...args: unknown[]) => console.log(tag + format(...args).replace(/\n/g, `\n${tag}`));
