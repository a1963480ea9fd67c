import { strict as assert } from 'node:assert';
import { publicRequest, signedRequest, startTestSim, type TestSim } from './simTestKit';

/** §6 cost budgets on the injected clock: no sleeping, the test moves time. */

describe('simulator: rate limits', () => {
  let t: TestSim;
  beforeEach(async () => {
    t = await startTestSim();
  });
  afterEach(() => t.close());

  const cancelAll = () => signedRequest(t.sim, 'POST', '/derivatives/api/v3/cancelallorders');

  it('derivatives: 500 units per 10 s, then apiLimitExceeded (HTTP 429); the budget refills at 50 per second', async () => {
    for (let i = 0; i < 20; i++) assert.equal((await cancelAll()).json.result, 'success', `call ${i + 1} of 20 × 25 units`);
    const limited = await cancelAll();
    assert.deepEqual([limited.status, limited.json.result, limited.json.error], [429, 'error', 'apiLimitExceeded']);
    t.clock.advance(499);
    assert.equal((await cancelAll()).json.error, 'apiLimitExceeded', '24.95 units are not enough for 25');
    t.clock.advance(1);
    assert.equal((await cancelAll()).json.result, 'success');
    assert.equal((await cancelAll()).json.error, 'apiLimitExceeded');
    t.clock.advance(10_000);
    for (let i = 0; i < 20; i++) assert.equal((await cancelAll()).json.result, 'success');
  });

  it('costs come from the catalog: fills with lastFillTime 25, batchorder 9 + instructions, orders/status 1', async () => {
    const fills = (q = '') => signedRequest(t.sim, 'GET', '/derivatives/api/v3/fills', q);
    for (let i = 0; i < 19; i++) assert.equal((await fills('lastFillTime=2026-01-01T00%3A00%3A00Z')).json.result, 'success');
    // 475 spent; a batch of 16 instructions costs 25.
    const batch = JSON.stringify({ batchOrder: Array.from({ length: 16 }, () => ({ order: 'cancel', order_id: 'e35d61dd-8a30-4d5f-a574-b5593ef0c050' })) });
    assert.equal((await signedRequest(t.sim, 'POST', '/derivatives/api/v3/batchorder', `json=${encodeURIComponent(batch)}`)).json.result, 'success');
    assert.equal((await fills()).json.error, 'apiLimitExceeded', 'fills without lastFillTime costs 2; nothing is left');
    t.clock.advance(20);
    assert.equal((await signedRequest(t.sim, 'POST', '/derivatives/api/v3/orders/status', 'orderIds=e35d61dd-8a30-4d5f-a574-b5593ef0c050')).json.result, 'success');
  });

  it('public endpoints cost nothing, and a failed signature costs nothing', async () => {
    for (let i = 0; i < 20; i++) await cancelAll();
    assert.equal((await cancelAll()).status, 429);
    for (let i = 0; i < 30; i++) assert.equal((await publicRequest(t.sim, 'GET', '/derivatives/api/v3/tickers/PF_XBTUSD')).status, 200);
    const bad = await signedRequest(t.sim, 'POST', '/derivatives/api/v3/cancelallorders', '', { authent: 'x' });
    assert.equal(bad.json.error, 'authenticationError');
  });

  it('history: a separate pool of 100 tokens (account-log count 1000 costs 3), answered 429 with rate-limit-reset', async () => {
    const log = () => signedRequest(t.sim, 'GET', '/api/history/v3/account-log', 'count=1000');
    for (let i = 0; i < 33; i++) assert.equal((await log()).status, 200);
    const limited = await log();
    assert.equal(limited.status, 429);
    assert.equal(limited.text, 'Rate limit exceeded');
    assert.equal(limited.headers.get('rate-limit-reset'), '12', '2 tokens missing at 1 token per 6 s');
    assert.equal((await signedRequest(t.sim, 'GET', '/api/history/v2/executions')).status, 200, 'the last token pays for a cost-1 call');
    assert.equal((await cancelAll()).json.result, 'success', 'the derivatives budget is untouched');
    t.clock.advance(18_000);
    assert.equal((await log()).status, 200);
  });

  it('can be switched off (--no-rate-limits)', async () => {
    const free = await startTestSim({ rateLimits: false });
    try {
      for (let i = 0; i < 25; i++) assert.equal((await signedRequest(free.sim, 'POST', '/derivatives/api/v3/cancelallorders')).json.result, 'success');
    } finally {
      await free.close();
    }
  });
});
