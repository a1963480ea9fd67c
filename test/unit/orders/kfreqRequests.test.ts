import * as assert from 'node:assert/strict';
import { diagnoseKfreq, parseKfreq, resolveRequest } from '../../../src/core/kfreq';
import { kfreqForDraft, kfreqForOrder, kfreqForOrderBook, kfreqForPosition, kfreqForTicker } from '../../../src/core/orders';

const context = { environmentId: 'local', environmentLabel: 'Local simulator' };
const INSTRUMENTS = [{ symbol: 'PF_XBTUSD', tickSize: 1, contractValueTradePrecision: 4 }, { symbol: 'PI_XBTUSD', tickSize: 0.5, contractValueTradePrecision: 0 }];

/** The file parses, has no error diagnostics, and each request resolves to a catalog endpoint. */
function requestsOf(text: string): { endpoint: string; params: [string, string][]; env?: string; asserts: number }[] {
  const file = parseKfreq(text);
  const errors = diagnoseKfreq(file, { instruments: INSTRUMENTS, environmentIds: ['local', 'live'] }).filter((d) => d.severity === 'error');
  assert.deepEqual(errors.map((d) => d.message), []);
  return file.requests.map((request) => {
    const resolved = resolveRequest(file, request.index, { environmentVariables: {} }).request;
    assert.ok(resolved, `request ${request.index} does not resolve`);
    return {
      endpoint: resolved.endpoint?.id ?? '(none)',
      params: resolved.params.map((p) => [p[0], p[1]] as [string, string]),
      env: request.env?.text,
      asserts: request.asserts.length,
    };
  });
}

describe('.kfreq text for orders, positions and instruments', () => {
  it('writes a draft as one pinned sendorder with its parameters in order', () => {
    const text = kfreqForDraft({ symbol: 'PF_XBTUSD', side: 'buy', orderType: 'lmt', size: '0.01', limitPrice: '90000', reduceOnly: true, cliOrdId: 'abc-1' }, context);
    const [request] = requestsOf(text);
    assert.equal(request.endpoint, 'sendorder');
    assert.equal(request.env, 'local');
    assert.deepEqual(request.params, [['orderType', 'lmt'], ['symbol', 'PF_XBTUSD'], ['side', 'buy'], ['size', '0.01'], ['limitPrice', '90000'], ['cliOrdId', 'abc-1'], ['reduceOnly', 'true']]);
    assert.match(text, /Local simulator/);
  });

  it('writes an open order as its status, its cancel and the same order again', () => {
    const text = kfreqForOrder({
      order_id: '59302619-41d2-4f0b-941f-7e7914760ad3', symbol: 'PI_XBTUSD', side: 'sell', orderType: 'lmt', limitPrice: 10640,
      unfilledSize: 304, filledSize: 10, reduceOnly: true,
    }, context);
    const requests = requestsOf(text);
    assert.deepEqual(requests.map((r) => r.endpoint), ['orders.status', 'cancelorder', 'sendorder']);
    assert.deepEqual(requests[1].params, [['order_id', '59302619-41d2-4f0b-941f-7e7914760ad3']]);
    assert.equal(requests[1].env, 'local');
    assert.equal(requests[0].env, undefined, 'a read is not pinned');
    assert.deepEqual(requests[2].params, [['orderType', 'lmt'], ['symbol', 'PI_XBTUSD'], ['side', 'sell'], ['size', '304'], ['limitPrice', '10640'], ['reduceOnly', 'true']]);
  });

  it('writes a stop order with its stop price and trigger signal', () => {
    const [, , send] = requestsOf(kfreqForOrder({
      order_id: 'a', symbol: 'PF_XBTUSD', side: 'sell', orderType: 'stp', stopPrice: 80000, triggerSignal: 'mark', unfilledSize: 0.5, filledSize: 0,
    }, context));
    assert.deepEqual(send.params, [['orderType', 'stp'], ['symbol', 'PF_XBTUSD'], ['side', 'sell'], ['size', '0.5'], ['stopPrice', '80000'], ['triggerSignal', 'mark']]);
  });

  it('closes a position with a reduce-only market order on the opposite side', () => {
    const requests = requestsOf(kfreqForPosition({ symbol: 'PF_XBTUSD', side: 'short', size: 0.25 }, context));
    assert.deepEqual(requests.map((r) => r.endpoint), ['openpositions', 'sendorder']);
    assert.deepEqual(requests[1].params, [['orderType', 'mkt'], ['symbol', 'PF_XBTUSD'], ['side', 'buy'], ['size', '0.25'], ['reduceOnly', 'true']]);
  });

  it('writes the order book and ticker reads of an instrument', () => {
    assert.deepEqual(requestsOf(kfreqForOrderBook('PF_XBTUSD')).map((r) => [r.endpoint, r.params]), [['orderbook', [['symbol', 'PF_XBTUSD']]]]);
    assert.deepEqual(requestsOf(kfreqForTicker('PF_XBTUSD')).map((r) => r.endpoint), ['tickers.symbol']);
  });

  it('does not pin to an environment id the @env directive cannot hold', () => {
    const text = kfreqForDraft({ symbol: 'PF_XBTUSD', side: 'buy', orderType: 'mkt', size: '1', reduceOnly: false }, { environmentId: 'my env.1' });
    assert.doesNotMatch(text, /@env/);
  });
});
