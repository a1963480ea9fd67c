import { strict as assert } from 'node:assert';
import { endpointById, findEndpoint, validateParams, type EndpointSpec } from '../../../src/core/catalog';

const spec = (id: string): EndpointSpec => endpointById(id)!;
const codes = (problems: ReturnType<typeof validateParams>) => problems.map((p) => `${p.severity}:${p.code}:${p.param}`);

describe('catalog/validateParams', () => {
  it('accepts a complete sendorder', () => {
    assert.deepEqual(validateParams(spec('sendorder'), { orderType: 'lmt', symbol: 'PF_XBTUSD', side: 'buy', size: 0.01, limitPrice: 50000, cliOrdId: 'my order 1', reduceOnly: false }), []);
  });

  it('reports missing required and conditionally required parameters', () => {
    assert.deepEqual(codes(validateParams(spec('sendorder'), { orderType: 'stp', symbol: 'PF_XBTUSD', side: 'buy' })), ['error:missing:size', 'error:missing:stopPrice']);
    assert.deepEqual(codes(validateParams(spec('sendorder'), { orderType: 'mkt', symbol: 'PF_XBTUSD', side: 'buy', size: 1 })), []);
    assert.deepEqual(codes(validateParams(spec('sendorder'), { orderType: 'trailing_stop', symbol: 'X', side: 'buy', size: 1 })), [
      'error:missing:trailingStopMaxDeviation', 'error:missing:trailingStopDeviationUnit',
    ]);
  });

  it('reports wrong types with an actionable message', () => {
    const problems = validateParams(spec('sendorder'), [['orderType', 'LMT'], ['symbol', 'PF XBT'], ['side', 'long'], ['size', '1e-3'], ['limitPrice', 'abc'], ['reduceOnly', 'True']]);
    assert.deepEqual(codes(problems), ['error:enum:orderType', 'error:type:symbol', 'error:enum:side', 'error:type:size', 'error:type:limitPrice', 'error:type:reduceOnly']);
    assert.match(problems[0].message, /use "lmt"/);
    assert.match(problems[3].message, /plain decimal \(e.g. 0.001\)/);
    assert.match(problems[5].message, /lowercase "true"/);
  });

  it('checks timestamps, integers, JSON and lengths', () => {
    assert.deepEqual(codes(validateParams(spec('fills'), { lastFillTime: '2024-02-20 00:00' })), ['error:type:lastFillTime']);
    assert.deepEqual(validateParams(spec('fills'), { lastFillTime: '2024-02-20T00:00:00Z' }), []);
    assert.deepEqual(codes(validateParams(spec('cancelallordersafter'), { timeout: '60.5' })), ['error:type:timeout']);
    assert.deepEqual(codes(validateParams(spec('batchorder'), { json: "{'batchOrder': True}" })), ['error:type:json']);
    assert.deepEqual(codes(validateParams(spec('cancelorder'), { cliOrdId: 'x'.repeat(101) })), ['error:length:cliOrdId']);
  });

  it('needs one of the alternatives and warns about unknown names and odd ids', () => {
    assert.deepEqual(codes(validateParams(spec('cancelorder'), {})), ['error:oneOf:order_id|cliOrdId']);
    assert.deepEqual(codes(validateParams(spec('cancelorder'), { order_id: 'my-order', orderId: 'x' })), ['warning:type:order_id', 'warning:unknown:orderId']);
    assert.deepEqual(codes(validateParams(spec('accounts'), { symbol: 'X' })), ['warning:unknown:symbol']);
  });

  it('allows repeats only where the endpoint takes them', () => {
    assert.deepEqual(validateParams(spec('orders.status'), { orderIds: ['2c611222-bfe6-42d1-9f55-77bddc01a313', '5f204f95-4354-4610-bb3b-c902ad333012'] }), []);
    assert.deepEqual(codes(validateParams(spec('orderbook'), [['symbol', 'A'], ['symbol', 'B']])), ['error:repeated:symbol']);
  });

  it('checks path parameters given separately, as findEndpoint returns them', () => {
    const match = findEndpoint('GET', '/api/charts/v1/candle/PF_XBTUSD/2h')!;
    assert.deepEqual(codes(validateParams(match.endpoint, {}, match.pathParams)), ['error:enum:tick_type', 'error:enum:resolution']);
    assert.deepEqual(codes(validateParams(spec('tickers.symbol'), {})), ['error:missing:symbol']);
  });
});
