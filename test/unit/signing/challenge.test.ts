import { strict as assert } from 'node:assert';
import { signChallenge, signChallengeWithTrace } from '../../../src/core/signing';
import { CHALLENGE_VECTORS, SECRET_A } from './vectors';

describe('signing: WebSocket v1 challenge (§9.1)', () => {
  for (const v of CHALLENGE_VECTORS) {
    it(`${v.name}: signed_challenge`, () => {
      assert.equal(signChallenge(SECRET_A, v.challenge), v.signed);
    });

    it(`${v.name}: trace`, () => {
      const traced = signChallengeWithTrace(SECRET_A, v.challenge);
      assert.equal(traced.signedChallenge, v.signed);
      const byId = new Map(traced.trace.map((s) => [s.id, s.value]));
      assert.deepEqual(traced.trace.map((s) => s.id), ['challenge', 'sha256Hex', 'sha256Base64', 'secretKey', 'hmacSha512']);
      assert.equal(byId.get('challenge'), v.challenge);
      assert.equal(byId.get('sha256Hex'), v.sha256Hex);
      if (v.sha256Base64) assert.equal(byId.get('sha256Base64'), v.sha256Base64);
      assert.equal(byId.get('hmacSha512'), v.signed);
      assert.match(byId.get('secretKey') ?? '', /^66 bytes /);
    });
  }

  it('a different challenge gives a different signature (a stale challenge cannot be reused)', () => {
    assert.notEqual(signChallenge(SECRET_A, CHALLENGE_VECTORS[0].challenge), signChallenge(SECRET_A, CHALLENGE_VECTORS[1].challenge));
  });
});
