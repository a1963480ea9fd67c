import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ResponseEntry } from '../../src/core/requests';
import type { KrakenFuturesTestApi } from '../../src/extension/shared/testApi';
import { RecordedPrompts, resetEnvironments, setCustomEnvironments, startCountingSimulator, type CountingSimulator } from './environmentsSupport';
import { closeAll, kfreqDocument, onlyEntry, requestsApi } from './requestsSupport';

const ORDER = 'POST /derivatives/api/v3/sendorder\norderType = lmt\nsymbol = PF_XBTUSD\nside = buy\nsize = 0.001\nlimitPrice = 30000\n';

/** A second real simulator plays a live environment, so nothing here can reach real money. */
describe('kfreq requests on a live environment: the live guard decides', function () {
  this.timeout(60_000);
  let api: KrakenFuturesTestApi;
  let live: CountingSimulator;

  before(async () => {
    api = await requestsApi();
    live = await startCountingSimulator();
    await setCustomEnvironments(api, [{ id: 'sim-live', name: 'Sim Live', baseUrl: live.baseUrl, isLive: true }]);
    const switching = new RecordedPrompts(api, { confirmLiveSwitch: async () => true });
    try {
      assert.equal(await api.environments.switchTo('sim-live'), true);
    } finally {
      switching.dispose();
    }
    const environment = api.environments.list().find((e) => e.id === 'sim-live');
    assert.ok(environment);
    await api.environments.setCredentials(environment, { apiKey: live.apiKey, secret: live.secret });
  });
  afterEach(closeAll);
  after(async () => {
    await resetEnvironments(api);
    await api.credentials.clear('sim-live');
    await live.close();
  });

  it('asks before sending an order and sends nothing when the answer is no', async () => {
    const document = await kfreqDocument(ORDER);
    const prompts = new RecordedPrompts(api, { confirmLiveRequest: async () => false });
    let entry: ResponseEntry;
    try {
      entry = onlyEntry(await vscode.commands.executeCommand<ResponseEntry[]>('krakenFutures.sendRequest', document.uri, 0));
    } finally {
      prompts.dispose();
    }
    assert.equal(prompts.count('confirmLiveRequest'), 1);
    assert.equal(entry.outcome, 'refused');
    assert.match(entry.message, /live confirmation for sendorder on Sim Live was declined/);
    assert.equal(entry.environment.isLive, true);
    assert.ok(!live.requests.some((r) => r.includes('sendorder')), 'the order never reached the server');
  });

  it('sends the order once confirmed; reads are not asked about', async () => {
    const document = await kfreqDocument(`${ORDER}###\nGET /derivatives/api/v3/openorders\n`);
    const prompts = new RecordedPrompts(api, { confirmLiveRequest: async () => true });
    let entries: ResponseEntry[] | undefined;
    try {
      entries = await vscode.commands.executeCommand<ResponseEntry[]>('krakenFutures.sendAllRequests', document.uri);
    } finally {
      prompts.dispose();
    }
    assert.equal(prompts.count('confirmLiveRequest'), 1, 'only the order was confirmed');
    assert.deepEqual(entries?.map((e) => e.outcome), ['passed', 'passed']);
    assert.equal(live.requests.filter((r) => r.includes('sendorder')).length, 1);
  });
});
