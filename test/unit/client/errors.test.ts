import { strict as assert } from 'node:assert';
import {
  HttpStatusError,
  KrakenApiError,
  KrakenFuturesClient,
  NotJsonError,
  RequestSetupError,
  ResponseShapeError,
  hintForKrakenError,
} from '../../../src/core/client';
import { API_KEY, SECRET_A, fakeFetch, jsonAnswer, krakenError, ok, recordedSleep, type Answer } from './fakeFetch';

function clientAnswering(answer: () => Answer, baseUrl = 'https://futures.kraken.com') {
  const t = fakeFetch(answer);
  const client = new KrakenFuturesClient({ baseUrl, credentials: { apiKey: API_KEY, secret: SECRET_A }, fetch: t.fetch, sleep: recordedSleep().sleep });
  return { client, calls: t.calls };
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  assert.fail('expected the call to fail');
}

describe('client: error typing', () => {
  it('turns result:"error" into KrakenApiError with a hint, keeping the answer', async () => {
    const { client } = clientAnswering(() => krakenError('authenticationError'));
    const error = await rejection(client.accounts());
    assert.ok(error instanceof KrakenApiError);
    assert.equal(error.krakenError, 'authenticationError');
    assert.equal(error.httpStatus, 200);
    assert.equal(error.serverTime, '2024-02-20T00:00:00.000Z');
    assert.match(error.hint ?? '', /Futures \(Derivatives\) key/);
    assert.equal(error.response?.status, 200);
    assert.match(error.response?.rawText ?? '', /authenticationError/);
    assert.doesNotThrow(() => JSON.stringify(error.response));
  });

  it('matches "invalidArgument: x" by prefix and names the argument', async () => {
    const { client } = clientAnswering(() => krakenError('invalidArgument: symbol'));
    const error = (await rejection(client.tickers())) as KrakenApiError;
    assert.equal(error.krakenError, 'invalidArgument: symbol');
    assert.match(error.hint ?? '', /wrong type or value.*Kraken names: symbol/);
    assert.match(hintForKrakenError('BAD_REQUEST: UUID string too large') ?? '', /repeated keys/);
    assert.equal(hintForKrakenError('somethingNew'), undefined);
  });

  it('reads the errors[] shape (400) and the history 401 shape', async () => {
    const bad = clientAnswering(() => jsonAnswer({ status: 'BAD_REQUEST', result: 'error', errors: [{ code: 0, message: '400 BAD_REQUEST' }] }, { status: 400 }));
    const e1 = (await rejection(bad.client.orderbook('PF_XBTUSD'))) as KrakenApiError;
    assert.ok(e1 instanceof KrakenApiError);
    assert.equal(e1.krakenError, '400 BAD_REQUEST');
    assert.equal(e1.httpStatus, 400);
    const margin = clientAnswering(() => jsonAnswer({ errors: [{ code: 92, message: 'INSUFFICIENT_MARGIN' }] }, { status: 500 }));
    const e2 = (await rejection(margin.client.sendOrder({ orderType: 'mkt', symbol: 'PF_XBTUSD', side: 'buy', size: 1 }))) as KrakenApiError;
    assert.equal(e2.krakenError, 'INSUFFICIENT_MARGIN');
    assert.equal(margin.calls.length, 1);
    const history = clientAnswering(() => jsonAnswer({ status: 'unauthorized', reason: 'You are not authorized to access this endpoint.' }, { status: 401 }));
    const e3 = (await rejection(history.client.call('history.executions'))) as KrakenApiError;
    assert.equal(e3.krakenError, 'unauthorized');
    assert.match(e3.hint ?? '', /could not verify/);
  });

  it('reports a plain non-JSON 404 as HttpStatusError', async () => {
    const { client } = clientAnswering(() => new Response('no such thing', { status: 404, statusText: 'Not Found' }));
    const error = (await rejection(client.instruments())) as HttpStatusError;
    assert.ok(error instanceof HttpStatusError);
    assert.equal(error.status, 404);
    assert.match(error.message, /404 Not Found: no such thing/);
  });

  it('reports an HTML page as NotJsonError with its title', async () => {
    const page = '<!doctype html><html><head><title>Kraken | Buy Bitcoin</title></head><body>hi</body></html>';
    const { client } = clientAnswering(() => new Response(page, { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' } }));
    const error = (await rejection(client.instruments())) as NotJsonError;
    assert.ok(error instanceof NotJsonError);
    assert.match(error.message, /HTML page \("Kraken \| Buy Bitcoin"\)/);
    assert.equal(error.retiredDemo, false);
  });

  it('sees the retired demo host’s 301 instead of following it, and says so plainly', async () => {
    const { client, calls } = clientAnswering(
      () => new Response(null, { status: 301, headers: { location: 'https://www.kraken.com/features/futures' } }),
      'https://demo-futures.kraken.com',
    );
    const error = (await rejection(client.tickers())) as NotJsonError;
    assert.ok(error instanceof NotJsonError);
    assert.match(error.message, /^Kraken retired the hosted demo in July 2026/);
    assert.equal(error.redirectLocation, 'https://www.kraken.com/features/futures');
    assert.equal(error.retiredDemo, true);
    assert.equal(calls.length, 1);
    assert.equal(calls[0].redirect, 'manual');
  });

  it('explains a redirect from any other host as a wrong base URL', async () => {
    const { client } = clientAnswering(() => new Response(null, { status: 302, headers: { location: 'https://example.com/login' } }), 'https://example.com');
    const error = (await rejection(client.tickers())) as NotJsonError;
    assert.match(error.message, /redirected \(HTTP 302\) to https:\/\/example.com\/login/);
    assert.match(error.hint ?? '', /base URL/);
  });

  it('keeps schema problems on the answer and throws ResponseShapeError from typed methods', async () => {
    const { client } = clientAnswering(() => ok({ tickers: { not: 'a list' } }));
    const answer = await client.call('tickers');
    assert.equal(answer.data, undefined);
    assert.equal(answer.validation?.ok, false);
    assert.match(answer.validation?.problems[0] ?? '', /^tickers: /);
    assert.deepEqual(answer.json, { result: 'success', serverTime: '2024-02-20T00:00:00.000Z', tickers: { not: 'a list' } });
    const error = (await rejection(client.tickers())) as ResponseShapeError;
    assert.ok(error instanceof ResponseShapeError);
    assert.equal(error.response?.validation?.ok, false);
  });

  it('accepts numbers sent as strings and extra fields', async () => {
    const { client } = clientAnswering(() => ok({ openOrders: [{ order_id: 'x', symbol: 'pi_xbtusd', side: 'sell', orderType: 'lmt', limitPrice: '10640', unfilledSize: '304', filledSize: '0E-11', receivedTime: 't', status: 'untouched', newField: 1 }] }));
    const [o] = await client.openOrders();
    assert.equal(o.limitPrice, 10640);
    assert.equal(o.filledSize, 0);
    assert.equal((o as Record<string, unknown>).newField, 1);
  });
});

describe('client: request setup', () => {
  it('refuses invalid parameters before sending anything', async () => {
    const { client, calls } = clientAnswering(() => ok({}));
    const error = (await rejection(client.sendOrder({ orderType: 'lmt', symbol: 'PF_XBTUSD', side: 'buy', size: 1 }))) as RequestSetupError;
    assert.ok(error instanceof RequestSetupError);
    assert.match(error.message, /limitPrice is required when orderType is lmt/);
    assert.equal(error.problems[0].param, 'limitPrice');
    await rejection(client.call('orderbook', {}));
    await rejection(client.call('no-such-endpoint'));
    assert.equal(calls.length, 0);
  });

  it('refuses private calls without credentials, and bad base URLs or credentials up front', async () => {
    const t = fakeFetch(() => ok({}));
    const anonymous = new KrakenFuturesClient({ baseUrl: 'https://futures.kraken.com', fetch: t.fetch });
    assert.match((await rejection(anonymous.accounts())).message, /no API credentials/);
    assert.throws(() => new KrakenFuturesClient({ baseUrl: 'https://futures.kraken.com/derivatives/api/v3' }), /host only/);
    assert.throws(() => new KrakenFuturesClient({ baseUrl: 'futures.kraken.com' }), /not a URL/);
    const bad = () => new KrakenFuturesClient({ baseUrl: 'https://futures.kraken.com', credentials: { apiKey: API_KEY, secret: `${SECRET_A.slice(0, 40)} ${SECRET_A.slice(40)}` } });
    assert.throws(bad, (e: Error) => e instanceof RequestSetupError && !e.message.includes(SECRET_A.slice(0, 12)));
  });
});
