import { strict as assert } from 'node:assert';
import { KrakenApiError, KrakenFuturesClient, RequestSetupError } from '../../../src/core/client';
import { computeAuthent } from '../../../src/core/signing';
import { API_KEY, SECRET_A, fakeFetch, fixedNonces, krakenError, ok, recordedSleep } from './fakeFetch';

/** raw() is what the .kfreq runner uses: it sends an already-built string exactly. */

function setup(answer = () => ok({})) {
  const t = fakeFetch(answer);
  const client = new KrakenFuturesClient({
    baseUrl: 'http://127.0.0.1:8787',
    credentials: { apiKey: API_KEY, secret: SECRET_A },
    nonce: fixedNonces('42'),
    fetch: t.fetch,
    sleep: recordedSleep().sleep,
  });
  return { client, calls: t.calls };
}

describe('client: raw()', () => {
  it('sends a hand-built POST body byte for byte and signs exactly it', async () => {
    const { client, calls } = setup();
    const body = 'symbol=PF_XBTUSD&cliOrdId=a+b&orderType=lmt&side=buy&size=1&limitPrice=';
    const answer = await client.raw('post', '/derivatives/api/v3/sendorder', body);
    assert.equal(calls[0].body, body);
    assert.equal(calls[0].headers.authent, computeAuthent(SECRET_A, body, '42', '/derivatives/api/v3/sendorder'));
    assert.equal(answer.endpoint?.id, 'sendorder');
    assert.equal(answer.request.postData, body);
  });

  it('takes the query of a GET from the URL or from postData, never both', async () => {
    const { client, calls } = setup(() => ok({ fills: [] }));
    await client.raw('GET', '/derivatives/api/v3/fills?lastFillTime=2024-02-20T00%3A00%3A00.000Z');
    await client.raw('GET', 'http://127.0.0.1:8787/derivatives/api/v3/fills', 'lastFillTime=2024-02-20T00%3A00%3A00.000Z');
    assert.equal(calls[0].url, calls[1].url);
    assert.equal(calls[0].headers.authent, calls[1].headers.authent);
    await assert.rejects(client.raw('GET', '/derivatives/api/v3/fills?a=1', 'b=2'), RequestSetupError);
  });

  it('signs what the URL parser really sends when a hand-written query has raw spaces', async () => {
    const { client, calls } = setup();
    const answer = await client.raw('GET', '/derivatives/api/v3/fills', 'note=a b');
    assert.equal(calls[0].url, 'http://127.0.0.1:8787/derivatives/api/v3/fills?note=a%20b');
    assert.equal(answer.request.postData, 'note=a%20b');
    assert.equal(calls[0].headers.authent, computeAuthent(SECRET_A, 'note=a%20b', '42', '/derivatives/api/v3/fills'));
  });

  it('signs private catalog paths, not public ones, unless told otherwise', async () => {
    const { client, calls } = setup();
    await client.raw('GET', '/derivatives/api/v3/tickers');
    await client.raw('GET', '/derivatives/api/v3/tickers', '', { sign: true });
    await client.raw('GET', '/some/unknown/path');
    assert.deepEqual(calls.map((c) => c.headers.authent !== undefined), [false, true, true]);
  });

  it('returns error answers with problem set instead of throwing', async () => {
    const { client } = setup(() => krakenError('nonceBelowThreshold'));
    const answer = await client.raw('GET', '/derivatives/api/v3/accounts');
    assert.ok(answer.problem instanceof KrakenApiError);
    assert.match(answer.problem.hint ?? '', /nonce/);
    assert.equal(answer.status, 200);
  });

  it('rejects unsupported methods and malformed targets', async () => {
    const { client } = setup();
    await assert.rejects(client.raw('PATCH', '/x'), /Unsupported method/);
    await assert.rejects(client.raw('GET', 'derivatives/api/v3/tickers'), /neither a path/);
  });
});
