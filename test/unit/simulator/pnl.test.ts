import { strict as assert } from 'node:assert';
import { marginAccountsOf, type MarginAccount } from '../../../src/core/catalog';
import type { KrakenFuturesClient } from '../../../src/core/client';
import { MarketOracle, startTestSim, T0, type TestSim } from './simTestKit';

/**
 * Positions, balances and PnL over HTTP, checked against hand-written formulas: the fill prices
 * come from the book the test reads first, everything else is arithmetic done here.
 */

const HOUR = 3_600_000;
async function xbtMarginAccount(client: KrakenFuturesClient): Promise<MarginAccount> {
  const found = marginAccountsOf(await client.accounts()).find(([key]) => key === 'fi_xbtusd');
  assert.ok(found, 'fi_xbtusd is listed');
  return found[1];
}

const close = (actual: number, expected: number, tolerance: number, what: string) =>
  assert.ok(Math.abs(actual - expected) <= tolerance, `${what}: ${actual} is not ${expected}`);

describe('simulator: linear and inverse PnL', () => {
  let t: TestSim;
  const oracle = new MarketOracle();
  beforeEach(async () => {
    t = await startTestSim();
  });
  afterEach(() => t.close());

  it('linear PF_ETHUSD: buy 2 at the ask, sell 2 an hour later at the bid', async () => {
    const usd0 = (await t.client.accounts()).flex!.currencies.USD.quantity;
    assert.equal(usd0, 100_000);
    const a0 = (await t.client.orderbook('PF_ETHUSD')).asks[0];
    assert.ok(a0[1] >= 2, 'the first ask level holds the whole order');
    await t.client.sendOrder({ orderType: 'mkt', symbol: 'PF_ETHUSD', side: 'buy', size: 2 });
    const entry = a0[0];
    const fee0 = 2 * entry * 0.0005;

    const mark = oracle.mark('PF_ETHUSD', T0);
    const [position] = await t.client.openPositions();
    assert.deepEqual([position.side, position.size, position.price], ['long', 2, entry]);
    close(position.unrealizedPnl!, 2 * (mark - entry), 1e-6, 'unrealised PnL');

    t.clock.advance(HOUR);
    const b1 = (await t.client.orderbook('PF_ETHUSD')).bids[0];
    await t.client.sendOrder({ orderType: 'mkt', symbol: 'PF_ETHUSD', side: 'sell', size: 2 });
    const exit = b1[0];
    const realized = 2 * (exit - entry);
    const fee1 = 2 * exit * 0.0005;
    const usd = (await t.client.accounts()).flex!.currencies.USD.quantity;
    close(usd, usd0 - fee0 + realized - fee1, 1e-6, 'USD balance');
    assert.deepEqual(await t.client.openPositions(), []);

    const fills = await t.client.fills();
    close(fills[0].realized_pnl!, realized, 1e-9, 'realized_pnl of the closing fill');
    const log = await t.client.payload<{ logs: Array<{ asset: string; realized_pnl: number | null; fee: number | null; new_balance: number }> }>('history.accountlog', { count: 2 });
    const cashLeg = log.logs.find((l) => l.asset === 'usd')!;
    close(cashLeg.realized_pnl!, realized, 1e-9, 'account-log realized_pnl');
    close(cashLeg.fee!, fee1, 1e-9, 'account-log fee');
    close(cashLeg.new_balance, usd, 1e-6, 'account-log new balance');
  });

  it('inverse PI_XBTUSD: 5000 contracts long, closed an hour later; PnL and fees in XBT', async () => {
    const xbt0 = Number((await xbtMarginAccount(t.client)).balances.xbt);
    assert.equal(xbt0, 2);
    const a0 = (await t.client.orderbook('PI_XBTUSD')).asks[0];
    assert.ok(a0[1] >= 5000);
    await t.client.sendOrder({ orderType: 'mkt', symbol: 'PI_XBTUSD', side: 'buy', size: 5000 });
    const entry = a0[0];
    const fee0 = (5000 / entry) * 0.0005;

    const mark = oracle.mark('PI_XBTUSD', T0);
    const [position] = await t.client.openPositions();
    close(position.unrealizedPnl!, 5000 * (1 / entry - 1 / mark), 1e-12, 'unrealised PnL in XBT');
    assert.equal(position.pnlCurrency, 'BTC');
    const account = await xbtMarginAccount(t.client);
    close(account.auxiliary!.pv!, xbt0 - fee0 + 5000 * (1 / entry - 1 / mark), 1e-8, 'portfolio value (8 decimals)');
    close(account.marginRequirements!.im, (5000 / mark) * 0.02, 1e-8, 'initial margin (2 % of 5000/mark XBT)');

    t.clock.advance(HOUR);
    const exit = (await t.client.orderbook('PI_XBTUSD')).bids[0][0];
    await t.client.sendOrder({ orderType: 'mkt', symbol: 'PI_XBTUSD', side: 'sell', size: 5000 });
    const realized = 5000 * (1 / entry - 1 / exit);
    const fee1 = (5000 / exit) * 0.0005;
    const xbt = Number((await xbtMarginAccount(t.client)).balances.xbt);
    close(xbt, xbt0 - fee0 + realized - fee1, 1e-8, 'XBT balance');
  });

  it('inverse average entry is harmonic across two fills; a short gains in coin when the price falls', async () => {
    const asks = (await t.client.orderbook('PI_ETHUSD')).asks;
    await t.client.sendOrder({ orderType: 'ioc', symbol: 'PI_ETHUSD', side: 'buy', size: asks[0][1] + 100, limitPrice: asks[1][0] });
    const [p] = await t.client.openPositions();
    const harmonic = (asks[0][1] + 100) / (asks[0][1] / asks[0][0] + 100 / asks[1][0]);
    close(p.price, harmonic, 1e-9, 'harmonic entry');

    const short = await startTestSim();
    try {
      const bid = (await short.client.orderbook('PF_XBTUSD')).bids[0][0];
      await short.client.sendOrder({ orderType: 'mkt', symbol: 'PF_XBTUSD', side: 'sell', size: 0.1 });
      const down = oracle.firstTime(T0, 3 * 86_400_000, (at) => oracle.best('PF_XBTUSD', 'ask', at) < bid * 0.995);
      short.clock.now = down;
      const [pos] = await short.client.openPositions();
      assert.equal(pos.side, 'short');
      close(pos.unrealizedPnl!, -0.1 * (oracle.mark('PF_XBTUSD', down) - bid), 1e-6, 'short unrealised PnL');
      assert.ok(pos.unrealizedPnl! > 0);
    } finally {
      await short.close();
    }
  });

  it('margin: open orders count at their worst case and reduce availableMargin', async () => {
    const before = (await t.client.accounts()).flex!;
    const bid = (await t.client.ticker('PF_XBTUSD')).bid!;
    await t.client.sendOrder({ orderType: 'lmt', symbol: 'PF_XBTUSD', side: 'buy', size: 1, limitPrice: bid - 1000 });
    const after = (await t.client.accounts()).flex!;
    const im = oracle.mark('PF_XBTUSD', T0) * 1 * 0.02;
    close(after.initialMarginWithOrders!, im, 0.006, 'order margin (USD, 2 decimals)');
    close(before.availableMargin! - after.availableMargin!, im, 0.011, 'available margin drop');
    assert.equal(after.initialMargin, 0, 'no position yet');
  });

  it('transfers move funds between wallets and refuse what the wallet cannot give', async () => {
    await t.client.payload('transfer', { fromAccount: 'flex', toAccount: 'cash', unit: 'usd', amount: 2500 });
    const accounts = await t.client.accounts();
    assert.equal(accounts.flex!.currencies.USD.quantity, 97_500);
    assert.equal(Number(accounts.cash!.balances.usd), 2500);
    await assert.rejects(t.client.payload('transfer', { fromAccount: 'cash', toAccount: 'flex', unit: 'usd', amount: 1e6 }), /insufficientFunds/);
    await assert.rejects(t.client.payload('transfer', { fromAccount: 'fi_xbtusd', toAccount: 'flex', unit: 'eth', amount: 1 }), /invalidUnit/);
    await assert.rejects(t.client.payload('transfer', { fromAccount: 'nowhere', toAccount: 'flex', unit: 'usd', amount: 1 }), /invalidAccount/);
  });
});
