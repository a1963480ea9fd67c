import { strict as assert } from 'node:assert';
import { doctorEntry, dryRunRequest, entryFromResult, signatureEntry, MAX_BODY_CHARS } from '../../../src/core/requests';
import { fingerprint } from '../../../src/core/signing';
import { jsonAnswer, krakenError, ok } from '../client/fakeFetch';
import { kfreq } from '../kfreq/kfreqFixtures';
import { API_KEY, BASE_URL, SECRET_A, resolved, runWithFakeServer } from './requestFixtures';

const context = { id: 'e1', createdAt: 1_700_000_000_000, environment: { id: 'local', label: 'Local simulator', isLive: false }, source: { file: 'orders.kfreq', index: 0 } };

describe('requests/responseEntry: what the response view shows', () => {
  it('calls out status, timing, the Kraken verdict, the wire request and the full trace of a sent request', async () => {
    const { summary } = await runWithFakeServer(
      kfreq`
        # @name placed
        POST /derivatives/api/v3/sendorder
        orderType = lmt
        symbol = PF_XBTUSD
        side = buy
        size = 0.01
        limitPrice = 50000
      `,
      () => ok({ sendStatus: { status: 'insufficientAvailableFunds' } }),
    );
    const result = summary.results[0];
    assert.ok(result);
    const entry = entryFromResult(result, context);
    assert.equal(entry.title, '#1 placed · POST /derivatives/api/v3/sendorder');
    assert.equal(entry.outcome, 'failed');
    assert.equal(entry.http?.status, 200);
    assert.equal(entry.kraken?.ok, false);
    assert.equal(entry.kraken?.result, 'success');
    assert.equal(entry.kraken?.reason, 'sendStatus.status = insufficientAvailableFunds');
    assert.equal(entry.wire?.requestLine, 'POST /derivatives/api/v3/sendorder HTTP/1.1');
    assert.deepEqual(entry.wire?.headers[0], ['Host', '127.0.0.1:8790']);
    assert.ok(entry.wire?.headers.some(([name, value]) => name === 'APIKey' && value === fingerprint(API_KEY)));
    assert.equal(entry.wire?.body, 'orderType=lmt&symbol=PF_XBTUSD&side=buy&size=0.01&limitPrice=50000');
    assert.deepEqual(entry.signature?.steps.map((s) => s.id), ['postData', 'nonce', 'endpointPath', 'message', 'sha256Hex', 'sha256Base64', 'secretKey', 'hmacSha512', 'headers']);
    assert.match(entry.signing ?? '', /^Signed \(private endpoint\) with API key /);
    assert.match(entry.body?.text ?? '', /\n {2}"sendStatus": \{/);
    const json = JSON.stringify(entry);
    assert.ok(!json.includes(SECRET_A) && !json.includes(API_KEY));
  });

  it('carries the Kraken error and its hint', async () => {
    const { summary } = await runWithFakeServer('GET /derivatives/api/v3/openpositions', () => krakenError('authenticationError'));
    const entry = entryFromResult(summary.results[0]!, context);
    assert.equal(entry.kraken?.error, 'authenticationError');
    assert.match(entry.kraken?.hint ?? '', /Futures \(Derivatives\) key/);
    assert.equal(entry.outcome, 'failed');
  });

  it('keeps a request that was not sent readable, with the line as written', () => {
    const entry = entryFromResult({ index: 2, outcome: 'refused', message: 'Refused: pinned to live', asserts: [], problems: [] }, { ...context, fallbackLine: 'GET /x' });
    assert.equal(entry.title, '#3 · GET /x');
    assert.equal(entry.http, undefined);
    assert.equal(entry.message, 'Refused: pinned to live');
  });

  it('cuts very large bodies and says so', async () => {
    const big = { list: 'x'.repeat(MAX_BODY_CHARS + 10) };
    const { summary } = await runWithFakeServer('GET /derivatives/api/v3/tickers', () => jsonAnswer(big));
    const entry = entryFromResult(summary.results[0]!, context);
    assert.equal(entry.body?.truncated, true);
    assert.equal(entry.body?.text.length, MAX_BODY_CHARS);
  });

  it('describes a signature shown without sending', async () => {
    const request = resolved('GET /derivatives/api/v3/openpositions');
    const dry = await dryRunRequest(request, { baseUrl: BASE_URL, credentials: { apiKey: API_KEY, secret: SECRET_A }, nonce: '42' });
    const entry = signatureEntry(request, dry, context);
    assert.equal(entry.kind, 'signature');
    assert.equal(entry.outcome, 'shown');
    assert.match(entry.message, /nonce 42; nothing was sent/);
    assert.equal(entry.signature?.nonce, '42');
    assert.equal(entry.http, undefined);
    const unsigned = signatureEntry(resolved('# @no-sign\nGET /derivatives/api/v3/openpositions'), await dryRunRequest(resolved('# @no-sign\nGET /derivatives/api/v3/openpositions'), { baseUrl: BASE_URL }), context);
    assert.equal(unsigned.signing, 'Not signed: # @no-sign');
  });

  it('wraps a doctor verdict', () => {
    const entry = doctorEntry(
      { path: '/derivatives/api/v3/openpositions', postData: '', nonce: '1', authent: 'x', keyFingerprint: 'k', verdict: 'no-match', mistake: null, summary: 'No known mistake.', fix: null, receivedShape: '1 base64 characters', expectedAuthent: 'y', compare: [] },
      context,
    );
    assert.equal(entry.kind, 'doctor');
    assert.equal(entry.title, 'Signature check · /derivatives/api/v3/openpositions');
    assert.equal(entry.message, 'No known mistake.');
  });
});
