import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KrakenFuturesClient } from '../../../src/core/client';
import { startSimulator } from '../../../src/simulator';
import { nextNonce, startTestSim, T0, type TestSim } from './simTestKit';

/** cancelallordersafter: a real dead man's switch. */

describe('simulator: dead man’s switch', () => {
  let t: TestSim;
  beforeEach(async () => {
    t = await startTestSim();
  });
  afterEach(() => t.close());

  const placeTwo = async () => {
    const bid = (await t.client.ticker('PF_XBTUSD')).bid!;
    await t.client.sendOrder({ orderType: 'lmt', symbol: 'PF_XBTUSD', side: 'buy', size: 0.01, limitPrice: bid - 500, cliOrdId: 'd1' });
    await t.client.sendOrder({ orderType: 'stp', symbol: 'PF_XBTUSD', side: 'sell', size: 0.01, stopPrice: Math.floor(bid * 0.8), cliOrdId: 'd2' });
  };

  it('cancels every order when the timeout passes without a new call', async () => {
    const armed = await t.client.cancelAllOrdersAfter(60);
    assert.deepEqual([armed.currentTime, armed.triggerTime], [new Date(T0).toISOString(), new Date(T0 + 60_000).toISOString()]);
    await placeTwo();
    t.clock.advance(59_999);
    assert.equal((await t.client.openOrders()).length, 2);
    t.clock.advance(1);
    assert.deepEqual(await t.client.openOrders(), []);
    const status = await t.client.orderStatus({ cliOrdIds: ['d1', 'd2'] });
    assert.deepEqual(status.map((s) => s.updateReason), ['DEAD_MAN_SWITCH', 'DEAD_MAN_SWITCH']);
    const history = await t.client.payload<{ elements: Array<{ event: { OrderCancelled?: { reason: string } } }> }>('history.orders');
    assert.equal(history.elements[0].event.OrderCancelled?.reason, 'dead_man_switch');
  });

  it('re-arming pushes the deadline out; 0 disarms it', async () => {
    await t.client.cancelAllOrdersAfter(60);
    await placeTwo();
    t.clock.advance(50_000);
    await t.client.cancelAllOrdersAfter(60);
    t.clock.advance(50_000);
    assert.equal((await t.client.openOrders()).length, 2, 'the second call moved the deadline');
    assert.equal((await t.client.cancelAllOrdersAfter(0)).triggerTime, '0');
    t.clock.advance(3_600_000);
    assert.equal((await t.client.openOrders()).length, 2, 'disarmed');
  });

  it('rejects a negative or non-integer timeout', async () => {
    await assert.rejects(t.client.payload('cancelallordersafter', { timeout: -1 }, { skipParamValidation: true }), /invalidArgument: timeout/);
    await assert.rejects(t.client.payload('cancelallordersafter', { timeout: '1.5' }, { skipParamValidation: true }), /invalidArgument: timeout/);
  });

  it('fires on its own timer with no request arriving (seen in the journal)', async function () {
    this.timeout(10_000);
    const dir = mkdtempSync(join(tmpdir(), 'kfsim-dms-'));
    const sim = await startSimulator({ stateDir: dir, tickIntervalMs: 60_000 });
    try {
      const client = new KrakenFuturesClient({ baseUrl: sim.baseUrl, credentials: sim, retry: { limit: 0, backoffMs: 1 }, nonce: { next: () => nextNonce() } });
      const bid = (await client.ticker('PF_XBTUSD')).bid!;
      await client.sendOrder({ orderType: 'lmt', symbol: 'PF_XBTUSD', side: 'buy', size: 0.01, limitPrice: bid - 500 });
      await client.cancelAllOrdersAfter(1);
      const journal = join(dir, 'journal.jsonl');
      const deadline = Date.now() + 8000;
      while (!readFileSync(journal, 'utf8').includes('"DEAD_MAN_SWITCH"')) {
        assert.ok(Date.now() < deadline, 'the switch did not fire');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      assert.deepEqual(await client.openOrders(), []);
    } finally {
      await sim.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
