import { strict as assert } from 'node:assert';
import { decimal, endpointById, instrumentSchema, marginAccountsOf, sameSymbol, type Accounts } from '../../../src/core/catalog';
import { samples } from './referenceSamples';

const parse = (id: string, body: unknown) => {
  const schema = endpointById(id)?.response;
  assert.ok(schema, `${id} has a response schema`);
  return schema.safeParse(body);
};

describe('catalog/schemas', () => {
  const cases: Array<[string, keyof typeof samples]> = [
    ['instruments', 'instruments'], ['tickers', 'tickers'], ['orderbook', 'orderbook'], ['accounts', 'accounts'],
    ['openpositions', 'openpositions'], ['openorders', 'openorders'], ['fills', 'fills'],
    ['sendorder', 'sendorderPlaced'], ['sendorder', 'sendorderRejected'], ['sendorder', 'sendorderIoc'], ['sendorder', 'sendorderExecution'],
    ['editorder', 'editorder'], ['cancelorder', 'cancelorder'], ['cancelallorders', 'cancelallorders'],
    ['cancelallordersafter', 'cancelallordersafter'], ['batchorder', 'batchorder'],
  ];
  for (const [id, sample] of cases) {
    it(`parses the reference ${sample} answer with the ${id} schema`, () => {
      const result = parse(id, samples[sample]);
      assert.ok(result.success, result.success ? '' : JSON.stringify(result.error.issues));
    });
  }

  it('turns numeric strings, including 0E-11 and scientific notation, into numbers', () => {
    assert.equal(decimal.parse('0E-11'), 0);
    assert.equal(decimal.parse('2925.72'), 2925.72);
    assert.equal(decimal.parse('1.18e-7'), 1.18e-7);
    assert.equal(decimal.parse(5), 5);
    assert.equal(decimal.safeParse('abc').success, false);
    assert.equal(decimal.safeParse('').success, false);
    const book = parse('orderbook', samples.orderbook);
    assert.ok(book.success);
    assert.deepEqual((book.data as { orderBook: { asks: number[][] } }).orderBook.asks[1], [4220, 5000]);
  });

  it('keeps unknown fields and reports wrong shapes with their path', () => {
    const kept = instrumentSchema.parse({ symbol: 'PF_NEWUSD', brandNewField: { x: 1 } });
    assert.deepEqual((kept as Record<string, unknown>).brandNewField, { x: 1 });
    const bad = parse('openpositions', { result: 'success', openPositions: [{ symbol: 'PF_XBTUSD', side: 'up', size: 1, price: 1 }] });
    assert.equal(bad.success, false);
    assert.deepEqual(!bad.success && bad.error.issues[0].path, ['openPositions', 0, 'side']);
  });

  it('types the account kinds and keeps unmodelled account types', () => {
    const result = parse('accounts', { ...samples.accounts, accounts: { ...samples.accounts.accounts, future: { type: 'someNewAccount', x: 1 } } });
    assert.ok(result.success);
    const accounts = (result.data as { accounts: Accounts }).accounts;
    assert.equal(accounts.cash?.balances.xbt, 141.31756797);
    assert.equal(accounts.flex?.currencies.XBT.available, 0.1185308247);
    const margins = marginAccountsOf(accounts);
    assert.deepEqual(margins.map(([key]) => key), ['fi_xbtusd']);
    assert.equal(margins[0][1].auxiliary?.pv, 153.73891563);
    assert.equal(parse('accounts', { result: 'success', accounts: { fi_x: { type: 'cashAccount', balances: {} } } }).success, false);
    const flexBroken = parse('accounts', { result: 'success', accounts: { flex: { type: 'multiCollateralMarginAccount', currencies: 'nope' } } });
    assert.equal(flexBroken.success, false, 'a known account type with a wrong shape is reported');
  });

  it('lets the parsed accounts and plain literals both be used as Accounts', () => {
    const parsed = endpointById('accounts')!.response!.parse(samples.accounts) as { accounts: Accounts };
    const literal: Accounts = { cash: { type: 'cashAccount', balances: { usd: 1 } } };
    assert.equal(marginAccountsOf(parsed.accounts).length, 1);
    assert.equal(marginAccountsOf(literal).length, 0);
  });

  it('compares symbols case-insensitively', () => {
    assert.ok(sameSymbol('pi_xbtusd', 'PI_XBTUSD'));
    assert.ok(!sameSymbol('PF_XBTUSD', 'PI_XBTUSD'));
  });
});
