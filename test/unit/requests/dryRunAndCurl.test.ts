import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { curlCommand, dryRunRequest, shellQuote, API_KEY_PLACEHOLDER } from '../../../src/core/requests';
import { computeAuthent, fingerprint } from '../../../src/core/signing';
import { kfreq } from '../kfreq/kfreqFixtures';
import { API_KEY, BASE_URL, SECRET_A, resolved, runWithFakeServer } from './requestFixtures';

const credentials = { apiKey: API_KEY, secret: SECRET_A };
const NONCE = '1700000000000001';

const ORDER = kfreq`
  POST /derivatives/api/v3/sendorder
  orderType = lmt
  symbol = PF_XBTUSD
  side = buy
  size = 0.01
  limitPrice = 50000
  cliOrdId = it's mine
`;

describe('requests/dryRun: signing without sending', () => {
  it('produces the same URL, body and Authent that a real send puts on the wire', async () => {
    const dry = await dryRunRequest(resolved(ORDER), { baseUrl: BASE_URL, credentials, nonce: NONCE });
    const { calls } = await runWithFakeServer(ORDER, undefined, NONCE);
    const sent = calls[0];
    assert.ok(sent);
    assert.equal(dry.request.url, sent.url);
    assert.equal(dry.request.body, sent.body);
    assert.equal(dry.signature?.authent, sent.headers.authent);
    assert.equal(dry.signature?.nonce, NONCE);
    assert.equal(dry.signature?.authent, computeAuthent(SECRET_A, sent.body, NONCE, '/derivatives/api/v3/sendorder'));
  });

  it('shows the key only as a fingerprint and never carries the secret', async () => {
    const dry = await dryRunRequest(resolved(ORDER), { baseUrl: BASE_URL, credentials, nonce: NONCE });
    assert.equal(dry.request.headers.apikey, fingerprint(API_KEY));
    const text = JSON.stringify(dry);
    assert.ok(!text.includes(SECRET_A));
    assert.ok(!text.includes(API_KEY));
  });

  it('keeps a query written on a POST request line in the URL, as the client sends it', async () => {
    const text = 'POST /derivatives/api/v3/cancelorder?order_id=abc';
    const dry = await dryRunRequest(resolved(text), { baseUrl: BASE_URL, credentials, nonce: NONCE });
    const { calls } = await runWithFakeServer(text, undefined, NONCE);
    assert.equal(dry.request.url, `${BASE_URL}/derivatives/api/v3/cancelorder?order_id=abc`);
    assert.equal(dry.request.url, calls[0]?.url);
    assert.equal(dry.signature?.postData, 'order_id=abc');
  });

  it('does not sign a public endpoint and needs no credentials for it', async () => {
    const dry = await dryRunRequest(resolved('GET /derivatives/api/v3/tickers'), { baseUrl: BASE_URL });
    assert.equal(dry.signature, undefined);
    assert.equal(dry.request.url, `${BASE_URL}/derivatives/api/v3/tickers`);
  });

  it('refuses to sign a private request without credentials, with a reason', async () => {
    await assert.rejects(dryRunRequest(resolved('GET /derivatives/api/v3/openpositions'), { baseUrl: BASE_URL, nonce: NONCE }), /credentials/);
  });
});

describe('requests/curlCommand', () => {
  it('fills Authent and Nonce for that nonce and puts a placeholder for the key', async () => {
    const dry = await dryRunRequest(resolved(ORDER), { baseUrl: BASE_URL, credentials, nonce: NONCE });
    const curl = curlCommand(dry);
    assert.match(curl, /^curl -X POST 'http:\/\/127\.0\.0\.1:8790\/derivatives\/api\/v3\/sendorder'/);
    assert.ok(curl.includes(`-H "APIKey: ${API_KEY_PLACEHOLDER}"`));
    assert.ok(curl.includes(`'Nonce: ${NONCE}'`));
    assert.ok(curl.includes(`'Authent: ${dry.signature?.authent}'`));
    assert.ok(curl.includes("--data-raw 'orderType=lmt&symbol=PF_XBTUSD&side=buy&size=0.01&limitPrice=50000&cliOrdId=it%27s%20mine'"));
    assert.ok(!curl.includes(SECRET_A));
    assert.ok(!curl.includes(API_KEY));
  });

  it('puts the real key in only when asked, and still never the secret', async () => {
    const dry = await dryRunRequest(resolved(ORDER), { baseUrl: BASE_URL, credentials, nonce: NONCE });
    const curl = curlCommand(dry, { apiKey: API_KEY });
    assert.ok(curl.includes(`'APIKey: ${API_KEY}'`));
    assert.ok(!curl.includes(SECRET_A));
  });

  it('sends a GET query in the URL and no signature headers for a public endpoint', async () => {
    const dry = await dryRunRequest(resolved('GET /derivatives/api/v3/history?symbol=PF_XBTUSD'), { baseUrl: BASE_URL });
    const curl = curlCommand(dry);
    assert.ok(curl.includes(`'${BASE_URL}/derivatives/api/v3/history?symbol=PF_XBTUSD'`));
    assert.ok(!curl.includes('Authent'));
    assert.ok(!curl.includes('--data-raw'));
  });

  it('quotes values so that a POSIX shell reads them back unchanged', function () {
    if (process.platform === 'win32') this.skip();
    for (const value of ["it's", "a'b'c", '$HOME `x` "q" \\ ;&|', '', "''"]) {
      assert.equal(execFileSync('sh', ['-c', `printf %s ${shellQuote(value)}`]).toString(), value);
    }
  });
});
