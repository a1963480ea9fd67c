import { strict as assert } from 'node:assert';
import { parseKfreq, resolveRequest, type StoredResponse } from '../../../src/core/kfreq';
import { codes, fixedSources, kfreq } from './kfreqFixtures';

function resolve(text: string, index = 0, context: Parameters<typeof resolveRequest>[2] = {}) {
  return resolveRequest(parseKfreq(text), index, { system: fixedSources(), ...context });
}

describe('kfreq/resolver: variables and request building', () => {
  it('builds postData from key = value lines with the catalog encoder and signs private endpoints', () => {
    const { request, problems } = resolve(kfreq`
      POST /derivatives/api/v3/sendorder
      orderType = lmt
      symbol = PF_XBTUSD
      side = buy
      size = 0.01
      limitPrice = 50000
      cliOrdId = my order (1)
    `);
    assert.deepEqual(problems, []);
    assert.equal(request?.postData, 'orderType=lmt&symbol=PF_XBTUSD&side=buy&size=0.01&limitPrice=50000&cliOrdId=my%20order%20%281%29');
    assert.deepEqual(request?.params[5], ['cliOrdId', 'my order (1)']);
    assert.equal(request?.sign, true);
    assert.equal(request?.signReason, 'catalog');
    assert.equal(request?.endpoint?.id, 'sendorder');
    assert.equal(request?.mutating, true);
    assert.equal(request?.paramsInUrl, false);
  });

  it('keeps a query string on the request line verbatim, encoding only what variables insert', () => {
    const { request } = resolve(kfreq`
      @when = 2024-02-20T00:00:00.000Z
      GET /derivatives/api/v3/fills?lastFillTime={{when}}&x=a+b%20c
    `);
    assert.equal(request?.postData, 'lastFillTime=2024-02-20T00%3A00%3A00.000Z&x=a+b%20c');
    assert.deepEqual(request?.params, [['lastFillTime', '2024-02-20T00:00:00.000Z'], ['x', 'a b c']]);
    assert.equal(request?.paramsInUrl, true);
  });

  it('does not sign public endpoints unless told, and obeys @sign / @no-sign', () => {
    assert.equal(resolve('GET /derivatives/api/v3/tickers').request?.sign, false);
    assert.equal(resolve('# @sign\nGET /derivatives/api/v3/tickers').request?.sign, true);
    const unsigned = resolve('# @no-sign\nGET /derivatives/api/v3/openpositions').request;
    assert.equal(unsigned?.sign, false);
    assert.equal(unsigned?.signReason, 'directive');
    const unknown = resolve('GET /derivatives/api/v3/somethingnew').request;
    assert.equal(unknown?.sign, false);
    assert.equal(unknown?.signReason, 'unknown-endpoint');
  });

  it('keeps the host of a full URL and matches path parameters', () => {
    const { request } = resolve('GET https://futures.kraken.com/derivatives/api/v3/tickers/PF_XBTUSD');
    assert.equal(request?.url, 'https://futures.kraken.com/derivatives/api/v3/tickers/PF_XBTUSD');
    assert.equal(request?.path, '/derivatives/api/v3/tickers/PF_XBTUSD');
    assert.deepEqual(request?.pathParams, { symbol: 'PF_XBTUSD' });
  });

  it('fills system variables from injected sources', () => {
    const { request, problems } = resolve(kfreq`
      POST /derivatives/api/v3/sendorder
      a = {{$timestamp}}
      b = {{$timestampMs}}
      c = {{$isoTimestamp}}
      d = {{$uuid}}
      e = {{$nonce}}
      f = {{$randomInt 10 20}}
    `);
    assert.deepEqual(problems, []);
    assert.deepEqual(request?.params.map(([, v]) => v), [
      '1700000000',
      '1700000000123',
      '2023-11-14T22:13:20.123Z',
      '00000000-0000-4000-8000-000000000001',
      '1700000000000001',
      '15',
    ]);
  });

  it('lets file variables use each other, evaluates each once per request, and lets them override the environment', () => {
    const text = kfreq`
      @base = PF_
      @symbol = {{base}}XBTUSD
      @cid = {{$uuid}}
      POST /derivatives/api/v3/sendorder
      symbol = {{symbol}}
      cliOrdId = {{cid}}
      again = {{cid}}
      side = {{side}}
    `;
    const { request, problems } = resolve(text, 0, { environmentVariables: { side: 'sell', symbol: 'PI_XBTUSD' } });
    assert.deepEqual(problems, []);
    assert.deepEqual(request?.params, [['symbol', 'PF_XBTUSD'], ['cliOrdId', '00000000-0000-4000-8000-000000000001'], ['again', '00000000-0000-4000-8000-000000000001'], ['side', 'sell']]);
  });

  it('reports unknown, cyclic and malformed variables with their ranges and does not build the request', () => {
    const text = kfreq`
      @a = {{b}}
      @b = {{a}}
      POST /derivatives/api/v3/sendorder
      x = {{missing}}
      y = {{a}}
      z = {{$randomInt 5 1}}
      w = {{$bogus}}
    `;
    const { request, problems } = resolve(text);
    assert.equal(request, undefined);
    assert.ok(codes(problems).includes('unknown-variable'));
    assert.ok(codes(problems).includes('variable-cycle'));
    assert.ok(codes(problems).includes('bad-system-variable'));
    const missing = problems.find((p) => p.code === 'unknown-variable');
    assert.deepEqual(missing?.range, { start: { line: 3, character: 4 }, end: { line: 3, character: 15 } });
  });

  it('compacts a multi-line JSON value without touching numbers, and rejects invalid JSON for `json`', () => {
    const { request } = resolve(kfreq`
      POST /derivatives/api/v3/batchorder
      json = {
        "batchOrder": [ { "order": "send", "order_tag": "a b", "size": 0.00010000, "id": 12345678901234567890 } ]
      }
    `);
    assert.equal(request?.params[0]?.[1], '{"batchOrder":[{"order":"send","order_tag":"a b","size":0.00010000,"id":12345678901234567890}]}');
    assert.ok(request?.postData.startsWith('json=%7B%22batchOrder%22%3A%5B'));
    const bad = resolve('POST /derivatives/api/v3/batchorder\njson = {"batchOrder": [1,]}');
    assert.deepEqual(codes(bad.problems), ['bad-json']);
  });

  it('refuses parameters split between the query string and key = value lines', () => {
    const { request, problems } = resolve('GET /derivatives/api/v3/fills?a=1\nb = 2');
    assert.equal(request, undefined);
    assert.deepEqual(codes(problems), ['mixed-params']);
  });

  it('stops a request whose own lines have syntax errors, but not for errors elsewhere', () => {
    const text = 'GET /derivatives/api/v3/tickers\nnot a param\n###\nGET /derivatives/api/v3/tickers';
    assert.equal(resolve(text, 0).request, undefined);
    assert.ok(resolve(text, 1).request);
    assert.deepEqual(codes(resolve(text, 7).problems), ['no-such-request']);
  });
});

