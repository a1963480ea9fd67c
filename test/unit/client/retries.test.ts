import { strict as assert } from 'node:assert';
import {
  HttpStatusError,
  KrakenFuturesClient,
  NetworkError,
  RateLimitError,
  TimeoutError,
  type AttemptTrace,
} from '../../../src/core/client';
import { NonceSource } from '../../../src/core/signing';
import { API_KEY, SECRET_A, fakeFetch, jsonAnswer, krakenError, ok, recordedSleep, type RecordedRequest, type Answer } from './fakeFetch';

/** Reads are retried on transient failures; mutating requests never are (a retry can double an order). */

function setup(handler: (r: RecordedRequest, n: number) => Answer | Promise<Answer>, extra: { timeoutMs?: number; limit?: number } = {}) {
  const transport = fakeFetch(handler);
  const sleeper = recordedSleep();
  const traces: AttemptTrace[] = [];
  let clock = 1_700_000_000_000;
  const client = new KrakenFuturesClient({
    baseUrl: 'https://futures.kraken.com',
    credentials: { apiKey: API_KEY, secret: SECRET_A },
    nonce: new NonceSource({ clock: () => clock++ }),
    fetch: transport.fetch,
    retry: { limit: extra.limit ?? 2, backoffMs: 100 },
    timeoutMs: extra.timeoutMs,
    sleep: sleeper.sleep,
    onTrace: (t) => traces.push(t),
  });
  return { client, calls: transport.calls, waits: sleeper.waits, traces };
}

const serverError = () => new Response('upstream failed', { status: 503, statusText: 'Service Unavailable' });
const order = { orderType: 'lmt', symbol: 'PF_XBTUSD', side: 'buy', size: 1, limitPrice: 1 } as const;

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  assert.fail('expected the call to fail');
}

