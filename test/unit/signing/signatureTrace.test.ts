import { strict as assert } from 'node:assert';
import { fingerprint, signWithTrace } from '../../../src/core/signing';
import { DOCS_API_KEY, REST_VECTORS, SECRET_A } from './vectors';

const R1 = REST_VECTORS.find((v) => v.name.startsWith('R1'))!;
const R2 = REST_VECTORS.find((v) => v.name.startsWith('R2'))!;

describe('signing: signWithTrace()', () => {
  const traced = signWithTrace({ path: R1.path, postData: R1.postData, nonce: R1.nonce, apiKey: DOCS_API_KEY, secret: SECRET_A });
  const step = (id: string) => traced.trace.find((s) => s.id === id)!;

  it('lists the steps in the order they are computed', () => {
    assert.deepEqual(traced.trace.map((s) => s.id), ['postData', 'nonce', 'endpointPath', 'message', 'sha256Hex', 'sha256Base64', 'secretKey', 'hmacSha512', 'headers']);
    for (const s of traced.trace) assert.ok(s.label.length > 0, `step ${s.id} has a label`);
  });

  it('carries the R1 values at each step', () => {
    assert.equal(step('nonce').value, R1.nonce);
    assert.equal(step('endpointPath').value, '/api/v3/openpositions');
    assert.match(step('endpointPath').note ?? '', /removed the leading '\/derivatives'/);
    assert.equal(step('message').value, R1.message);
    assert.equal(step('sha256Hex').value, R1.sha256Hex);
    assert.equal(step('sha256Base64').value, R1.sha256Base64);
    assert.equal(step('hmacSha512').value, R1.authent);
    assert.match(step('secretKey').value, /^66 bytes \(secret#[0-9a-f]{8}\)$/);
  });

  it('shows the key as a fingerprint and never the secret', () => {
    const all = JSON.stringify(traced.trace);
    assert.ok(!all.includes(DOCS_API_KEY), 'API key text must not be in the trace');
    assert.ok(!all.includes(SECRET_A), 'secret must not be in the trace');
    assert.ok(!all.includes(Buffer.from(SECRET_A, 'base64').toString('hex')), 'decoded secret must not be in the trace');
    assert.match(step('headers').value, new RegExp(`APIKey: ${fingerprint(DOCS_API_KEY)}`));
    assert.equal(traced.headers.APIKey, DOCS_API_KEY, 'the headers to send keep the real key');
  });

  it('notes when there is no nonce and nothing was stripped', () => {
    const noNonce = signWithTrace({ path: '/api/v3/openpositions', postData: '', apiKey: '', secret: SECRET_A });
    assert.equal(noNonce.authent, R2.authent);
    const nonceStep = noNonce.trace.find((s) => s.id === 'nonce')!;
    assert.equal(nonceStep.value, '');
    assert.match(nonceStep.note ?? '', /Nonce header is omitted/);
    assert.match(noNonce.trace.find((s) => s.id === 'endpointPath')!.note ?? '', /nothing removed/);
    assert.ok(!noNonce.trace.find((s) => s.id === 'headers')!.value.includes('Nonce:'));
  });
});
