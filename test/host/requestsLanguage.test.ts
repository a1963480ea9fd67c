import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { KrakenFuturesTestApi } from '../../src/extension/shared/testApi';
import { contributes, eventually } from './extensionUnderTest';
import { closeAll, kfreqDocument, requestsApi } from './requestsSupport';

async function completionLabels(document: vscode.TextDocument, position: vscode.Position): Promise<string[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position);
  // The language's snippets are offered everywhere; only the provider's own items matter here.
  return list.items.filter((item) => item.kind !== vscode.CompletionItemKind.Snippet).map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
}

async function diagnosticsWith(document: vscode.TextDocument, code: string): Promise<vscode.Diagnostic[]> {
  const find = () => vscode.languages.getDiagnostics(document.uri).filter((d) => d.code === code);
  await eventually(`a ${code} diagnostic on ${document.uri.path}`, () => find().length > 0, 15_000);
  return find();
}

describe('kfreq language: completion, diagnostics, hover, CodeLens', function () {
  this.timeout(60_000);
  let api: KrakenFuturesTestApi;

  before(async () => {
    api = await requestsApi();
  });
  afterEach(closeAll);

  it('completes endpoints on the request line', async () => {
    const document = await kfreqDocument('GET /derivatives/api/v3/t');
    const labels = await completionLabels(document, new vscode.Position(0, 25));
    assert.ok(labels.includes('GET /derivatives/api/v3/tickers'), labels.join(', '));
    assert.ok(labels.includes('GET /derivatives/api/v3/tickers/{symbol}'));
    assert.ok(!labels.some((l) => l.startsWith('POST ')), 'only endpoints served with the method written');
  });

  it('completes parameter names, then enum values and symbols from the instrument list', async () => {
    const document = await kfreqDocument('POST /derivatives/api/v3/sendorder\norderType = lmt\n\nside = \nsymbol = ');
    const names = await completionLabels(document, new vscode.Position(2, 0));
    for (const name of ['size', 'limitPrice', 'cliOrdId', 'reduceOnly']) assert.ok(names.includes(name), `${name} in ${names.join(', ')}`);
    assert.ok(!names.includes('orderType') && !names.includes('side'), 'a parameter already written is not offered again');
    assert.deepEqual((await completionLabels(document, new vscode.Position(3, 7))).sort(), ['buy', 'sell']);

    await api.requests.instruments.load();
    const symbols = await completionLabels(document, new vscode.Position(4, 9));
    assert.ok(symbols.includes('PF_XBTUSD') && symbols.includes('PI_XBTUSD'), symbols.join(', '));
  });

  it('flags a missing required parameter, and a price off the tick size once instruments are known', async () => {
    await api.requests.instruments.load();
    const document = await kfreqDocument('POST /derivatives/api/v3/sendorder\norderType = lmt\nsymbol = PF_XBTUSD\nside = buy\nlimitPrice = 50000.5\n');
    const [missing] = await diagnosticsWith(document, 'param-missing');
    assert.match(missing?.message ?? '', /size/);
    assert.equal(missing?.severity, vscode.DiagnosticSeverity.Error);
    const [offTick] = await diagnosticsWith(document, 'price-off-tick');
    assert.match(offTick?.message ?? '', /tick size 1 of PF_XBTUSD/);
    assert.equal(offTick?.range.start.line, 4);
  });

  it('re-checks after an edit (debounced): the fixed parameter loses its diagnostic', async () => {
    const document = await kfreqDocument('GET /derivatives/api/v3/orderbook\n');
    await diagnosticsWith(document, 'param-missing');
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document, document);
    try {
      await editor.edit((edit) => edit.insert(new vscode.Position(1, 0), 'symbol = PF_XBTUSD\n'));
      await eventually('the param-missing diagnostic to go', () => !vscode.languages.getDiagnostics(document.uri).some((d) => d.code === 'param-missing'), 15_000);
    } finally {
      // Unsaved changes would make closing the editor ask whether to save.
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });

  it('shows endpoint docs on hover', async () => {
    const document = await kfreqDocument('GET /derivatives/api/v3/openpositions\n');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(0, 10));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /openpositions/i);
  });

  it('puts Send, Show signature and Copy as cURL above every request', async () => {
    const document = await kfreqDocument('GET /derivatives/api/v3/tickers\n###\nGET /derivatives/api/v3/accounts\n');
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
    const ours = lenses.filter((l) => l.command?.command.startsWith('krakenFutures.'));
    assert.deepEqual(ours.map((l) => `${l.range.start.line}:${l.command?.command}`), [
      '0:krakenFutures.sendRequest', '0:krakenFutures.showRequestSignature', '0:krakenFutures.copyRequestAsCurl',
      '2:krakenFutures.sendRequest', '2:krakenFutures.showRequestSignature', '2:krakenFutures.copyRequestAsCurl',
    ]);
    assert.deepEqual(ours[3]?.command?.arguments, [document.uri, 1]);
  });

  it('contributes a grammar and snippets for the kfreq language', () => {
    const { grammars, snippets } = contributes() as { grammars?: { language: string; scopeName: string }[]; snippets?: { language: string }[] };
    assert.ok(grammars?.some((g) => g.language === 'kfreq' && g.scopeName === 'source.kfreq'));
    assert.ok(snippets?.some((s) => s.language === 'kfreq'));
  });
});
