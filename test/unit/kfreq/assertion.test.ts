import { strict as assert } from 'node:assert';
import { evaluateAssert, parseAssert, type StoredResponse } from '../../../src/core/kfreq';

const response: StoredResponse = {
  status: 200,
  headers: { 'Content-Type': 'application/json' },
  body: {
    result: 'success',
    filled: '0E-11',
    price: 2925.72,
    tickers: [{ symbol: 'PF_XBTUSD' }, { symbol: 'PI_XBTUSD' }],
    tags: ['a', 'b'],
    note: 'market closed today',
    nothing: null,
  },
};

function check(text: string): { passed: boolean; message: string } {
  const parsed = parseAssert(text);
  if ('error' in parsed) throw new Error(parsed.error);
  return evaluateAssert(parsed, response, parsed.expected);
}

describe('kfreq/assertion', () => {
  it('compares status, headers and body fields', () => {
    assert.equal(check('status == 200').passed, true);
    assert.equal(check('status != 200').passed, false);
    assert.equal(check('headers.content-type contains json').passed, true);
    assert.equal(check('body.result == success').passed, true);
    assert.equal(check('body.tickers[1].symbol == PI_XBTUSD').passed, true);
    assert.equal(check('body.nothing == null').passed, true);
  });

  it('compares numbers by value, whether Kraken sent them as numbers or strings', () => {
    assert.equal(check('body.filled == 0').passed, true);
    assert.equal(check('body.price > 2925').passed, true);
    assert.equal(check('body.price <= 2925.72').passed, true);
    assert.equal(check('body.price < 100').passed, false);
    assert.match(check('body.result > 1').message, /cannot compare "success" with "1" as numbers/);
  });

  it('supports contains on strings, arrays and objects, exists and their negations', () => {
    assert.equal(check('body.note contains "closed today"').passed, true);
    assert.equal(check('body.tags contains b').passed, true);
    assert.equal(check('body.tags !contains c').passed, true);
    assert.equal(check('body contains tickers').passed, true);
    assert.equal(check('body.result exists').passed, true);
    assert.equal(check('body.error !exists').passed, true);
    const missing = check('body.sendStatus.order_id exists');
    assert.equal(missing.passed, false);
    assert.match(missing.message, /has no \.sendStatus/);
  });

  it('compares whole objects as JSON', () => {
    assert.equal(check('body.tickers[0] == {"symbol":"PF_XBTUSD"}').passed, true);
  });

  it('explains checks it cannot read', () => {
    const bad = (text: string) => {
      const parsed = parseAssert(text);
      assert.ok('error' in parsed, text);
      return parsed.error;
    };
    assert.match(bad('status === 200'), /Cannot read the check/);
    assert.match(bad('result == success'), /must be `status`/);
    assert.match(bad('body.x exists yes'), /takes no value/);
    assert.match(bad('body.x =='), /Cannot read the check|needs a value/);
  });
});
