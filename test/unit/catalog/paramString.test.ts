import { strict as assert } from 'node:assert';
import { buildParamString, formatNumber, paramMapOf, parseParamString } from '../../../src/core/catalog';

describe('catalog/paramString', () => {
  it('builds the R5 sendorder body with %20 for spaces, in insertion order', () => {
    const text = buildParamString({ orderType: 'lmt', symbol: 'PF_XBTUSD', side: 'buy', size: 0.01, limitPrice: 50000, cliOrdId: 'my order 1' });
    assert.equal(text, 'orderType=lmt&symbol=PF_XBTUSD&side=buy&size=0.01&limitPrice=50000&cliOrdId=my%20order%201');
  });

  it('repeats keys for arrays and keeps pair order as given', () => {
    assert.equal(buildParamString({ orderIds: ['a', 'b'], x: 1 }), 'orderIds=a&orderIds=b&x=1');
    assert.equal(buildParamString([['b', '2'], ['a', '1'], ['b', '3']]), 'b=2&a=1&b=3');
  });

  it('writes booleans lowercase, skips undefined/null, keeps empty strings', () => {
    assert.equal(buildParamString({ reduceOnly: true, expired: false, gone: undefined, none: null, limitPrice: '' }), 'reduceOnly=true&expired=false&limitPrice=');
  });

  it("encodes the characters encodeURIComponent leaves alone, so URL parsing cannot change the string", () => {
    const text = buildParamString({ cliOrdId: "it's (my)*order!" });
    assert.equal(text, 'cliOrdId=it%27s%20%28my%29%2Aorder%21');
    assert.equal(new URL(`http://h/p?${text}`).search, `?${text}`);
  });

  it('encodes ISO timestamps and JSON like the R4/R6 vectors', () => {
    assert.equal(buildParamString({ lastFillTime: '2024-02-20T00:00:00.000Z' }), 'lastFillTime=2024-02-20T00%3A00%3A00.000Z');
    assert.equal(buildParamString({ json: '{"a":[1,2]}' }), 'json=%7B%22a%22%3A%5B1%2C2%5D%7D');
  });

  it('writes numbers in plain decimal notation', () => {
    assert.equal(formatNumber(1e-7), '0.0000001');
    assert.equal(formatNumber(1.25e-8), '0.0000000125');
    assert.equal(formatNumber(-3e-7), '-0.0000003');
    assert.equal(formatNumber(1.5e21), '1500000000000000000000');
    assert.equal(formatNumber(50000), '50000');
    assert.throws(() => formatNumber(Number.NaN), /not a finite number/);
    assert.equal(buildParamString({ size: 1e-7 }), 'size=0.0000001');
  });

  it('parses raw strings back into decoded pairs, tolerating bad escapes', () => {
    assert.deepEqual(parseParamString('?a=1&b=x%20y&b=z+w&flag&bad=%zz'), [
      ['a', '1'], ['b', 'x y'], ['b', 'z w'], ['flag', ''], ['bad', '%zz'],
    ]);
    assert.deepEqual(parseParamString(''), []);
    assert.deepEqual([...paramMapOf(parseParamString('a=1&a=2&b=3'))], [['a', ['1', '2']], ['b', ['3']]]);
  });

  it('round-trips through parse and build', () => {
    const original = buildParamString({ json: '{"batchOrder":[{"order":"send","cliOrdId":"a b&c=d+e%"}]}' });
    assert.equal(buildParamString(parseParamString(original)), original);
  });
});
