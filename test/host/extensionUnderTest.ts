import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { KrakenFuturesTestApi } from '../../src/extension/shared/testApi';

export const EXTENSION_ID = 'kraken-futures-workbench.kraken-futures-workbench';

/** The extension as VS Code loaded it (from extensionDevelopmentPath). */
export function extensionUnderTest(): vscode.Extension<KrakenFuturesTestApi> {
  const extension = vscode.extensions.getExtension<KrakenFuturesTestApi>(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not loaded in this host`);
  return extension;
}

/** Activates the extension (a no-op when already active) and returns its internal test API. */
export async function activatedApi(): Promise<KrakenFuturesTestApi> {
  return extensionUnderTest().activate();
}

/** The `contributes` section of our package.json, as VS Code read it. */
export function contributes(): Record<string, unknown> & {
  commands: { command: string; title: string; category: string }[];
  views: Record<string, { id: string; name: string }[]>;
  languages: { id: string; extensions: string[] }[];
  viewsWelcome: { view: string; contents: string }[];
} {
  return extensionUnderTest().packageJSON.contributes;
}

/** Resolves once `predicate` holds, polling; fails with `what` after `timeoutMs`. */
export async function eventually(what: string, predicate: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
