import { strict as assert } from 'node:assert';
import { createHash, createHmac } from 'node:crypto';
import { diagnoseSignature, RECIPES, SignatureInputError, type DiagnoseInput } from '../../../src/core/signing';
import { DOCS_REST_EXAMPLE_SECRET, NEGATIVE_VECTORS, REST_VECTORS, SECRET_A, type RestVector } from './vectors';

// Wrong recipes are rebuilt here from node:crypto on purpose, not borrowed from the code under test.
const key = Buffer.from(SECRET_A, 'base64');
const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest();
const futures = (message: string) => createHmac('sha512', key).update(sha256(message)).digest();

const vector = (prefix: string): RestVector => REST_VECTORS.find((v) => v.name.startsWith(prefix))!;
const R1 = vector('R1');
const R2 = vector('R2');
const R3 = vector('R3');
const R4 = vector('R4 GET fills, new');
const R4_LEGACY = vector('R4 GET fills, legacy');
const R5_PERCENT = vector('R5 sendorder, %20');
const R5_PLUS = vector('R5 sendorder, +');
const R5_LEGACY = vector('R5 sendorder, legacy');
const R6 = vector('R6 batchorder, url');
const R6_RAW = vector('R6 batchorder, raw');
const R7 = vector('R7');
const R9 = vector('R9 "Upcoming Changes" example, new');
const R9_LEGACY = vector('R9 "Upcoming Changes" example, legacy');

function inputOf(v: RestVector, authent: string, extra: Partial<DiagnoseInput> = {}): DiagnoseInput {
  return { path: v.path, postData: v.postData, nonce: v.nonce, secret: v.secret, authent, ...extra };
}

interface MistakeCase {
  readonly mistake: string;
  readonly what: string;
  /** The correct request. */
  readonly request: RestVector;
  /** The value the broken client produced. */
  readonly wrong: () => string;
  readonly headerName?: string;
}

const negatives = new Map(NEGATIVE_VECTORS.map((n) => [n.mistake, n.value]));

const CASES: readonly MistakeCase[] = [
  ...NEGATIVE_VECTORS.map((n) => ({ mistake: n.mistake, what: `§9.5 vector on R3 inputs`, request: R3, wrong: () => negatives.get(n.mistake)! })),
  { mistake: 'base64url-output', what: 'unpadded base64url', request: R3, wrong: () => futures(R3.message!).toString('base64url') },
  { mistake: 'base64url-output', what: 'padded base64url', request: R3, wrong: () => `${futures(R3.message!).toString('base64url')}==` },
  { mistake: 'query-in-endpoint-path', what: 'query after the path and in postData', request: R4, wrong: () => futures(`${R4.postData}${R4.nonce}/api/v3/fills?${R4.postData}`).toString('base64') },
  { mistake: 'query-in-endpoint-path', what: 'query after the path only', request: R4, wrong: () => futures(`${R4.nonce}/api/v3/fills?${R4.postData}`).toString('base64') },
  { mistake: 'host-in-endpoint-path', what: 'host before endpointPath', request: R1, wrong: () => futures(`${R1.nonce}https://futures.kraken.com/api/v3/openpositions`).toString('base64') },
  { mistake: 'decoded-postdata', what: 'R4 legacy vector', request: R4, wrong: () => R4_LEGACY.authent },
  { mistake: 'decoded-postdata', what: 'R5 legacy vector against the %20 request', request: R5_PERCENT, wrong: () => R5_LEGACY.authent },
  { mistake: 'decoded-postdata', what: 'R5 legacy vector against the + request', request: R5_PLUS, wrong: () => R5_LEGACY.authent },
  { mistake: 'decoded-postdata', what: 'R6 raw JSON signed, encoded JSON sent', request: R6, wrong: () => R6_RAW.authent },
  { mistake: 'decoded-postdata', what: 'R9 legacy vector', request: R9, wrong: () => R9_LEGACY.authent },
  { mistake: 'plus-vs-percent20', what: "signed '%20', sent '+'", request: R5_PLUS, wrong: () => R5_PERCENT.authent },
  { mistake: 'plus-vs-percent20', what: "signed '+', sent '%20'", request: R5_PERCENT, wrong: () => R5_PLUS.authent },
  { mistake: 'percent-escape-case', what: 'lower-case escapes signed', request: R4, wrong: () => futures(`lastFillTime=2024-02-20T00%3a00%3a00.000Z${R4.nonce}/api/v3/fills`).toString('base64') },
  { mistake: 'nonce-not-signed', what: 'R1 request sent with the R2 (no nonce) signature', request: R1, wrong: () => R2.authent },
  {
    mistake: 'spot-recipe',
    what: 'HMAC-SHA512(path + SHA-256(nonce + postData))',
    request: R3,
    wrong: () => createHmac('sha512', key).update(Buffer.concat([Buffer.from('/api/v3/orderbook'), sha256(R3.nonce + R3.postData)])).digest('base64'),
  },
  {
    mistake: 'tutorial-recipe',
    what: 'HMAC-SHA256(nonce + path + body) sent as Authentification',
    request: R3,
    headerName: 'Authentification',
    wrong: () => createHmac('sha256', key).update(`${R3.nonce}/api/v3/orderbook${R3.postData}`).digest('base64'),
  },
  { mistake: 'history-path-overstripped', what: "signed '/history/v3/…'", request: R7, wrong: () => futures(`${R7.postData}${R7.nonce}/history/v3/account-log`).toString('base64') },
  { mistake: 'history-path-overstripped', what: "signed '/v3/…'", request: R7, wrong: () => futures(`${R7.postData}${R7.nonce}/v3/account-log`).toString('base64') },
];

