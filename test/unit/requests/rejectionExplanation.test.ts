import { strict as assert } from 'node:assert';
import { explainRejection, rejectionKindOf } from '../../../src/core/requests';
import { signWithTrace } from '../../../src/core/signing';
import type { SignatureTrace } from '../../../src/core/client';
import { API_KEY, OTHER_SECRET, SECRET_A } from './requestFixtures';

const PATH = '/derivatives/api/v3/openpositions';
const local = { label: 'Local simulator', kind: 'local' };
const live = { label: 'Live', kind: 'live' };

/** The trace the client would attach when signing with `secret`. */
function traceSignedWith(secret: string, nonce = '1700000000000001', path = PATH, postData = ''): SignatureTrace {
  const signed = signWithTrace({ path, postData, nonce, apiKey: API_KEY, secret });
  return { apiKeyFingerprint: 'fp', nonce, endpointPath: signed.endpointPath, postData, message: signed.message, sha256Hex: signed.sha256Hex, authent: signed.authent, steps: signed.trace };
}

describe('requests/explainRejection', () => {
  it('classifies authentication and nonce errors and nothing else', () => {
    assert.equal(rejectionKindOf('authenticationError'), 'authentication');
    assert.equal(rejectionKindOf('nonceBelowThreshold'), 'nonce');
    assert.equal(rejectionKindOf('nonceDuplicate'), 'nonce');
    assert.equal(rejectionKindOf('invalidArgument: nonce'), 'nonce');
    assert.equal(rejectionKindOf('insufficientAvailableFunds'), undefined);
    assert.equal(rejectionKindOf(undefined), undefined);
    assert.equal(explainRejection({ krakenError: 'marketUnavailable', path: PATH, environment: local }), undefined);
  });

  it('says the secret does not match the key when the signature sent is right for the stored secret', () => {
    // The stored (wrong) secret signed the request correctly; the server holds another one.
    const explanation = explainRejection({
      krakenError: 'authenticationError',
      signature: traceSignedWith(OTHER_SECRET),
      path: PATH,
      credentials: { apiKey: API_KEY, secret: OTHER_SECRET },
      environment: live,
    });
    assert.equal(explanation?.kind, 'authentication');
    assert.match(explanation?.title ?? '', /secret does not match the API key/);
    assert.match(explanation?.summary ?? '', /does not belong to this API key/);
    assert.equal(explanation?.doctor?.verdict, 'correct');
    assert.ok(explanation?.causes.some((c) => /Spot key/.test(c)));
    assert.ok(!JSON.stringify(explanation).includes(OTHER_SECRET));
    assert.ok(!JSON.stringify(explanation).includes(API_KEY));
  });

  it('points a Local user at the simulator key pair first', () => {
    const explanation = explainRejection({
      krakenError: 'authenticationError',
      signature: traceSignedWith(OTHER_SECRET),
      path: PATH,
      credentials: { apiKey: API_KEY, secret: OTHER_SECRET },
      environment: local,
    });
    assert.match(explanation?.causes[0] ?? '', /simulator accepts only its own key pair/);
  });

  it('names the mistake when the signature sent was made with a known wrong recipe', () => {
    // '/derivatives' kept in endpointPath: the signer strips one leading '/derivatives', so double it.
    const kept = signWithTrace({ path: `/derivatives${PATH}`, postData: '', nonce: '1700000000000001', apiKey: API_KEY, secret: SECRET_A });
    const sent: SignatureTrace = { ...traceSignedWith(SECRET_A), authent: kept.authent };
    const explanation = explainRejection({ krakenError: 'authenticationError', signature: sent, path: PATH, credentials: { apiKey: API_KEY, secret: SECRET_A }, environment: live });
    assert.equal(explanation?.doctor?.verdict, 'mistake-found');
    assert.equal(explanation?.doctor?.mistake, 'derivatives-kept');
    assert.match(explanation?.title ?? '', /does not match the stored secret/);
  });

  it('explains an unsigned private request by the # @no-sign directive', () => {
    const explanation = explainRejection({ krakenError: 'authenticationError', path: PATH, environment: local, signReason: 'directive' });
    assert.match(explanation?.summary ?? '', /# @no-sign/);
    assert.deepEqual(explanation?.causes, ['Remove `# @no-sign` from the request.']);
  });

  it('explains nonce errors as accepted signatures with a nonce that is too low or reused', () => {
    const below = explainRejection({ krakenError: 'nonceBelowThreshold', signature: traceSignedWith(SECRET_A, '5'), path: PATH, environment: local });
    assert.equal(below?.kind, 'nonce');
    assert.match(below?.summary ?? '', /key and secret are fine/);
    assert.match(below?.summary ?? '', /nonce 5/);
    assert.ok(below?.causes.some((c) => /its own key/.test(c)));
    const duplicate = explainRejection({ krakenError: 'nonceDuplicate', signature: traceSignedWith(SECRET_A, '7'), path: PATH, environment: local });
    assert.match(duplicate?.causes[0] ?? '', /\(7\) was already used/);
  });
});
