import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ResponseEntry } from '../../src/core/requests';
import { fingerprint, signWithTrace } from '../../src/core/signing';
import type { DoctorView } from '../../src/core/requests';
import type { KrakenFuturesTestApi } from '../../src/extension/shared/testApi';
import { EnvironmentService } from '../../src/extension/environments/environmentService';
import { LocalSimulator } from '../../src/extension/environments/localSimulator';
import { KfreqDocuments } from '../../src/extension/requests/kfreqDocuments';
import { sendRequests } from '../../src/extension/requests/requestSender';
import type { RequestServices } from '../../src/extension/requests/requestServices';
import { copyRequestAsCurl, showRequestSignature } from '../../src/extension/requests/requestSigning';
import { setCustomEnvironments, startCountingSimulator } from './environmentsSupport';
import { closeAll, exampleDocument, kfreqDocument, onlyEntry, renderOf, requestsApi } from './requestsSupport';

/** A valid secret that is not the simulator's: what a person pastes when they copy the wrong one. */
const WRONG_SECRET = Buffer.alloc(64, 7).toString('base64');

const LIMIT_ORDER = [
  '### A resting limit order',
  '# @name placed',
  'POST /derivatives/api/v3/sendorder',
  'orderType = lmt',
  'symbol = PF_XBTUSD',
  'side = buy',
  'size = 0.001',
  'limitPrice = 30000',
  'cliOrdId = host test #1',
  '',
].join('\n');

