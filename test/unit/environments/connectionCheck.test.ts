import { strict as assert } from 'node:assert';
import { KrakenFuturesClient } from '../../../src/core/client';
import { checkConnection, skewSentence } from '../../../src/extension/environments/connectionCheck';
import { startSimulator, type RunningSimulator } from '../../../src/simulator';
import { API_KEY, SECRET_A, fakeFetch, jsonAnswer } from '../client/fakeFetch';

describe('environments: Test Connection checks', () => {
  let sim: RunningSimulator;
  before(async () => {
    sim = await startSimulator({ host: '127.0.0.1', port: 0, rateLimits: false });
  });
  after(async () => sim.close());

  it('against the simulator: reachable, keys valid, skew near zero', async () => {
    const client = new KrakenFuturesClient({ baseUrl: sim.baseUrl, credentials: { apiKey: sim.apiKey, secret: sim.secret } });
    const report = await checkConnection(client, sim.apiKey);
    assert.equal(report.reachable, true);
    assert.equal(report.publicCall, 'ok');
    assert.equal(report.privateCall, 'ok');
    assert.ok(Math.abs(report.clockSkewMs ?? Infinity) < 2_000);
    assert.ok(report.lines.every((line) => !line.includes(sim.secret) && !line.includes(sim.apiKey)));
    assert.match(report.summary, /^reachable, keys valid, clock \d+( ms|\.\d s) (behind|ahead) \(fine\)$/);
  });

  it('says when the keys are refused, and when there are none', async () => {
    const wrong = new KrakenFuturesClient({ baseUrl: sim.baseUrl, credentials: { apiKey: sim.apiKey, secret: SECRET_A } });
    const refused = await checkConnection(wrong, sim.apiKey);
    assert.equal(refused.privateCall, 'failed');
    assert.match(refused.lines.at(-1) ?? '', /^Keys NOT accepted: key .+ was refused with "authenticationError"/);
    const none = await checkConnection(new KrakenFuturesClient({ baseUrl: sim.baseUrl }), undefined);
    assert.equal(none.privateCall, 'skipped');
    assert.match(none.lines.at(-1) ?? '', /No credentials set: private endpoints were not tried/);
  });

  it('recognises the retired demo host by its redirect and says so plainly', async () => {
    const transport = fakeFetch(() => new Response('', { status: 301, headers: { location: 'https://www.kraken.com/features/futures' } }));
    const client = new KrakenFuturesClient({ baseUrl: 'https://demo-futures.kraken.com', credentials: { apiKey: API_KEY, secret: SECRET_A }, fetch: transport.fetch });
    const report = await checkConnection(client, API_KEY);
    assert.equal(report.retiredDemo, true);
    assert.equal(report.privateCall, 'skipped', 'no credentials are sent to a host that is not the API any more');
    assert.match(report.lines[0], /^Kraken retired the hosted demo \(demo-futures\.kraken\.com\) in July 2026/);
    assert.equal(report.summary, 'the hosted demo is retired (July 2026)');
    assert.equal(transport.calls.length, 1);
  });

  it('measures skew against the middle of the round trip and words it', async () => {
    const ahead = new Date(Date.now() + 60_000).toISOString();
    const transport = fakeFetch(() => jsonAnswer({ result: 'success', serverTime: ahead, tickers: [] }));
    const report = await checkConnection(new KrakenFuturesClient({ baseUrl: 'https://futures.kraken.com', fetch: transport.fetch }), undefined);
    assert.ok(Math.abs((report.clockSkewMs ?? 0) - 60_000) < 5_000, String(report.clockSkewMs));
    assert.match(report.lines[1], /^Clock skew: this machine is \d+\.\d s behind the server \(±\d+ ms\)\. Sync the system clock/);
    assert.match(report.summary, /^reachable, no credentials, clock \d+\.\d s behind \(sync it\)$/);
    assert.equal(skewSentence(-250, 40), 'Clock skew: this machine is 250 ms ahead of the server (±40 ms), fine.');
    assert.match(skewSentence(2_500, 1_000), /fine\.$/, 'a skew the round trip can explain is not flagged');
  });

  it('an unreachable host is reported, not thrown', async () => {
    const closed = await startSimulator({ host: '127.0.0.1', port: 0 });
    await closed.close();
    const report = await checkConnection(new KrakenFuturesClient({ baseUrl: closed.baseUrl, retry: { limit: 0, backoffMs: 0 } }), undefined);
    assert.equal(report.reachable, false);
    assert.match(report.lines[0], /^Not reachable: Network error: ECONNREFUSED/);
    assert.equal(report.summary, 'not reachable');
  });
});