interface CombinedCase {
  readonly mistakes: readonly [string, string];
  readonly what: string;
  readonly request: RestVector;
  readonly wrong: () => string;
}

const hmac256 = (k: Buffer, data: string | Buffer) => createHmac('sha256', k).update(data).digest();
const COMBINED_CASES: readonly CombinedCase[] = [
  { mistakes: ['derivatives-kept', 'hex-output'], what: "'/derivatives' kept and hex output", request: R3, wrong: () => futures(`${R3.postData}${R3.nonce}/derivatives/api/v3/orderbook`).toString('hex') },
  {
    mistakes: ['decoded-postdata', 'tutorial-recipe'],
    what: 'tutorial recipe over the decoded parameters',
    request: R4,
    wrong: () => hmac256(key, `${R4.nonce}/api/v3/fills${decodeURIComponent(R4.postData)}`).toString('base64'),
  },
  { mistakes: ['nonce-before-postdata', 'hmac-sha256'], what: 'nonce first and HMAC-SHA256', request: R3, wrong: () => hmac256(key, sha256(`${R3.nonce}${R3.postData}/api/v3/orderbook`)).toString('base64') },
  { mistakes: ['decoded-postdata', 'base64url-output'], what: 'decoded parameters and base64url', request: R5_PERCENT, wrong: () => futures(`${R5_LEGACY.postData}${R5_PERCENT.nonce}/api/v3/sendorder`).toString('base64url') },
  {
    mistakes: ['query-in-endpoint-path', 'secret-not-decoded'],
    what: 'query after the path and the secret text as key',
    request: R4,
    wrong: () => createHmac('sha512', Buffer.from(SECRET_A, 'utf8')).update(sha256(`${R4.nonce}/api/v3/fills?${R4.postData}`)).digest('base64'),
  },
  { mistakes: ['derivatives-kept', 'no-prehash'], what: "'/derivatives' kept and no SHA-256 step", request: R1, wrong: () => createHmac('sha512', key).update(`${R1.nonce}/derivatives/api/v3/openpositions`).digest('base64') },
  {
    mistakes: ['derivatives-kept', 'hmac-over-hex-digest'],
    what: "'/derivatives' kept and the HMAC over the hex digest",
    request: R3,
    wrong: () => createHmac('sha512', key).update(sha256(`${R3.postData}${R3.nonce}/derivatives/api/v3/orderbook`).toString('hex')).digest('base64'),
  },
];

