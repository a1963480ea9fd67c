import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { fingerprint, secretFingerprint } from '../../../src/core/signing';
import { DOCS_API_KEY, SECRET_A, SECRET_B } from './vectors';

describe('signing: fingerprints', () => {
  it('shows the edges of a key and a short SHA-256 tag', () => {
    const tag = createHash('sha256').update(DOCS_API_KEY).digest('hex').slice(0, 6);
    assert.equal(fingerprint(DOCS_API_KEY), `rRra…Wgrf#${tag}`);
  });

  it('tells apart keys that share their edges', () => {
    const other = `${DOCS_API_KEY.slice(0, 10)}X${DOCS_API_KEY.slice(11)}`;
    assert.notEqual(fingerprint(other), fingerprint(DOCS_API_KEY));
  });

  it('shows only the hash for short keys, where the edges would give most of it away', () => {
    assert.match(fingerprint('abcdefgh'), /^key#[0-9a-f]{6}$/);
  });

  it('never shows a character run of the secret', () => {
    for (const secret of [SECRET_A, SECRET_B]) {
      const shown = secretFingerprint(secret);
      assert.match(shown, /^secret#[0-9a-f]{8}$/);
      assert.equal(shown, secretFingerprint(secret), 'stable');
    }
    assert.notEqual(secretFingerprint(SECRET_A), secretFingerprint(SECRET_B));
  });
});
