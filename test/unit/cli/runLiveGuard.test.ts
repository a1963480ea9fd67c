import { strict as assert } from 'node:assert';
import type { Instrument, OpenOrder, Ticker } from '../../../src/core/catalog';
import { parseKfreq, resolveRequest, type ResolvedRequest } from '../../../src/core/kfreq';
import { LiveOrderGuard, type MarketSource } from '../../../src/cli/commands/runLiveGuard';

/**
 * The live notional cap of `kfreq run`, in-process with a fake market: linear and inverse
 * notionals, batches, edits priced through the open orders, and "cannot tell" meaning no.
 */

const INSTRUMENTS = [
  { symbol: 'PF_XBTUSD', type: 'flexible_futures', base: 'XBT', quote: 'USD', contractSize: 1, contractValueTradePrecision: 4, tickSize: 1 },
  { symbol: 'PI_XBTUSD', type: 'futures_inverse', base: 'XBT', quote: 'USD', contractSize: 1, contractValueTradePrecision: 0, tickSize: 0.5 },
] as Instrument[];
const TICKERS = [{ symbol: 'PF_XBTUSD', markPrice: 90_000 }, { symbol: 'PI_XBTUSD', markPrice: 90_000 }] as Ticker[];
const OPEN_ORDERS = [{ order_id: 'o-1', cliOrdId: 'mine', symbol: 'PF_XBTUSD', side: 'buy' }] as OpenOrder[];

function market(overrides: Partial<MarketSource> = {}): MarketSource & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    instruments: async () => (calls.push('instruments'), overrides.instruments ? overrides.instruments() : INSTRUMENTS),
    tickers: async () => (calls.push('tickers'), overrides.tickers ? overrides.tickers() : TICKERS),
    openOrders: async () => (calls.push('openOrders'), OPEN_ORDERS),
  };
}

function resolved(text: string): ResolvedRequest {
  const resolution = resolveRequest(parseKfreq(text), 0);
  assert.ok(resolution.request, JSON.stringify(resolution.problems));
  return resolution.request;
}

const order = (symbol: string, size: string) => resolved(`POST /derivatives/api/v3/sendorder\norderType = lmt\nsymbol = ${symbol}\nside = buy\nsize = ${size}\nlimitPrice = 80000\n`);

async function guardWith(maxNotional: number | undefined, source: MarketSource = market()): Promise<LiveOrderGuard> {
  const guard = new LiveOrderGuard({ environmentLabel: 'live', maxNotional, market: source, canReadOrders: true });
  await guard.refresh();
  return guard;
}

describe('cli: kfreq run live notional cap', () => {
  it('lets reads through and refuses every state-changing request when no cap is set (without fetching prices)', async () => {
    const source = market();
    const guard = await guardWith(undefined, source);
    assert.deepEqual(source.calls, []);
    assert.equal(guard.check(resolved('GET /derivatives/api/v3/openpositions\n')), undefined);
    assert.match(guard.check(order('PF_XBTUSD', '0.0001')) ?? '', /sendorder changes state on the live environment live and --max-notional is not set/);
    assert.match(guard.check(resolved('POST /derivatives/api/v3/cancelallorders\n')) ?? '', /--max-notional is not set/);
  });

  it('prices a linear order at the mark: size × mark against the cap', async () => {
    const guard = await guardWith(100);
    assert.equal(guard.check(order('PF_XBTUSD', '0.001')), undefined, '90 USD is within 100');
    assert.match(guard.check(order('pf_xbtusd', '0.002')) ?? '', /BUY 0\.002 PF_XBTUSD has a notional of 180 USD at mark price 90,000, above --max-notional 100/);
  });

  it('prices an inverse order in USD contracts, whatever the mark', async () => {
    const guard = await guardWith(100);
    assert.equal(guard.check(order('PI_XBTUSD', '100')), undefined);
    assert.match(guard.check(order('PI_XBTUSD', '101')) ?? '', /notional of 101 USD/);
  });

  it('checks every order of a batch and names the one over the cap', async () => {
    const guard = await guardWith(100);
    const batch = (size: number) =>
      resolved(`POST /derivatives/api/v3/batchorder\njson = {"batchOrder":[{"order":"send","order_tag":"a","orderType":"lmt","symbol":"PF_XBTUSD","side":"buy","size":0.001,"limitPrice":80000},{"order":"send","order_tag":"b","orderType":"lmt","symbol":"PF_XBTUSD","side":"sell","size":${size},"limitPrice":95000},{"order":"cancel","order_id":"x"}]}\n`);
    assert.equal(guard.check(batch(0.001)), undefined);
    assert.match(guard.check(batch(0.01)) ?? '', /^batchOrder\[1\]: SELL 0\.01 PF_XBTUSD has a notional of 900 USD/);
  });

  it('prices a size edit through the open order it changes; an unknown order is refused', async () => {
    const guard = await guardWith(100);
    const edit = (ref: string, size: string) => resolved(`POST /derivatives/api/v3/editorder\norderId = ${ref}\nsize = ${size}\n`);
    assert.equal(guard.check(edit('o-1', '0.001')), undefined);
    assert.match(guard.check(edit('o-1', '0.01')) ?? '', /0\.01 PF_XBTUSD has a notional of 900 USD/);
    assert.match(guard.check(edit('o-404', '0.001')) ?? '', /order o-404, which is not among the open orders/);
    assert.equal(guard.check(resolved('POST /derivatives/api/v3/editorder\norderId = o-404\nlimitPrice = 80001\n')), undefined, 'an edit that keeps the size keeps the notional');
  });

  it('refuses what it cannot price: no mark, no prices at all, unreadable size, unknown contract', async () => {
    const noMark = await guardWith(100, market({ tickers: async () => [{ symbol: 'PI_XBTUSD', markPrice: 90_000 }] as Ticker[] }));
    assert.match(noMark.check(order('PF_XBTUSD', '0.001')) ?? '', /no mark price for PF_XBTUSD/);
    const down = await guardWith(100, market({ tickers: async () => Promise.reject(new Error('HTTP 503')) }));
    assert.match(down.check(order('PF_XBTUSD', '0.001')) ?? '', /the mark prices could not be fetched \(HTTP 503\)/);
    const guard = await guardWith(100);
    assert.match(guard.check(order('PF_XBTUSD', 'lots')) ?? '', /size of the PF_XBTUSD order is not a number/);
    assert.match(guard.check(order('PF_NOPEUSD', '1')) ?? '', /no mark price for PF_NOPEUSD/);
  });

  it('never moves funds on live, lets cancels through, and refuses unknown state-changing endpoints', async () => {
    const guard = await guardWith(1_000_000);
    assert.match(guard.check(resolved('POST /derivatives/api/v3/withdrawal\ncurrency = USD\namount = 1\n')) ?? '', /withdrawal moves funds/);
    assert.match(guard.check(resolved('POST /derivatives/api/v3/transfer\nfromAccount = cash\ntoAccount = flex\nunit = usd\namount = 1\n')) ?? '', /transfer moves funds/);
    assert.equal(guard.check(resolved('POST /derivatives/api/v3/cancelallorders\n')), undefined);
    assert.match(guard.check(resolved('POST /derivatives/api/v3/somethingnew\nx = 1\n')) ?? '', /not an order whose notional can be checked/);
  });
});