describe('kfreq requests: send, response view, signature trace, diagnosis, cURL, history', function () {
  this.timeout(60_000);
  let api: KrakenFuturesTestApi;
  let local: { apiKey: string; secret: string; host?: string };

  before(async () => {
    api = await requestsApi();
    const stored = await api.credentials.get('local');
    assert.ok(stored, 'the simulator key pair is stored for Local');
    local = stored;
  });
  afterEach(closeAll);

  it('sends a request from an example file and shows its response and full signature trace', async () => {
    const document = await exampleDocument('02-account.kfreq');
    const entries = await vscode.commands.executeCommand<ResponseEntry[]>('krakenFutures.sendRequest', document.uri, 0);
    const entry = onlyEntry(entries);
    assert.equal(entry.outcome, 'passed', entry.message);
    assert.equal(entry.http?.status, 200);
    assert.equal(entry.kraken?.ok, true);
    assert.equal(entry.kraken?.result, 'success');
    assert.match(entry.body?.text ?? '', /"accounts": \{/);
    assert.equal(entry.wire?.requestLine, 'GET /derivatives/api/v3/accounts HTTP/1.1');
    assert.deepEqual(entry.wire?.headers.find(([name]) => name === 'APIKey'), ['APIKey', fingerprint(local.apiKey)]);
    assert.deepEqual(entry.signature?.steps.map((s) => s.id), ['postData', 'nonce', 'endpointPath', 'message', 'sha256Hex', 'sha256Base64', 'secretKey', 'hmacSha512', 'headers']);
    assert.equal(entry.signature?.endpointPath, '/api/v3/accounts');
    assert.equal(entry.wire?.headers.find(([name]) => name === 'Authent')?.[1], entry.signature?.authent);

    const view = api.requests.responseView.state;
    assert.equal(view?.entries[0]?.id, entry.id, 'the response view shows the answer');
    const report = await renderOf(api, entry.id);
    assert.deepEqual(report.sections, ['status', 'asserts', 'body', 'trace', 'wire']);
    assert.equal(report.traceSteps, entry.signature?.steps.length);
    assert.match(report.headline, /^HTTP 200 · result = success/);

    const stateText = JSON.stringify(view);
    assert.ok(!stateText.includes(local.secret) && !stateText.includes(local.apiKey), 'no secret and no raw key reach the webview');
  });

  it('runs the order-lifecycle example in order, chaining the placed order id through edit and cancel', async () => {
    const document = await exampleDocument('03-order-lifecycle.kfreq');
    const entries = await vscode.commands.executeCommand<ResponseEntry[]>('krakenFutures.sendAllRequests', document.uri);
    assert.ok(entries && entries.length >= 9);
    assert.deepEqual(entries.filter((e) => e.outcome !== 'passed').map((e) => `${e.title}: ${e.message}`), []);
    const placedId = /"order_id": "([^"]+)"/.exec(entries[0]?.body?.text ?? '')?.[1];
    assert.ok(placedId);
    assert.ok(entries[4]?.wire?.body?.includes(`order_id=${placedId}`), 'the cancel used the id from the first answer');
  });

  it('explains an authenticationError from a wrong secret: the secret does not match the key', async () => {
    const document = await kfreqDocument('GET /derivatives/api/v3/openpositions\n');
    await api.credentials.set('local', { ...local, secret: WRONG_SECRET });
    let entry: ResponseEntry;
    try {
      entry = onlyEntry(await vscode.commands.executeCommand<ResponseEntry[]>('krakenFutures.sendRequest', document.uri, 0));
    } finally {
      await api.credentials.set('local', local);
    }
    assert.equal(entry.kraken?.error, 'authenticationError');
    assert.equal(entry.outcome, 'failed');
    assert.match(entry.explanation?.title ?? '', /the secret does not match the API key/);
    assert.equal(entry.explanation?.doctor?.verdict, 'correct', 'our signature was right for the stored secret');
    assert.match(entry.explanation?.causes[0] ?? '', /simulator accepts only its own key pair/);
    await vscode.commands.executeCommand('krakenFutures.openRequestHistory', entry.id);
    assert.ok((await renderOf(api, entry.id)).sections.includes('explanation'));
    assert.ok(!JSON.stringify(entry).includes(WRONG_SECRET));
  });

  it('copies cURL with the signature for its nonce, the key as a placeholder, and never the secret', async () => {
    const document = await kfreqDocument(LIMIT_ORDER);
    await vscode.env.clipboard.writeText('');
    await vscode.commands.executeCommand('krakenFutures.copyRequestAsCurl', document.uri, 0);
    const curl = await vscode.env.clipboard.readText();
    assert.match(curl, /^curl -X POST 'http:\/\/127\.0\.0\.1:\d+\/derivatives\/api\/v3\/sendorder'/);
    assert.match(curl, /-H 'Nonce: \d{16}'/);
    assert.match(curl, /-H 'Authent: [A-Za-z0-9+/]{86}=='/);
    assert.ok(curl.includes('-H "APIKey: $KRAKEN_FUTURES_API_KEY"'));
    assert.ok(curl.includes("--data-raw 'orderType=lmt&symbol=PF_XBTUSD&side=buy&size=0.001&limitPrice=30000&cliOrdId=host%20test%20%231'"));
    assert.ok(!curl.includes(local.secret) && !curl.includes(encodeURIComponent(local.secret)), 'no secret in the cURL command');
    assert.ok(!curl.includes(local.apiKey), 'the key is a placeholder unless asked for');

    await vscode.commands.executeCommand('krakenFutures.copyRequestAsCurlWithKey', document.uri, 0);
    const withKey = await vscode.env.clipboard.readText();
    assert.ok(withKey.includes(`'APIKey: ${local.apiKey}'`));
    assert.ok(!withKey.includes(local.secret));
  });

  it('Show Signature and Copy as cURL take nonces from the clients\' own source: strictly increasing across dry runs and sends', async () => {
    // An environment service of its own whose nonce clock stands still, so every nonce must come
    // from the one per-key counter: a dry run drawing from a source of its own could not keep up.
    const simulator = await startCountingSimulator();
    const frozen = Date.now();
    await setCustomEnvironments(api, [{ id: 'nonce-sim', name: 'Nonce Sim', baseUrl: simulator.baseUrl }]);
    const service = new EnvironmentService({ credentials: api.credentials, workspaceState: memento(), local: new LocalSimulator({ env: {}, log: () => undefined }), prompts: api.environmentPrompts, log: api.log, clock: () => frozen });
    const documents = new KfreqDocuments();
    try {
      await api.credentials.set('nonce-sim', { apiKey: simulator.apiKey, secret: simulator.secret, host: new URL(simulator.baseUrl).origin });
      assert.equal(await service.switchTo('nonce-sim'), true);
      const services: RequestServices = { documents, environments: service, liveGuard: api.liveGuard, credentials: api.credentials, view: api.requests.responseView, history: api.requests.history, log: api.log };
      const order = await kfreqDocument(LIMIT_ORDER);
      const account = await kfreqDocument('### Accounts\nGET /derivatives/api/v3/accounts\n');
      const target = { document: order, file: documents.parse(order), index: 0 };
      const nonceOf = (entry: ResponseEntry | undefined): bigint => {
        assert.ok(entry?.signature?.nonce, 'a signed request has a nonce');
        return BigInt(entry.signature.nonce);
      };

      const signature1 = nonceOf(await showRequestSignature(services, target));
      const sent = onlyEntry(await sendRequests(services, account, [0], 'Send Request'));
      assert.equal(sent.outcome, 'passed', sent.message);
      const send = nonceOf(sent);
      const curlNonce = /-H 'Nonce: (\d+)'/.exec(await copyRequestAsCurl(services, target, false))?.[1];
      assert.ok(curlNonce, 'the cURL command carries a nonce');
      const curl = BigInt(curlNonce);
      const signature2 = nonceOf(await showRequestSignature(services, target));

      const sequence = [signature1, send, curl, signature2];
      assert.equal(signature1, BigInt(frozen) * 1000n, 'the first nonce for the key comes from the frozen clock');
      for (let i = 1; i < sequence.length; i++) assert.ok(sequence[i] > sequence[i - 1], `nonce ${i} (${sequence[i]}) is above nonce ${i - 1} (${sequence[i - 1]}): ${sequence.join(', ')}`);
    } finally {
      documents.dispose();
      service.dispose();
      await api.credentials.clear('nonce-sim');
      await setCustomEnvironments(api, undefined);
      await simulator.close();
    }
  });

  it('"Show signature" renders the trace and the wire request without sending anything', async () => {
    const document = await kfreqDocument(LIMIT_ORDER);
    const before = (await api.environments.client()).openOrders();
    const entry = await vscode.commands.executeCommand<ResponseEntry>('krakenFutures.showRequestSignature', document.uri, 0);
    assert.ok(entry);
    const rendered = await renderOf(api, entry.id);
    assert.equal(entry.kind, 'signature');
    assert.equal(entry.http, undefined);
    assert.deepEqual(rendered.sections, ['trace', 'wire']);
    assert.equal(rendered.traceSteps, entry.signature?.steps.length);
    assert.ok((entry.signature?.steps.length ?? 0) > 0);
    assert.match(entry.message, /nothing was sent/);
    const after = await (await api.environments.client()).openOrders();
    assert.equal(after.length, (await before).length, 'no order was placed');
  });

  it('"Diagnose a Signature from My Own Code" names the mistake with the stored secret', async () => {
    const path = '/derivatives/api/v3/openpositions';
    const nonce = '1700000000000001';
    // A bot that kept '/derivatives' in endpointPath: the signer strips one prefix, so double it.
    const wrong = signWithTrace({ path: `/derivatives${path}`, postData: '', nonce, apiKey: local.apiKey, secret: local.secret });
    const doctor = await vscode.commands.executeCommand<DoctorView>('krakenFutures.diagnoseSignature', { path, postData: '', nonce, authent: wrong.authent });
    assert.equal(doctor?.verdict, 'mistake-found');
    assert.equal(doctor?.mistake, 'derivatives-kept');
    assert.equal(api.requests.responseView.state?.entries[0]?.doctor?.mistake, 'derivatives-kept');

    const right = signWithTrace({ path, postData: '', nonce, apiKey: local.apiKey, secret: local.secret });
    const fine = await vscode.commands.executeCommand<DoctorView>('krakenFutures.diagnoseSignature', { path: `http://127.0.0.1${path}`, postData: '', nonce, authent: right.authent });
    assert.equal(fine?.verdict, 'correct');
  });

  it('keeps sent requests in a history file without secrets, and re-opens one', async () => {
    const document = await kfreqDocument('GET /derivatives/api/v3/openorders\n');
    const entry = onlyEntry(await vscode.commands.executeCommand<ResponseEntry[]>('krakenFutures.sendRequest', document.uri, 0));
    const stored = await api.requests.history.entries();
    assert.equal(stored[0]?.id, entry.id, 'newest first');
    const file = new TextDecoder().decode(await vscode.workspace.fs.readFile(api.requests.history.fileUri));
    assert.ok(file.includes(entry.id));
    assert.ok(!file.includes(local.secret) && !file.includes(local.apiKey), 'the history file holds fingerprints only');

    await vscode.commands.executeCommand('krakenFutures.showRequestSignature', document.uri, 0);
    assert.notEqual(api.requests.responseView.state?.entries[0]?.id, entry.id);
    const reopened = await vscode.commands.executeCommand<ResponseEntry>('krakenFutures.openRequestHistory', entry.id);
    assert.equal(reopened?.id, entry.id);
    assert.equal(api.requests.responseView.state?.entries[0]?.id, entry.id);
  });

  it('"Send Request" without arguments sends the request under the cursor', async () => {
    const document = await kfreqDocument('GET /derivatives/api/v3/tickers\n\n###\nGET /derivatives/api/v3/openorders\n');
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document, document);
    editor.selection = new vscode.Selection(3, 4, 3, 4);
    const entry = onlyEntry(await vscode.commands.executeCommand<ResponseEntry[]>('krakenFutures.sendRequest'));
    assert.equal(entry.title, '#2 · GET /derivatives/api/v3/openorders');
    assert.equal(entry.outcome, 'passed');
  });

  it('refuses a request pinned to another environment, without sending it', async () => {
    const document = await kfreqDocument('# @env demo\nGET /derivatives/api/v3/openorders\n');
    const reported = new Promise<string>((resolve) => {
      const subscription = api.onDidReportError((e) => {
        subscription.dispose();
        resolve(e.message);
      });
    });
    const result = await vscode.commands.executeCommand('krakenFutures.sendRequest', document.uri, 0);
    assert.equal(result, undefined);
    assert.match(await reported, /pinned to Demo .* nothing was sent/);
  });
});

/** A workspaceState of its own for a second environment service. */
function memento(): vscode.Memento {
  const values = new Map<string, unknown>();
  return {
    keys: () => [...values.keys()],
    get: <T>(key: string, defaultValue?: T) => (values.has(key) ? values.get(key) : defaultValue) as T,
    update: async (key: string, value: unknown) => {
      if (value === undefined) values.delete(key);
      else values.set(key, value);
    },
  };
}