describe('kfreq/resolver: chaining', () => {
  const placed: StoredResponse = {
    status: 200,
    headers: { 'Content-Type': 'application/json', 'X-Trace': 'abc' },
    body: { result: 'success', sendStatus: { order_id: 'id-1', status: 'placed', orderEvents: [{ type: 'PLACE', order: { limitPrice: 9400 } }] } },
  };
  const text = kfreq`
    # @name placed
    POST /derivatives/api/v3/sendorder
    ###
    POST /derivatives/api/v3/cancelorder
    order_id = {{placed.response.body.sendStatus.order_id}}
    status = {{placed.response.status}}
    header = {{placed.response.headers.x-trace}}
    price = {{placed.response.body.sendStatus.orderEvents[0].order.limitPrice}}
    dotted = {{placed.response.body.sendStatus.orderEvents.0.type}}
    whole = {{placed.response.body.sendStatus.orderEvents[0].order}}
  `;

  it('reads body paths, array indices, the status and headers (any case) from a stored response', () => {
    const { request, problems } = resolve(text, 1, { responses: new Map([['placed', placed]]) });
    assert.deepEqual(problems, []);
    assert.deepEqual(request?.params, [
      ['order_id', 'id-1'],
      ['status', '200'],
      ['header', 'abc'],
      ['price', '9400'],
      ['dotted', 'PLACE'],
      ['whole', '{"limitPrice":9400}'],
    ]);
  });

  it('says when the named request has not run yet, or the field is missing', () => {
    assert.match(resolve(text, 1).problems[0]?.message ?? '', /has not been run yet/);
    const rejected: StoredResponse = { status: 200, headers: {}, body: { result: 'success', sendStatus: { status: 'invalidSize', orderEvents: [] } } };
    const { problems } = resolve(text, 1, { responses: new Map([['placed', rejected]]) });
    assert.equal(problems[0]?.code, 'response-field-missing');
    assert.match(problems[0]?.message ?? '', /has no \.sendStatus\.order_id/);
  });

  it('names an unknown request', () => {
    const { problems } = resolve('GET /derivatives/api/v3/tickers?x={{nobody.response.status}}');
    assert.deepEqual(codes(problems), ['unknown-request']);
  });
});
