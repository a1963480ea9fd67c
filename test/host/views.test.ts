import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Views } from '../../src/extension/shared/commands';
import { activatedApi, contributes } from './extensionUnderTest';

describe('views', () => {
  before(() => activatedApi());

  it('contributes the four views in the Kraken Futures container', () => {
    const ids = contributes().views[Views.container].map((v) => v.id);
    assert.deepEqual(ids, [Views.instruments, Views.positions, Views.orders, Views.account]);
  });

  it('opens the activity-bar container', async () => {
    await vscode.commands.executeCommand(`workbench.view.extension.${Views.container}`);
  });

  for (const id of [Views.instruments, Views.positions, Views.orders, Views.account]) {
    it(`focuses ${id}`, async () => {
      await vscode.commands.executeCommand(`${id}.focus`);
    });
  }

  it('gives every view welcome content that points somewhere useful', () => {
    for (const view of contributes().views[Views.container]) {
      const welcome = contributes().viewsWelcome.find((w) => w.view === view.id);
      assert.ok(welcome && welcome.contents.length > 40, `${view.id} has no welcome content`);
    }
  });
});
