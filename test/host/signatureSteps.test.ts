import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Commands } from '../../src/extension/shared/commands';
import type { ReportedError } from '../../src/extension/shared/commandErrorReporter';
import { activatedApi, eventually } from './extensionUnderTest';

// Vector R3 of the API reference (§9.4): the docs' orderbook inputs signed with Secret A.
const SECRET_A = '7zxMEF5p/Z8l2p2U7Ghv6x14Af+Fx+92tPgUdVQ748FOIrEoT9bgT+bTRfXc5pz8na+hL/QdrCVG7bh9KpT0eMTm';
const API_KEY = 'HostTestPublicKey0123456789abcdef';
const R3 = {
  method: 'GET',
  path: '/derivatives/api/v3/orderbook',
  postData: 'symbol=fi_xbtusd_180615',
  nonce: '1415957147987',
  apiKey: API_KEY,
  secret: SECRET_A,
};
const R3_AUTHENT = 'JHLjN8OUDYaXjHRGT0z4nUvJorORrXoL9omot4BK5ihtp6jKHPHfzX9MrpVjqAgKqGJejoO3gySwoVCMJQlx/Q==';

describe('Show Signature Steps', () => {
  const reported: ReportedError[] = [];
  let subscription: vscode.Disposable;
  before(async () => {
    subscription = (await activatedApi()).onDidReportError((e) => reported.push(e));
  });
  after(() => subscription.dispose());
  beforeEach(() => {
    reported.length = 0;
  });
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('opens the ordered steps of a known vector in a read-only Markdown document', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>(Commands.showSignatureSteps, R3);
    assert.ok(uri, 'the command returned no document');
    const document = vscode.window.activeTextEditor?.document;
    assert.equal(document?.uri.toString(), uri.toString(), 'the steps are not the active editor');
    assert.equal(document.languageId, 'markdown');
    assert.notEqual(document.uri.scheme, 'file');
    assert.notEqual(document.uri.scheme, 'untitled');

    const text = document.getText();
    assert.ok(text.includes(R3_AUTHENT), 'Authent of vector R3 is missing');
    const headings = [...text.matchAll(/^## \d+\. (.*)$/gm)].map((m) => m[1]);
    const expectedOrder = [/^postData/, /^nonce/, /^endpointPath/, /^message = postData \+ nonce \+ endpointPath/, /^SHA-256/, /HMAC key/, /HMAC-SHA512/, /^headers/];
    let cursor = 0;
    for (const pattern of expectedOrder) {
      const found = headings.findIndex((h, i) => i >= cursor && pattern.test(h));
      assert.ok(found >= 0, `step ${pattern} missing or out of order in: ${headings.join(' | ')}`);
      cursor = found + 1;
    }
    assert.ok(text.includes('symbol=fi_xbtusd_1806151415957147987/api/v3/orderbook'), 'the signed message is missing');
  });

  it('never shows the secret or the full API key', async () => {
    await vscode.commands.executeCommand<vscode.Uri>(Commands.showSignatureSteps, R3);
    const text = vscode.window.activeTextEditor!.document.getText();
    assert.ok(!text.includes(SECRET_A), 'the secret appears in the document');
    assert.ok(!text.includes(SECRET_A.slice(0, 16)), 'part of the secret appears in the document');
    assert.ok(!text.includes(Buffer.from(SECRET_A, 'base64').toString('hex').slice(0, 16)), 'the decoded secret appears in the document');
    assert.ok(!text.includes(API_KEY), 'the full API key appears in the document');
  });

  it('reports a malformed secret as an actionable error, without echoing it', async () => {
    const badSecret = SECRET_A.slice(0, -1);
    const result = await vscode.commands.executeCommand(Commands.showSignatureSteps, { ...R3, secret: badSecret });
    assert.equal(result, undefined);
    await eventually('the error to be reported', () => reported.length > 0);
    assert.equal(reported[0].expected, true);
    assert.match(reported[0].message, /secret/);
    assert.match(reported[0].message, /multiple of 4/);
    assert.ok(!reported[0].message.includes(badSecret.slice(0, 12)));
  });

  it('reports a full URL given as the path', async () => {
    await vscode.commands.executeCommand(Commands.showSignatureSteps, { ...R3, path: 'https://futures.kraken.com/derivatives/api/v3/orderbook' });
    await eventually('the error to be reported', () => reported.length > 0);
    assert.match(reported[0].message, /only the path/);
  });

  it('asks for what is missing: the method is picked in a quick pick', async () => {
    const { method: _omitted, ...withoutMethod } = R3;
    const pending = Promise.resolve(vscode.commands.executeCommand<vscode.Uri | undefined>(Commands.showSignatureSteps, withoutMethod));
    let settled = false;
    void pending.finally(() => (settled = true));
    // The first item is GET; accept it once the quick pick is up (accepting earlier is a no-op).
    await eventually('the method quick pick to be accepted', async () => {
      if (!settled) await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      return settled;
    });
    const uri = await pending;
    assert.ok(uri, 'no document after picking the method');
    assert.ok(vscode.window.activeTextEditor!.document.getText().includes(R3_AUTHENT));
  });

  it('does nothing when the person cancels a prompt', async () => {
    const pending = Promise.resolve(vscode.commands.executeCommand<vscode.Uri | undefined>(Commands.showSignatureSteps, { method: 'GET' }));
    let settled = false;
    void pending.finally(() => (settled = true));
    await eventually('the prompt to be cancelled', async () => {
      if (!settled) await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      return settled;
    });
    assert.equal(await pending, undefined);
    assert.equal(reported.length, 0);
  });
});
