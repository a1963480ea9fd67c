import { strict as assert } from 'node:assert';
import { createHash, createHmac } from 'node:crypto';
import { computeAuthent, decodeSecretKey, endpointPathOf, sign, signWithTrace } from '../../../src/core/signing';
import { BATCH_JSON_ENCODED, BATCH_JSON_TEXT, REST_VECTORS, SECRET_A, SECRET_B } from './vectors';

describe('signing: sign() against the §9 REST vectors', () => {
  for (const v of REST_VECTORS) {
    it(`${v.name}: Authent`, () => {
      const result = sign({ path: v.path, postData: v.postData, nonce: v.nonce, apiKey: 'KEY', secret: v.secret });
      assert.equal(result.authent, v.authent);
      assert.equal(result.endpointPath, v.endpointPath);
    });

    it(`${v.name}: traced message and digests`, () => {
      const traced = signWithTrace({ path: v.path, postData: v.postData, nonce: v.nonce, apiKey: 'KEY', secret: v.secret });
      assert.equal(traced.authent, v.authent);
      assert.equal(traced.sha256Hex, v.sha256Hex);
      if (v.message !== undefined) assert.equal(traced.message, v.message);
      if (v.sha256Base64 !== undefined) assert.equal(traced.sha256Base64, v.sha256Base64);
    });
  }

  it('the R6 encoded JSON is what encodeURIComponent produces', () => {
    assert.equal(encodeURIComponent(BATCH_JSON_TEXT), BATCH_JSON_ENCODED);
  });

  it('signs /derivatives/api/v3/x and /api/v3/x identically (only the prefix is stripped)', () => {
    const a = sign({ path: '/derivatives/api/v3/sendorder', postData: 'x=1', nonce: '5', apiKey: 'K', secret: SECRET_A });
    const b = sign({ path: '/api/v3/sendorder', postData: 'x=1', nonce: '5', apiKey: 'K', secret: SECRET_A });
    assert.equal(a.authent, b.authent);
  });

  it('strips /derivatives only as a leading prefix', () => {
    assert.equal(endpointPathOf('/derivatives/api/v3/tickers'), '/api/v3/tickers');
    assert.equal(endpointPathOf('/api/history/v2/executions'), '/api/history/v2/executions');
    assert.equal(endpointPathOf('/api/v3/derivatives/x'), '/api/v3/derivatives/x');
  });

  it('sends a Nonce header only when a nonce is signed', () => {
    const withNonce = sign({ path: '/derivatives/api/v3/openpositions', postData: '', nonce: '1415957147987', apiKey: 'K', secret: SECRET_A });
    assert.deepEqual(Object.keys(withNonce.headers).sort(), ['APIKey', 'Authent', 'Nonce']);
    assert.equal(withNonce.headers.Nonce, '1415957147987');
    const without = sign({ path: '/derivatives/api/v3/openpositions', postData: '', apiKey: 'K', secret: SECRET_A });
    assert.deepEqual(Object.keys(without.headers).sort(), ['APIKey', 'Authent']);
    assert.equal(without.headers.APIKey, 'K');
  });

  it('accepts a pre-decoded key Buffer and gives the same value', () => {
    const key = Buffer.from(SECRET_A, 'base64');
    const v = REST_VECTORS.find((x) => x.name.startsWith('R3'))!;
    assert.equal(computeAuthent(key, v.postData, v.nonce, v.path), v.authent);
    assert.equal(sign({ path: v.path, postData: v.postData, nonce: v.nonce, apiKey: 'K', secret: key }).authent, v.authent);
  });

  it('the decoded-secret memo never mixes up two secrets used alternately', () => {
    const golden = REST_VECTORS[0];
    const r1 = REST_VECTORS.find((x) => x.name.startsWith('R1'))!;
    for (let round = 0; round < 3; round++) {
      assert.equal(computeAuthent(SECRET_B, golden.postData, golden.nonce, golden.path), golden.authent);
      assert.equal(computeAuthent(SECRET_A, r1.postData, r1.nonce, r1.path), r1.authent);
    }
    assert.equal(decodeSecretKey(SECRET_B).toString('utf8'), 'python-kraken-sdk unit-test secret value');
  });

  it('a caller reusing its key Buffer cannot leave a stale key in the memo', () => {
    const v = REST_VECTORS.find((x) => x.name.startsWith('R3'))!;
    const buffer = Buffer.from(SECRET_A, 'base64');
    assert.equal(computeAuthent(buffer, v.postData, v.nonce, v.path), v.authent);
    Buffer.from(SECRET_B, 'base64').copy(buffer.fill(0));
    const digest = createHash('sha256').update(v.postData + v.nonce + v.endpointPath).digest();
    const expected = createHmac('sha512', Buffer.from(buffer)).update(digest).digest('base64');
    assert.equal(computeAuthent(buffer, v.postData, v.nonce, v.path), expected);
    assert.notEqual(expected, v.authent);
  });
});