describe('signing: diagnoseSignature()', () => {
  it('has a test case for every recipe in the table', () => {
    const tested = new Set(CASES.map((c) => c.mistake));
    for (const recipe of RECIPES) assert.ok(tested.has(recipe.id), `no test for recipe ${recipe.id}`);
    assert.equal(new Set(RECIPES.map((r) => r.id)).size, RECIPES.length, 'recipe ids are unique');
  });

  for (const c of CASES) {
    it(`recognises ${c.mistake} (${c.what})`, () => {
      const d = diagnoseSignature(inputOf(c.request, c.wrong(), c.headerName ? { headerName: c.headerName } : {}));
      assert.equal(d.verdict, 'mistake-found');
      assert.equal(d.mistake, c.mistake);
      assert.ok(d.fix && d.fix.length > 10, 'has a fix sentence');
      assert.equal(d.expected.authent, c.request.authent);
      if (c.headerName) assert.match(d.headerProblem ?? '', /'Authent'/);
    });

    it(`does not flag the correct value on the inputs of ${c.mistake} (${c.what})`, () => {
      const d = diagnoseSignature(inputOf(c.request, c.request.authent));
      assert.equal(d.verdict, 'correct');
      assert.equal(d.mistake, null);
      assert.equal(d.fix, null);
      assert.ok(d.recipesTried.length === 0);
    });
  }

  describe('two mistakes combined', () => {
    for (const c of COMBINED_CASES) {
      it(`recognises ${c.mistakes.join(' + ')} (${c.what}) and gives both fixes`, () => {
        const d = diagnoseSignature(inputOf(c.request, c.wrong()));
        assert.equal(d.verdict, 'mistake-found');
        assert.equal(d.mistake, c.mistakes.join('+'));
        assert.deepEqual(d.mistakes, c.mistakes);
        const fixes = c.mistakes.map((id) => RECIPES.find((r) => r.id === id)!.fix);
        assert.deepEqual(d.fixes, fixes);
        assert.equal(d.fix, fixes.join(' '));
        assert.match(d.summary, /^Two mistakes combined: /);
        assert.equal(d.expected.authent, c.request.authent);
      });

      it(`still says the correct value is correct on the inputs of ${c.mistakes.join(' + ')}`, () => {
        const d = diagnoseSignature(inputOf(c.request, c.request.authent));
        assert.equal(d.verdict, 'correct');
        assert.equal(d.mistakes, undefined);
      });
    }

    it('keeps single-mistake results as they were: one id, no mistakes list', () => {
      const d = diagnoseSignature(inputOf(R4, R4_LEGACY.authent));
      assert.equal(d.mistake, 'decoded-postdata');
      assert.equal(d.mistakes, undefined);
      assert.equal(d.fixes, undefined);
      assert.equal(d.fix, RECIPES.find((r) => r.id === 'decoded-postdata')!.fix);
    });

    it('shows the message the combined recipe hashed', () => {
      const d = diagnoseSignature(inputOf(R3, COMBINED_CASES[0]!.wrong()));
      assert.equal(d.signedMessage, `${R3.postData}${R3.nonce}/derivatives/api/v3/orderbook`);
    });

    it('does not invent a pair for three mistakes at once', () => {
      // kept '/derivatives' + nonce first + hex: no single recipe or pair reproduces it.
      const three = futures(`${R3.nonce}${R3.postData}/derivatives/api/v3/orderbook`).toString('hex');
      assert.equal(diagnoseSignature(inputOf(R3, three)).verdict, 'no-match');
    });
  });

  it('every §9 vector is diagnosed as correct for its own inputs', () => {
    for (const v of REST_VECTORS) assert.equal(diagnoseSignature(inputOf(v, v.authent)).verdict, 'correct', v.name);
  });

  it('ignores blanks around the received value, as HTTP does', () => {
    assert.equal(diagnoseSignature(inputOf(R3, ` ${R3.authent}\n`)).verdict, 'correct');
  });

  it('names a wrong header when the signature itself is right', () => {
    const d = diagnoseSignature(inputOf(R3, R3.authent, { headerName: 'API-Sign' }));
    assert.equal(d.mistake, 'wrong-header-name');
    assert.match(d.fix ?? '', /'API-Sign'/);
    assert.equal(diagnoseSignature(inputOf(R3, R3.authent, { headerName: 'authent' })).verdict, 'correct');
  });

  it('shows the message the wrong recipe hashed', () => {
    const d = diagnoseSignature(inputOf(R1, R2.authent));
    assert.equal(d.signedMessage, '/api/v3/openpositions');
  });

  it('says so when nothing matches, and lists what to compare', () => {
    const unknown = createHmac('sha512', key).update('something else entirely').digest('base64');
    const d = diagnoseSignature(inputOf(R3, unknown));
    assert.equal(d.verdict, 'no-match');
    assert.equal(d.mistake, null);
    assert.match(d.summary, /matches none of the \d+ known mistakes/);
    const labels = d.compare.map((l) => l.label).join('|');
    assert.match(labels, /message/);
    assert.match(labels, /SHA-256 of the message, hex/);
    assert.ok(d.compare.some((l) => l.value === R3.message));
    assert.ok(d.compare.some((l) => l.value === R3.sha256Hex));
    assert.ok(d.recipesTried.includes('derivatives-kept'));
    assert.match(d.receivedShape, /^88 base64 characters/);
  });

  it('describes the shape of what was received', () => {
    assert.match(diagnoseSignature(inputOf(R3, 'abc')).receivedShape, /3 base64 characters/);
    assert.match(diagnoseSignature(inputOf(R3, negatives.get('hex-output')!)).receivedShape, /128 hex characters/);
  });

  it('skips recipes that cannot make a difference for the inputs', () => {
    const d = diagnoseSignature(inputOf(R2, 'x'));
    for (const id of ['nonce-not-signed', 'nonce-before-postdata', 'decoded-postdata', 'plus-vs-percent20', 'history-path-overstripped', 'query-in-endpoint-path']) {
      assert.ok(!d.recipesTried.includes(id as never), `${id} should not apply to R2`);
    }
  });

  it('reports secret problems alongside the diagnosis, without the secret', () => {
    const d = diagnoseSignature({ path: R3.path, postData: R3.postData, nonce: R3.nonce, secret: DOCS_REST_EXAMPLE_SECRET, authent: R3.authent });
    assert.ok(d.secretProblems.some((p) => p.code === 'docs-example-secret'));
    assert.ok(!JSON.stringify(d).includes(DOCS_REST_EXAMPLE_SECRET.slice(0, 12)));
  });

  it('rejects a path without a leading slash or with a query, with a clear error', () => {
    assert.throws(() => diagnoseSignature(inputOf(R3, R3.authent, { path: 'api/v3/orderbook' })), SignatureInputError);
    assert.throws(() => diagnoseSignature(inputOf(R3, R3.authent, { path: '/api/v3/orderbook?symbol=x' })), /pass the query string as postData/);
  });
});
