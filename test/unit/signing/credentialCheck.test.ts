import { strict as assert } from 'node:assert';
import { validateApiKey, validateSecret, type SecretCheck } from '../../../src/core/signing';
import { DOCS_API_KEY, DOCS_REST_EXAMPLE_SECRET, SECRET_A, SECRET_B } from './vectors';

const codes = (check: { problems: readonly { code: string }[] }) => check.problems.map((p) => p.code);

/** No message may carry the secret, or any 8-character run of it. */
function assertNoSecretIn(check: SecretCheck, secret: string): void {
  const text = check.problems.map((p) => p.message).join('\n');
  const core = secret.trim().replace(/^["']|["']$/g, '');
  for (let i = 0; i + 8 <= core.length; i++) {
    assert.ok(!text.includes(core.slice(i, i + 8)), `message leaks part of the secret: ${core.slice(i, i + 8)}`);
  }
}

function check(secret: string, expectedCodes: string[], ok: boolean, context?: { apiKey?: string }): SecretCheck {
  const result = validateSecret(secret, context);
  assert.deepEqual(codes(result), expectedCodes);
  assert.equal(result.ok, ok);
  for (const p of result.problems) assert.match(p.message, /^[A-Z].*[.)]$/s, 'one sentence ending in a full stop');
  assertNoSecretIn(result, secret);
  return result;
}

describe('signing: validateSecret()', () => {
  it('accepts the valid §9 secrets and reports their decoded length', () => {
    assert.equal(check(SECRET_A, [], true).decodedLength, 66);
    assert.equal(check(SECRET_B, [], true).decodedLength, 40);
  });

  it('rejects an empty or blank secret', () => {
    check('', ['empty'], false);
    check('   \n', ['empty'], false);
  });

  it('names trailing and leading whitespace', () => {
    const trailing = check(`${SECRET_A} `, ['surrounding-whitespace'], false);
    assert.match(trailing.problems[0].message, /has a trailing space/);
    const newline = check(`${SECRET_A}\n`, ['surrounding-whitespace'], false);
    assert.match(newline.problems[0].message, /trailing line break/);
    const both = check(`\t${SECRET_A} `, ['surrounding-whitespace'], false);
    assert.match(both.problems[0].message, /a leading tab and a trailing space/);
  });

  it('spots a secret wrapped across lines and quoted secrets', () => {
    check(`${SECRET_A.slice(0, 40)}\n${SECRET_A.slice(40)}`, ['inner-whitespace'], false);
    check(`"${SECRET_A}"`, ['quoted'], false);
    check(`'${SECRET_A}'`, ['quoted'], false);
  });

  it('recognises the base64url alphabet and says so', () => {
    const url = SECRET_A.replace(/\+/g, '-').replace(/\//g, '_');
    const result = check(url, ['base64url-alphabet'], false);
    assert.match(result.problems[0].message, /base64url/);
  });

  it('reports characters outside base64 by position and kind only', () => {
    const result = check(`${SECRET_A.slice(0, 10)}’${SECRET_A.slice(11)}`, ['invalid-character'], false);
    assert.match(result.problems[0].message, /position 11: a non-ASCII character/);
    check(`${SECRET_A.slice(0, 10)}!${SECRET_A.slice(11)}`, ['invalid-character'], false);
  });

  it('checks padding and length % 4', () => {
    check(SECRET_B.slice(0, -1), ['missing-padding'], false); // one '=' of two
    check(SECRET_B.slice(0, -2), ['missing-padding'], false);
    check(`${SECRET_B}=`, ['excess-padding'], false);
    check(`${SECRET_A}==`, ['excess-padding'], false);
    check(`${SECRET_A.slice(0, 20)}=${SECRET_A.slice(21)}`, ['misplaced-padding'], false);
    check(`${SECRET_A}A`, ['impossible-length'], false);
  });

  it("identifies the docs' invalid 87-character REST example secret", () => {
    const result = check(DOCS_REST_EXAMPLE_SECRET, ['docs-example-secret'], false);
    assert.match(result.problems[0].message, /example secret from Kraken's REST guide/);
  });

  it('says a secret one character short was probably truncated', () => {
    check(SECRET_A.slice(0, 87), ['probably-truncated', 'missing-padding'], false);
  });

  it('warns about non-canonical final bits (an altered or cut secret)', () => {
    // 'QQ==' is canonical for one byte; 'QR==' sets bits base64 discards.
    check('QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVpBQkNERUZHSElKS0xNTk9QUVJTVFVWV1hZWkFCQ0RFRkdISUpLTE1OT1BRUlNUVVZXWFlaQR==', ['non-canonical-ending'], true);
  });

  it('warns when the secret looks hex-encoded', () => {
    check(Buffer.alloc(64, 0xab).toString('hex'), ['looks-hex'], true);
  });

  it('sanity-checks the decoded length', () => {
    check(Buffer.from('short key').toString('base64'), ['decoded-short'], true);
    check(Buffer.alloc(200, 1).toString('base64'), ['decoded-long'], true);
  });

  it('only hints at a Spot secret (64 bytes is shared by Futures secrets), never rejects it', () => {
    const result = check(Buffer.alloc(64, 7).toString('base64'), ['spot-shape'], true);
    assert.equal(result.problems[0].severity, 'info');
    assert.match(result.problems[0].message, /Futures secrets can share/);
  });

  it('rejects a secret that is the API key', () => {
    check(DOCS_API_KEY, ['same-as-api-key'], false, { apiKey: DOCS_API_KEY });
  });
});

describe('signing: validateApiKey()', () => {
  it('accepts the docs example key', () => {
    assert.deepEqual(validateApiKey(DOCS_API_KEY), { ok: true, problems: [] });
  });

  it('rejects empty, blank, whitespace-damaged and quoted keys', () => {
    assert.deepEqual(codes(validateApiKey('')), ['empty']);
    assert.deepEqual(codes(validateApiKey(`${DOCS_API_KEY}\n`)), ['surrounding-whitespace']);
    assert.match(validateApiKey(` ${DOCS_API_KEY}`).problems[0].message, /leading space/);
    assert.deepEqual(codes(validateApiKey(`${DOCS_API_KEY.slice(0, 9)} ${DOCS_API_KEY.slice(9)}`)), ['inner-whitespace']);
    assert.deepEqual(codes(validateApiKey(`"${DOCS_API_KEY}"`)), ['quoted']);
    assert.equal(validateApiKey('').ok, false);
  });

  it('rejects characters that cannot travel in an HTTP header', () => {
    const result = validateApiKey(`${DOCS_API_KEY}é`);
    assert.deepEqual(codes(result), ['not-header-safe']);
    assert.equal(result.ok, false);
    assert.deepEqual(codes(validateApiKey(`${DOCS_API_KEY}\u0007`)), ['not-header-safe']);
  });

  it('warns about unusual characters and a key that looks like a secret', () => {
    assert.deepEqual(codes(validateApiKey(`${DOCS_API_KEY}_x`)), ['unusual-character']);
    const secretLike = validateApiKey(SECRET_A);
    assert.deepEqual(codes(secretLike), ['looks-like-secret']);
    assert.equal(secretLike.ok, true);
  });
});
