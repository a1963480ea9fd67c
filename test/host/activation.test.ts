import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activatedApi, extensionUnderTest } from './extensionUnderTest';

describe('activation', () => {
  it('activates without errors and hands back the internal test API', async () => {
    const api = await activatedApi();
    assert.equal(extensionUnderTest().isActive, true);
    assert.equal(typeof api.credentials.get, 'function');
    assert.equal(typeof api.onDidReportError, 'function');
  });

  it('runs from the bundled entry point', () => {
    const extension = extensionUnderTest();
    assert.equal(extension.packageJSON.main, './dist/extension.js');
    // Desktop and code-server both run it in the Node extension host, next to the workspace.
    assert.equal(extension.extensionKind, vscode.ExtensionKind.Workspace);
  });
});
