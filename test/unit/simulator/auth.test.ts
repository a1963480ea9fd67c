import { strict as assert } from 'node:assert';
import { computeAuthent, endpointPathOf, RECIPES } from '../../../src/core/signing';
import { startSimulator, type RunningSimulator } from '../../../src/simulator';
import { Authenticator } from '../../../src/simulator/http/authenticator';
import { R3, SECRET_A, WIRE_VECTORS, type WireVector } from './authVectors';
import { nextNonce, signedRequest, type RawAnswer } from './simTestKit';

/** Authentication exactly as Kraken verifies it (reference §2.9, §3, §9), over real HTTP. */

const API_KEY = 'rRra59qKQs3y1egAgSaG0RJlBcbq97wTUXSxXxPdhRZdv7z9ijZRWgrf';

async function sendVector(sim: RunningSimulator, v: WireVector): Promise<RawAnswer> {
  return signedRequest(sim, v.method, v.path, v.postData, { nonce: v.nonce, authent: v.authent });
}

function authenticated(answer: RawAnswer): boolean {
  if (answer.status === 401) return false;
  return answer.json?.error !== 'authenticationError';
}

describe('simulator: authentication (§2.9, §9 vectors)', () => {
  for (const v of WIRE_VECTORS) {
    for (const legacy of [false, true]) {
      const expected = v.method2024 === 'new' || legacy;
      it(`${v.name}: ${expected ? 'accepted' : 'rejected'}${legacy ? ' with --legacy-signatures' : ''}`, async () => {
        const sim = await startSimulator({ apiKey: API_KEY, secret: v.secret, legacySignatures: legacy, tickIntervalMs: 60_000 });
        try {
          const answer = await sendVector(sim, v);
          assert.equal(authenticated(answer), expected, answer.text);
          if (!expected) assert.deepEqual([answer.status, answer.json.result, answer.json.error], [200, 'error', 'authenticationError']);
        } finally {
          await sim.close();
        }
      });
    }
  }

  it('authenticated vectors reach their handler: R5 places the order, R6 runs the batch, 9.3 lacks arguments', async () => {
    const sim = await startSimulator({ apiKey: API_KEY, secret: SECRET_A, tickIntervalMs: 60_000 });
    try {
      const r5 = await sendVector(sim, WIRE_VECTORS.find((v) => v.name.includes('%20'))!);
      assert.equal(r5.json.sendStatus.status, 'placed');
      assert.equal(r5.json.sendStatus.cliOrdId, 'my order 1');
      const r6 = await sendVector(sim, WIRE_VECTORS.find((v) => v.name.includes('URL-encoded json'))!);
      assert.deepEqual(r6.json.batchStatus.map((s: { status: string }) => s.status), ['placed', 'notFound']);
    } finally {
      await sim.close();
    }
    const b = await startSimulator({ apiKey: API_KEY, secret: WIRE_VECTORS.at(-1)!.secret, tickIntervalMs: 60_000 });
    try {
      const golden = await sendVector(b, WIRE_VECTORS.at(-1)!);
      assert.equal(golden.json.error, 'requiredArgumentMissing');
    } finally {
      await b.close();
    }
  });

  describe('§9.5 negative vectors (R3 inputs)', () => {
    const auth = new Authenticator({ apiKey: API_KEY, secret: SECRET_A, legacySignatures: true, nonceWindow: 16 });
    const check = (authent: string) =>
      auth.verify({ path: R3.path, rawQuery: R3.postData, rawBody: '', headers: { apikey: API_KEY, authent, nonce: R3.nonce } });

    for (const [mistake, value] of Object.entries(R3.negatives)) {
      it(`rejects ${mistake}`, () => assert.deepEqual(check(value), { ok: false, error: 'authenticationError' }));
    }
    it('accepts the correct R3 value (and then treats its nonce as used)', () => {
      assert.deepEqual(check(R3.authent), { ok: true, apiKey: API_KEY });
      assert.deepEqual(check(R3.authent), { ok: false, error: 'nonceDuplicate' });
    });
  });

  describe('rules over HTTP', () => {
    let sim: RunningSimulator;
    beforeEach(async () => {
      sim = await startSimulator({ nonceWindow: 2, tickIntervalMs: 60_000 });
    });
    afterEach(() => sim.close());

    it('every known wrong recipe of the signing doctor is rejected on a private GET, POST and history call', async () => {
      const calls = [
        { method: 'GET', path: '/derivatives/api/v3/fills', postData: 'lastFillTime=2024-02-20T00%3A00%3A00.000Z' },
        { method: 'POST', path: '/derivatives/api/v3/cancelallorders', postData: 'symbol=PF_XBTUSD' },
        { method: 'GET', path: '/api/history/v3/account-log', postData: 'count=2&sort=asc' },
      ];
      let tried = 0;
      for (const call of calls) {
        for (const recipe of RECIPES) {
          const nonce = nextNonce();
          const input = {
            fullPath: call.path, endpointPath: endpointPathOf(call.path), postData: call.postData, nonce,
            key: Buffer.from(sim.secret, 'base64'), secretText: sim.secret,
          };
          const correct = computeAuthent(sim.secret, call.postData, nonce, call.path);
          // A wrong recipe can coincide with the right value (base64url without '+' or '/'); that is not a mistake to catch.
          for (const candidate of recipe.compute(input).filter((c) => c.authent !== correct)) {
            const answer = await signedRequest(sim, call.method, call.path, call.postData, { nonce, authent: candidate.authent });
            assert.equal(authenticated(answer), false, `${recipe.id} on ${call.path} was accepted`);
            tried += 1;
          }
        }
        const good = await signedRequest(sim, call.method, call.path, call.postData);
        assert.ok(authenticated(good), good.text);
      }
      assert.ok(tried >= 30, `only ${tried} wrong recipes tried`);
    });

    it('missing headers, an unknown key and Spot-style header names get authenticationError with HTTP 200', async () => {
      const path = '/derivatives/api/v3/openorders';
      const nonce = nextNonce();
      const authent = computeAuthent(sim.secret, '', nonce, path);
      const cases: Array<Record<string, string>> = [
        { Nonce: nonce },
        { APIKey: sim.apiKey, Nonce: nonce },
        { Authent: authent, Nonce: nonce },
        { APIKey: 'not-the-key', Authent: authent, Nonce: nonce },
        { APIKey: sim.apiKey, Authentification: authent, Nonce: nonce },
        { 'API-Key': sim.apiKey, 'API-Sign': authent, Nonce: nonce },
      ];
      for (const headers of cases) {
        const r = await fetch(sim.baseUrl + path, { headers });
        assert.equal(r.status, 200);
        assert.deepEqual(((await r.json()) as { error: string }).error, 'authenticationError', JSON.stringify(Object.keys(headers)));
      }
    });

    it('a nonce sent but not signed, or signed but not sent, is a mismatch', async () => {
      const path = '/derivatives/api/v3/openorders';
      const nonce = nextNonce();
      const unsigned = await signedRequest(sim, 'GET', path, '', { nonce, authent: computeAuthent(sim.secret, '', '', path) });
      assert.equal(unsigned.json.error, 'authenticationError');
      const unsent = await signedRequest(sim, 'GET', path, '', { nonce: null, authent: computeAuthent(sim.secret, '', nextNonce(), path) });
      assert.equal(unsent.json.error, 'authenticationError');
    });

    it('nonces: below threshold, duplicate, out-of-order inside the window, not a number', async () => {
      const path = '/derivatives/api/v3/openorders';
      const send = (nonce: string) => signedRequest(sim, 'GET', path, '', { nonce }).then((a) => a.json.error ?? a.json.result);
      assert.equal(await send('5000'), 'success');
      assert.equal(await send('4999'), 'nonceBelowThreshold');
      assert.equal(await send('5000'), 'nonceDuplicate');
      assert.equal(await send('5003'), 'success');
      assert.equal(await send('5001'), 'success', 'out of order by one, inside the window of 2');
      assert.equal(await send('5001'), 'nonceDuplicate');
      assert.equal(await send('5004'), 'success');
      assert.equal(await send('5002'), 'success', 'above the smallest of the 3 largest accepted (5001)');
      assert.equal(await send('5000'), 'nonceBelowThreshold', 'accepted once, but now older than the window');
      assert.equal(await send('12ab'), 'invalidArgument: nonce');
    });

    it('a request that fails authentication does not use up its nonce', async () => {
      const path = '/derivatives/api/v3/openorders';
      const bad = await signedRequest(sim, 'GET', path, '', { nonce: '7000', authent: 'A'.repeat(86) + '==' });
      assert.equal(bad.json.error, 'authenticationError');
      const good = await signedRequest(sim, 'GET', path, '', { nonce: '7000' });
      assert.equal(good.json.result, 'success');
    });

    it('strictly increasing nonces with --nonce-window 0', async () => {
      const strict = await startSimulator({ nonceWindow: 0, tickIntervalMs: 60_000 });
      try {
        const path = '/derivatives/api/v3/openorders';
        const send = (nonce: string) => signedRequest(strict, 'GET', path, '', { nonce }).then((a) => a.json.error ?? a.json.result);
        assert.equal(await send('100'), 'success');
        assert.equal(await send('102'), 'success');
        assert.equal(await send('101'), 'nonceBelowThreshold');
      } finally {
        await strict.close();
      }
    });

    it('only /derivatives is stripped: the signature over /api/v3/... is the valid one; history paths are signed in full', async () => {
      const nonce = nextNonce();
      const kept = await signedRequest(sim, 'GET', '/derivatives/api/v3/openorders', '', {
        nonce, authent: computeAuthent(sim.secret, '', nonce, '/derivatives/derivatives/api/v3/openorders'),
      });
      assert.equal(kept.json.error, 'authenticationError');
      const history = await signedRequest(sim, 'GET', '/api/history/v2/executions', 'count=1');
      assert.equal(history.status, 200, history.text);
      assert.ok(Array.isArray(history.json.elements));
    });

    it('history endpoints answer a failed signature with 401 {status, reason}', async () => {
      const r = await signedRequest(sim, 'GET', '/api/history/v3/orders', '', { authent: 'wrong' });
      assert.equal(r.status, 401);
      assert.equal(r.json.status, 'unauthorized');
    });

    it('parameters in the query of a POST are signed as the query (ccxt style)', async () => {
      const r = await signedRequest(sim, 'POST', '/derivatives/api/v3/cancelallorders', 'symbol=PF_ETHUSD', { where: 'query' });
      assert.equal(r.json.cancelStatus.cancelOnly, 'pf_ethusd');
    });

    it('the secret never appears in any answer', async () => {
      const answers = [
        await signedRequest(sim, 'GET', '/derivatives/api/v3/accounts'),
        await signedRequest(sim, 'GET', '/derivatives/api/v3/accounts', '', { authent: 'x' }),
        await signedRequest(sim, 'GET', '/api/history/v3/account-log', '', { authent: 'x' }),
      ];
      for (const a of answers) assert.ok(!a.text.includes(sim.secret.slice(0, 16)));
    });
  });
});