describe('client: retries', () => {
  it('retries a GET on 5xx with doubling backoff, signing each attempt with a fresh nonce', async () => {
    const s = setup((_r, n) => (n < 3 ? serverError() : ok({ openOrders: [] })));
    const answer = await s.client.call('openorders');
    assert.equal(s.calls.length, 3);
    assert.deepEqual(s.waits, [100, 200]);
    assert.equal(answer.timing.attempts, 3);
    const nonces = s.calls.map((c) => c.headers.nonce);
    assert.equal(new Set(nonces).size, 3, 'every attempt has its own nonce');
    assert.equal(new Set(s.calls.map((c) => c.headers.authent)).size, 3);
    assert.deepEqual(s.traces.map((t) => t.outcome), ['retry', 'retry', 'ok']);
  });

  it('gives up after the retry limit and throws the last error', async () => {
    const s = setup(() => serverError(), { limit: 2 });
    const error = await rejection(s.client.call('accounts'));
    assert.ok(error instanceof HttpStatusError);
    assert.equal(error.status, 503);
    assert.equal(s.calls.length, 3);
    assert.equal(error.response?.timing.attempts, 3);
  });

  it('retries a GET after a network error', async () => {
    const s = setup((_r, n) => (n === 1 ? new TypeError('fetch failed', { cause: { code: 'ECONNRESET' } }) : ok({ fills: [] })));
    await s.client.fills();
    assert.equal(s.calls.length, 2);
  });

  it('waits for rate-limit-reset on a 429 before retrying a read', async () => {
    const s = setup((_r, n) => (n === 1 ? new Response('Too many requests', { status: 429, headers: { 'rate-limit-reset': '2' } }) : ok({ logs: [] })));
    await s.client.call('history.accountlog', { count: 10 });
    assert.deepEqual(s.waits, [2000]);
    assert.equal(s.calls.length, 2);
  });

  it('retries apiLimitExceeded (HTTP 200) on reads with backoff', async () => {
    const s = setup((_r, n) => (n === 1 ? krakenError('apiLimitExceeded') : ok({ openPositions: [] })));
    await s.client.openPositions();
    assert.equal(s.calls.length, 2);
    assert.deepEqual(s.waits, [100]);
  });

  it('reports instead of waiting when the reset is further away than maxWaitMs', async () => {
    const s = setup(() => new Response('slow down', { status: 429, headers: { 'rate-limit-reset': '600' } }));
    const error = await rejection(s.client.call('history.executions'));
    assert.ok(error instanceof RateLimitError);
    assert.equal(error.resetSeconds, 600);
    assert.equal(s.calls.length, 1);
    assert.deepEqual(s.waits, []);
  });

  it('does not retry client errors (4xx) or Kraken errors such as authenticationError', async () => {
    const s = setup(() => krakenError('authenticationError'));
    await rejection(s.client.accounts());
    assert.equal(s.calls.length, 1);
    const b = setup(() => jsonAnswer({ status: 'BAD_REQUEST', result: 'error', errors: [{ code: 0, message: '400 BAD_REQUEST' }] }, { status: 400 }));
    await rejection(b.client.orderbook('PF_XBTUSD'));
    assert.equal(b.calls.length, 1);
  });

  describe('never retries mutating requests', () => {
    it('sendorder on 503: one attempt', async () => {
      const s = setup(() => serverError());
      const error = await rejection(s.client.sendOrder(order));
      assert.ok(error instanceof HttpStatusError);
      assert.equal(s.calls.length, 1);
      assert.deepEqual(s.waits, []);
    });

    it('sendorder on a network error: one attempt, and the hint says to check open orders', async () => {
      const s = setup(() => new TypeError('fetch failed'));
      const error = await rejection(s.client.sendOrder(order));
      assert.ok(error instanceof NetworkError);
      assert.match((error as NetworkError).hint ?? '', /check open orders/);
      assert.equal(s.calls.length, 1);
    });

    it('cancelallorders on apiLimitExceeded, batchorder on 429, PUT leveragepreferences on 500: one attempt each', async () => {
      const a = setup(() => krakenError('apiLimitExceeded'));
      assert.ok((await rejection(a.client.cancelAllOrders())) instanceof RateLimitError);
      const b = setup(() => new Response('', { status: 429, headers: { 'retry-after': '1' } }));
      await rejection(b.client.batchOrder([{ order: 'cancel', cliOrdId: 'x' }]));
      const c = setup(() => serverError());
      await rejection(c.client.call('leveragepreferences.set', { symbol: 'PF_XBTUSD', maxLeverage: 5 }));
      assert.deepEqual([a.calls.length, b.calls.length, c.calls.length], [1, 1, 1]);
    });

    it('sendorder timing out: one attempt, TimeoutError', async () => {
      const never = (r: RecordedRequest) =>
        new Promise<Answer>((resolve) => r.signal.addEventListener('abort', () => resolve(new DOMException('aborted', 'AbortError'))));
      const s = setup(never, { timeoutMs: 30 });
      const error = await rejection(s.client.sendOrder(order));
      assert.ok(error instanceof TimeoutError, String(error));
      assert.equal(s.calls.length, 1);
    });
  });

  it('retries a GET that timed out', async () => {
    const slowFirst = (r: RecordedRequest, n: number) =>
      n === 1 ? new Promise<Answer>((resolve) => r.signal.addEventListener('abort', () => resolve(new DOMException('aborted', 'AbortError')))) : ok({ openOrders: [] });
    const s = setup(slowFirst, { timeoutMs: 30 });
    await s.client.openOrders();
    assert.equal(s.calls.length, 2);
  });
});

describe('client: errors thrown by an injected fetch', () => {
  it('passes a deliberate refusal through unchanged and does not retry it', async () => {
    class Refusal extends Error {}
    const s = setup(() => new Refusal('not on this host'));
    const error = await rejection(s.client.accounts());
    assert.ok(error instanceof Refusal);
    assert.equal(s.calls.length, 1);
  });
});
