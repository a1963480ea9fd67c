import * as assert from 'node:assert/strict';
import { allEndpoints, buildParamString, endpointById, type EndpointSpec } from '../../src/core/catalog';
import type { GuardDecision } from '../../src/extension/environments/liveGuard';
import type { GuardSummary } from '../../src/extension/environments/guardSummary';
import type { KrakenFuturesTestApi } from '../../src/extension/shared/testApi';
import { environmentsApi, RecordedPrompts, resetEnvironments, setCustomEnvironments, startCountingSimulator, type CountingSimulator } from './environmentsSupport';

/** One plausible request per state-changing endpoint; a new mutating endpoint without one fails the suite. */
const EXAMPLES: Readonly<Record<string, ReadonlyArray<readonly [string, string]>>> = {
  sendorder: [['orderType', 'lmt'], ['symbol', 'PF_XBTUSD'], ['side', 'buy'], ['size', '0.01'], ['limitPrice', '1000']],
  editorder: [['orderId', 'c18f0c17-9971-40e6-8e5b-10df05d422f0'], ['limitPrice', '1100']],
  cancelorder: [['order_id', 'c18f0c17-9971-40e6-8e5b-10df05d422f0']],
  cancelallorders: [['symbol', 'PF_XBTUSD']],
  cancelallordersafter: [['timeout', '60']],
  batchorder: [['json', JSON.stringify({ batchOrder: [{ order: 'send', order_tag: '1', orderType: 'lmt', symbol: 'PF_ETHUSD', side: 'sell', size: 1, limitPrice: 99999 }] })]],
  transfer: [['fromAccount', 'cash'], ['toAccount', 'flex'], ['unit', 'usd'], ['amount', '1']],
  'transfer.subaccount': [['fromAccount', 'cash'], ['fromUser', 'me'], ['toAccount', 'cash'], ['toUser', 'sub'], ['unit', 'usd'], ['amount', '1']],
  withdrawal: [['currency', 'usd'], ['amount', '1']],
  'leveragepreferences.set': [['symbol', 'PF_XBTUSD'], ['maxLeverage', '5']],
  'pnlpreferences.set': [['symbol', 'PF_XBTUSD'], ['pnlPreference', 'USD']],
};

