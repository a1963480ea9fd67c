import { strict as assert } from 'node:assert';
import { request } from 'node:http';
import { connect } from 'node:net';
import { allEndpoints, fillTemplate, templateNames } from '../../../src/core/catalog';
import { publicRequest, signedRequest, startTestSim, type TestSim } from './simTestKit';

/** Whatever a client sends, the answer is Kraken-shaped and the server keeps serving. */

function rawHttp(baseUrl: string, text: string): Promise<string> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.end(text));
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString('utf8')));
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
  });
}

describe('simulator: bad input', () => {
  let t: TestSim;
  beforeEach(async () => {
    t = await startTestSim({ maxBodyBytes: 4096 });
  });
  afterEach(async () => {
    // After every case the server must still answer.
    assert.equal((await publicRequest(t.sim, 'GET', '/derivatives/api/v3/tickers/PF_XBTUSD')).status, 200);
    await t.close();
  });

  it('unknown path: 404 in the Spring error shape; known path, wrong method: 405 with Allow', async () => {
    const unknown = await publicRequest(t.sim, 'GET', '/derivatives/api/v3/nothing-here');
    assert.deepEqual([unknown.status, unknown.json.result, unknown.json.errors[0].message], [404, 'error', '404 NOT_FOUND']);
    const wrong = await publicRequest(t.sim, 'DELETE', '/derivatives/api/v3/tickers');
    assert.equal(wrong.status, 405);
    assert.equal(wrong.headers.get('allow'), 'GET');
    assert.equal((await publicRequest(t.sim, 'GET', '/')).status, 404);
  });

  it('malformed percent-encoding and unencoded JSON in the URL: 400 Bad Request', async () => {
    const bad = await publicRequest(t.sim, 'GET', '/derivatives/api/v3/orderbook?symbol=%ZZ');
    assert.deepEqual([bad.status, bad.json.status], [400, 'BAD_REQUEST']);
    const json = await rawHttp(t.sim.baseUrl, 'POST /derivatives/api/v3/batchorder?json={"batchOrder":[]} HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
    assert.match(json, /^HTTP\/1\.1 400/);
    assert.match(json, /invalid characters/);
    const body = await signedRequest(t.sim, 'POST', '/derivatives/api/v3/sendorder', 'orderType=lmt&symbol=PF_XBTUSD&size=%E0%A4%A');
    assert.equal(body.status, 400);
  });

  it('unknown symbols: invalidArgument: symbol on the derivatives API, 400 on history and charts', async () => {
    assert.equal((await publicRequest(t.sim, 'GET', '/derivatives/api/v3/tickers/PF_DOESNOTEXIST')).json.error, 'invalidArgument: symbol');
    assert.equal((await publicRequest(t.sim, 'GET', '/derivatives/api/v3/orderbook?symbol=PF_NOPE')).json.error, 'invalidArgument: symbol');
    assert.equal((await publicRequest(t.sim, 'GET', '/api/charts/v1/trade/PF_NOPE/1h')).status, 400);
    assert.equal((await publicRequest(t.sim, 'GET', '/api/charts/v1/trade/PF_XBTUSD/2h')).status, 400, 'unknown resolution');
    assert.equal((await publicRequest(t.sim, 'GET', '/api/history/v3/market/PF_NOPE/executions')).status, 400);
    assert.equal((await publicRequest(t.sim, 'GET', '/derivatives/api/v3/orderbook?symbol=PF-XBT')).status, 400, 'not a symbol at all');
  });

  it('wrong types: invalidArgument: <name> for private calls, 400 for public and history ones', async () => {
    assert.equal((await signedRequest(t.sim, 'POST', '/derivatives/api/v3/cancelallordersafter', 'timeout=soon')).json.error, 'invalidArgument: timeout');
    assert.equal((await signedRequest(t.sim, 'GET', '/derivatives/api/v3/fills', 'lastFillTime=yesterday')).json.error, 'invalidArgument: lastFillTime');
    assert.equal((await publicRequest(t.sim, 'GET', '/derivatives/api/v3/instruments?expired=maybe')).status, 400);
    assert.equal((await signedRequest(t.sim, 'GET', '/api/history/v3/orders', 'count=many')).status, 400);
    assert.equal((await signedRequest(t.sim, 'GET', '/api/history/v3/orders', 'count=0')).status, 400);
    assert.equal((await signedRequest(t.sim, 'GET', '/api/history/v3/orders', 'continuation_token=bm9wZQ')).status, 400);
  });

  it('an oversized body gets 413 whether declared up front or not', async () => {
    const big = 'json=' + 'a'.repeat(5000);
    const declared = await signedRequest(t.sim, 'POST', '/derivatives/api/v3/batchorder', big);
    assert.equal(declared.status, 413);
    assert.equal(declared.json.status, 'PAYLOAD_TOO_LARGE');
    const chunked = await new Promise<number>((resolve, reject) => {
      const req = request(`${t.sim.baseUrl}/derivatives/api/v3/batchorder`, { method: 'POST', headers: { 'transfer-encoding': 'chunked' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      for (let i = 0; i < 10; i++) req.write('b'.repeat(1000));
      req.end();
    });
    assert.equal(chunked, 413);
  });

  it('a JSON body is not read as parameters (requiredArgumentMissing), as at Kraken', async () => {
    const body = JSON.stringify({ orderType: 'mkt', symbol: 'PF_XBTUSD', side: 'buy', size: 1 });
    const r = await signedRequest(t.sim, 'POST', '/derivatives/api/v3/sendorder', body, { headers: { 'content-type': 'application/json' } });
    assert.equal(r.json.error, 'requiredArgumentMissing');
  });

  it('garbage on the socket gets a 400 and does not take the server down', async () => {
    const answer = await rawHttp(t.sim.baseUrl, 'THIS IS NOT HTTP\r\n\r\n');
    assert.match(answer, /^HTTP\/1\.1 400/);
  });

  // SIM_FUZZ_ROUNDS=60 runs a deeper pass by hand.
  it('fuzz: odd values for every parameter of every endpoint never produce a 500', async function () {
    this.timeout(60_000);
    const odd = ['', '-1', '0', '1e309', 'NaN', 'true', '%25', 'PF_XBTUSD', 'pf_xbtusd', 'x'.repeat(300), '{"batchOrder":[{}]}', '2026-13-45T99:99:99Z', '\u0000', '1.000000001'];
    let seed = 7;
    const pick = <T>(list: readonly T[]): T => list[(seed = (seed * 1103515245 + 12345) % 2147483648) % list.length];
    for (const endpoint of allEndpoints()) {
      for (let round = 0; round < Number(process.env.SIM_FUZZ_ROUNDS ?? 4); round++) {
        const pathValues = Object.fromEntries(templateNames(endpoint.path).map((n) => [n, pick(['PF_XBTUSD', 'trade', '1h', 'zz', '%'])]));
        const path = fillTemplate(endpoint.path, pathValues);
        const params = endpoint.params.filter((p) => p.in !== 'path' && pick([true, true, false])).map((p) => `${encodeURIComponent(p.name)}=${encodeURIComponent(pick(odd))}`).join('&');
        const r = endpoint.auth === 'private'
          ? await signedRequest(t.sim, endpoint.method, path, params)
          : await publicRequest(t.sim, endpoint.method, params ? `${path}?${params}` : path);
        assert.ok(r.status < 500, `${endpoint.id} ${params} -> ${r.status} ${r.text.slice(0, 200)}`);
      }
    }
  });

  it('case-insensitive paths, trailing slash and repeated separators are handled', async () => {
    assert.equal((await publicRequest(t.sim, 'GET', '/derivatives/api/v3/Tickers/')).status, 200);
    assert.equal((await publicRequest(t.sim, 'GET', '/derivatives/api/v3/tickers?&symbol=PF_XBTUSD&&')).json.tickers.length, 1);
  });
});
