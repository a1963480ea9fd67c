// Shared set-up of the .kfreq suites: documents in the kfreq language, the example files, and
// waiting for the response view to report what it rendered.
import * as assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ResponseEntry } from '../../src/core/requests';
import type { RenderReport } from '../../src/extension/requests/responseView';
import type { KrakenFuturesTestApi } from '../../src/extension/shared/testApi';
import { activatedApi, extensionUnderTest } from './extensionUnderTest';

/** The extension on the Local environment with the simulator started (so its key pair is stored). */
export async function requestsApi(): Promise<KrakenFuturesTestApi> {
  const api = await activatedApi();
  if (api.environments.active.id !== 'local') await api.environments.switchTo('local');
  await api.environments.client({ requireCredentials: true });
  return api;
}

let fileCounter = 0;
const scratch = mkdtempSync(path.join(tmpdir(), 'kfreq-host-'));

/**
 * A saved `.kfreq` file with `content`, opened in an editor. Saved files (not untitled ones) so
 * closing editors between tests never asks whether to save.
 */
export async function kfreqDocument(content: string): Promise<vscode.TextDocument> {
  fileCounter += 1;
  const file = path.join(scratch, `test-${fileCounter}.kfreq`);
  writeFileSync(file, content);
  const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  await vscode.window.showTextDocument(document);
  return document;
}

export async function exampleDocument(name: string): Promise<vscode.TextDocument> {
  const uri = vscode.Uri.file(path.join(extensionUnderTest().extensionPath, 'examples', name));
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document);
  return document;
}

/** Resolves with what the response view's page reported after drawing entry `entryId` (drawn already or later). */
export function renderOf(api: KrakenFuturesTestApi, entryId: string, timeoutMs = 30_000): Promise<RenderReport> {
  return new Promise((resolve, reject) => {
    const check = (report: RenderReport | undefined): boolean => {
      if (!report || report.entryId !== entryId) return false;
      clearTimeout(timer);
      subscription.dispose();
      resolve(report);
      return true;
    };
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`the response view reported no rendering of entry ${entryId} (last: ${JSON.stringify(api.requests.responseView.lastRender)})`));
    }, timeoutMs);
    const subscription = api.requests.responseView.onDidRender((report) => check(report));
    // The page may already have drawn it.
    check(api.requests.responseView.lastRender);
  });
}

export function onlyEntry(entries: readonly ResponseEntry[] | undefined): ResponseEntry {
  assert.ok(entries, 'the command returned no entries (did it report an error?)');
  assert.equal(entries.length, 1);
  return entries[0] as ResponseEntry;
}

/** Closes editors (and the response view) between tests without saving anything. */
export async function closeAll(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