describe('Environments: the live guard', function () {
  this.timeout(60_000);
  let api: KrakenFuturesTestApi;
  let liveSim: CountingSimulator;
  const mutating: EndpointSpec[] = allEndpoints().filter((e) => e.mutating && !e.aliasOf);

  before(async () => {
    api = await environmentsApi();
    liveSim = await startCountingSimulator();
  });
  afterEach(async () => {
    await api.credentials.clear('sim-live');
    await resetEnvironments(api);
  });
  after(async () => liveSim.close());

  async function switchToLiveSim(): Promise<void> {
    await setCustomEnvironments(api, [{ id: 'sim-live', name: 'Sim Live', baseUrl: liveSim.baseUrl, isLive: true }]);
    await api.credentials.set('sim-live', { apiKey: liveSim.apiKey, secret: liveSim.secret, host: liveSim.baseUrl });
    const prompts = new RecordedPrompts(api, { confirmLiveSwitch: async () => true });
    try {
      assert.equal(await api.environments.switchTo('sim-live'), true);
    } finally {
      prompts.dispose();
    }
  }

  it('has an example for every state-changing catalog endpoint', () => {
    assert.deepEqual(mutating.map((e) => e.id).sort(), Object.keys(EXAMPLES).sort());
  });

  it('asks for every state-changing request on a live-marked environment, with a plain-words summary', async () => {
    await switchToLiveSim();
    const summaries = new Map<string, GuardSummary>();
    const prompts = new RecordedPrompts(api, {
      confirmLiveRequest: async (_environment, summary) => {
        summaries.set(summary.headline, summary);
        return false;
      },
    });
    try {
      for (const endpoint of mutating) {
        const asked = prompts.count('confirmLiveRequest');
        assert.equal(await api.liveGuard.confirm({ endpoint, params: EXAMPLES[endpoint.id] }), false, `${endpoint.id} declined`);
        assert.equal(prompts.count('confirmLiveRequest'), asked + 1, `${endpoint.id} was asked about`);
      }
    } finally {
      prompts.dispose();
    }
    const order = summaries.get('BUY 0.01 PF_XBTUSD at limit 1,000 (limit)');
    assert.ok(order, [...summaries.keys()].join('\n'));
    assert.match(order.details[0], /^Notional ≈ [\d,.]+ USD at mark price [\d,.]+\.$/);
    assert.ok(summaries.has('Withdraw 1 usd to the Spot wallet'));
    assert.ok(summaries.has('Transfer 1 usd from cash to flex'));
    assert.ok(summaries.has("Arm the dead man's switch: cancel every open order in 60 s unless renewed"));
    assert.ok([...summaries.values()].some((s) => s.headline === 'Batch of 1 instruction' && /^1\. SELL 1 PF_ETHUSD at limit 99,999 \(limit\)\. Notional ≈/.test(s.details[0])));
  });

  it('refuses to send a live state-changing request the guard did not approve; sends it once approved', async () => {
    await switchToLiveSim();
    const client = await api.environments.client({ requireCredentials: true });
    const before = liveSim.requests.length;
    for (const endpoint of mutating) {
      await assert.rejects(
        client.call(endpoint, EXAMPLES[endpoint.id], { skipParamValidation: true }),
        /must be confirmed through the live guard first/,
        `${endpoint.id} without confirmation`,
      );
    }
    // raw() with the parameter string built by hand is covered too.
    await assert.rejects(client.raw('POST', '/derivatives/api/v3/sendorder', buildParamString(EXAMPLES.sendorder)), /live guard/);
    assert.equal(liveSim.requests.length, before, 'nothing reached the live host');

    const prompts = new RecordedPrompts(api, { confirmLiveRequest: async () => true });
    try {
      const sendorder = endpointById('sendorder')!;
      // The guard sees the parameters in any order; the approval covers the request that is sent.
      assert.equal(await api.liveGuard.confirm({ endpoint: sendorder, params: [...EXAMPLES.sendorder].reverse() }), true);
      const status = await client.sendOrder({ orderType: 'lmt', symbol: 'PF_XBTUSD', side: 'buy', size: '0.01', limitPrice: '1000' });
      assert.equal(status.status, 'placed');
      // One approval is one request: the same order again is refused until asked again.
      await assert.rejects(client.sendOrder({ orderType: 'lmt', symbol: 'PF_XBTUSD', side: 'buy', size: '0.01', limitPrice: '1000' }), /live guard/);
      assert.equal(prompts.count('confirmLiveRequest'), 1);
    } finally {
      prompts.dispose();
    }
    const reads = await client.openOrders();
    assert.equal(reads.length, 1, 'reads are never guarded');
  });

  it('an edit or cancel on live names the open order it acts on: symbol, side, size, price, old → new, notional', async () => {
    await switchToLiveSim();
    const client = await api.environments.client({ requireCredentials: true });
    const sendorder = endpointById('sendorder')!;
    const order = [['orderType', 'lmt'], ['symbol', 'PF_XBTUSD'], ['side', 'buy'], ['size', '0.01'], ['limitPrice', '1000']] as const;
    const yes = new RecordedPrompts(api, { confirmLiveRequest: async () => true });
    let orderId: string;
    try {
      assert.equal(await api.liveGuard.confirm({ endpoint: sendorder, params: order }), true);
      const placed = await client.sendOrder({ orderType: 'lmt', symbol: 'PF_XBTUSD', side: 'buy', size: '0.01', limitPrice: '1000' });
      assert.equal(placed.status, 'placed');
      orderId = placed.order_id!;
    } finally {
      yes.dispose();
    }
    const summaries: GuardSummary[] = [];
    const no = new RecordedPrompts(api, { confirmLiveRequest: async (_environment, summary) => { summaries.push(summary); return false; } });
    try {
      assert.equal(await api.liveGuard.confirm({ endpoint: endpointById('editorder')!, params: [['orderId', orderId], ['size', '0.02'], ['limitPrice', '1100']] }), false);
      assert.equal(await api.liveGuard.confirm({ endpoint: endpointById('cancelorder')!, params: [['order_id', orderId]] }), false);
    } finally {
      no.dispose();
    }
    assert.equal(summaries[0].headline, `Edit order ${orderId} (BUY 0.01 PF_XBTUSD at limit 1,000 (limit)): size 0.01 → 0.02, limit price 1,000 → 1,100`);
    assert.match(summaries[0].details[0], /^Notional after the edit ≈ [\d,.]+ USD at mark price [\d,.]+\.$/);
    assert.equal(summaries[1].headline, `Cancel order ${orderId}: BUY 0.01 PF_XBTUSD at limit 1,000 (limit)`);
    assert.match(summaries[1].details[0], /^Notional ≈ [\d,.]+ USD at mark price [\d,.]+\.$/);

    // Clean up: the cancel, confirmed this time.
    const cleanup = new RecordedPrompts(api, { confirmLiveRequest: async () => true });
    try {
      assert.equal(await api.liveGuard.confirm({ endpoint: endpointById('cancelorder')!, params: [['order_id', orderId]] }), true);
      assert.equal((await client.cancelOrder({ orderId })).status, 'cancelled');
    } finally {
      cleanup.dispose();
    }
  });

  it('does not ask on the local simulator, and reports each decision', async () => {
    const decisions: GuardDecision[] = [];
    const subscription = api.liveGuard.onDidDecide((d) => decisions.push(d));
    const prompts = new RecordedPrompts(api, { confirmLiveRequest: async () => false });
    try {
      for (const endpoint of mutating) assert.equal(await api.liveGuard.confirm({ endpoint, params: EXAMPLES[endpoint.id] }), true);
      assert.equal(prompts.count('confirmLiveRequest'), 0);
      assert.equal(decisions.length, mutating.length);
      assert.ok(decisions.every((d) => d.environmentId === 'local' && !d.asked && d.allowed));
      const client = await api.environments.client();
      const status = await client.sendOrder({ orderType: 'lmt', symbol: 'PF_XBTUSD', side: 'buy', size: '0.01', limitPrice: '1000' });
      assert.equal(status.status, 'placed', 'local needs no approval');
      // Leave the shared local simulator as other suites expect it.
      assert.equal((await client.cancelOrder({ orderId: status.order_id! })).status, 'cancelled');
    } finally {
      prompts.dispose();
      subscription.dispose();
    }
  });

  it('a custom environment that turns live through settings falls back to local instead of trading silently', async () => {
    await setCustomEnvironments(api, [{ id: 'sim-live', name: 'Sim Live', baseUrl: liveSim.baseUrl, isLive: false }]);
    assert.equal(await api.environments.switchTo('sim-live'), true);
    await setCustomEnvironments(api, [{ id: 'sim-live', name: 'Sim Live', baseUrl: liveSim.baseUrl, isLive: true }]);
    assert.equal(api.environments.active.id, 'local');
  });
});
