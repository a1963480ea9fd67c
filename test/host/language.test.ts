import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LANGUAGE_ID } from '../../src/extension/shared/commands';
import { eventually, extensionUnderTest } from './extensionUnderTest';

describe('kfreq language', () => {
  afterEach(() => vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor'));

  it('is a known language', async () => {
    assert.ok((await vscode.languages.getLanguages()).includes(LANGUAGE_ID));
  });

  it('is given to a file ending in .kfreq', async () => {
    const file = vscode.Uri.file(path.join(extensionUnderTest().extensionPath, 'test', 'host', 'fixtures', 'smoke.kfreq'));
    const document = await vscode.workspace.openTextDocument(file);
    await vscode.window.showTextDocument(document);
    assert.equal(document.languageId, LANGUAGE_ID);
  });

  it('comments a line with "#" (language-configuration.json)', async () => {
    const document = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: 'GET /derivatives/api/v3/tickers\n' });
    const editor = await vscode.window.showTextDocument(document);
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    // The web workbench fetches the language configuration lazily; until it has it, the command
    // does nothing, so repeat it only while the line is still untouched.
    await eventually('the line to be commented', async () => {
      if (document.lineAt(0).text === 'GET /derivatives/api/v3/tickers') await vscode.commands.executeCommand('editor.action.commentLine');
      return document.lineAt(0).text !== 'GET /derivatives/api/v3/tickers';
    }, 30_000);
    assert.equal(document.lineAt(0).text, '# GET /derivatives/api/v3/tickers');
  });
});
