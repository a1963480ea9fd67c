import * as assert from 'node:assert/strict';
import { checkCliOrdId, checkPrice, checkSize, gridNeighbours, isOnGrid, roundToGrid, sendOrderParams, validateDraft, type OrderDraft } from '../../../src/core/orders';
import { xbtInverse, xbtLinear } from './orderFixtures';

const draft = (overrides: Partial<OrderDraft> = {}): OrderDraft => ({
  symbol: 'PF_XBTUSD', side: 'buy', orderType: 'lmt', size: '0.01', limitPrice: '90000', reduceOnly: false, ...overrides,
});

describe('order validation against the contract', () => {
  describe('grid arithmetic on decimal text', () => {
    it('judges multiples exactly where floating point would not', () => {
      assert.equal(isOnGrid('0.3', 0.1), true);
      assert.equal(isOnGrid('0.0003', 0.0001), true);
      assert.equal(isOnGrid('0.00015', 0.0001), false);
      assert.equal(isOnGrid('90000.5', 0.5), true);
      assert.equal(isOnGrid('12', 5), false);
    });

    it('names the grid values on either side', () => {
      assert.deepEqual(gridNeighbours('0.00015', 0.0001), { below: '0.0001', above: '0.0002' });
      assert.deepEqual(gridNeighbours('90000.3', 0.5), { below: '90000', above: '90000.5' });
      assert.deepEqual(gridNeighbours('1250', 1000), { below: '1000', above: '2000' });
    });

    it('rounds floats onto a grid as plain text', () => {
      assert.equal(roundToGrid(0.30000000000000004, 0.0001), '0.3');
      assert.equal(roundToGrid(1e-7, 0.0000001), '0.0000001');
    });
  });

  describe('size', () => {
    it('accepts sizes on the step', () => {
      assert.equal(checkSize(xbtLinear, '0.0001'), undefined);
      assert.equal(checkSize(xbtLinear, ' 1.2345 '), undefined);
      assert.equal(checkSize(xbtInverse, '100'), undefined);
    });

    it('refuses a size below the minimum, saying which minimum and in what unit', () => {
      assert.match(checkSize(xbtLinear, '0.00001') ?? '', /below the minimum 0\.0001 XBT of PF_XBTUSD.*invalidSize/);
      assert.match(checkSize(xbtInverse, '0.5') ?? '', /below the minimum 1 USD contracts/);
    });

    it('refuses a size off the step and offers the two nearest valid sizes', () => {
      assert.match(checkSize(xbtLinear, '0.00015') ?? '', /not a multiple of 0\.0001.*use 0\.0001 or 0\.0002/);
      assert.match(checkSize(xbtInverse, '10.5') ?? '', /use 10 or 11/);
    });

    it('refuses empty, zero, negative, exponent and non-numeric input with an example', () => {
      assert.match(checkSize(xbtLinear, '') ?? '', /Enter a size in XBT, e.g\. 0\.0001/);
      assert.match(checkSize(xbtLinear, '0') ?? '', /greater than 0/);
      assert.match(checkSize(xbtLinear, '-1') ?? '', /greater than 0/);
      assert.match(checkSize(xbtLinear, '1e-3') ?? '', /not a plain decimal number/);
      assert.match(checkSize(xbtLinear, 'ten') ?? '', /not a plain decimal number/);
    });

    it('refuses a size above the maximum position size', () => {
      assert.match(checkSize(xbtLinear, '2000000') ?? '', /maxPositionViolation/);
    });
  });

  describe('price', () => {
    it('accepts prices on the tick and refuses others with both neighbours', () => {
      assert.equal(checkPrice(xbtInverse, '90000.5'), undefined);
      const message = checkPrice(xbtInverse, '90000.3', 'Limit price') ?? '';
      assert.match(message, /^Limit price 90000\.3 is not a multiple of the tick size 0\.5 of PI_XBTUSD: use 90000 or 90000\.5\./);
      assert.match(message, /invalidPrice/);
    });

    it('refuses missing or non-positive prices', () => {
      assert.match(checkPrice(xbtLinear, '', 'Stop price') ?? '', /Enter a stop price in USD/);
      assert.match(checkPrice(xbtLinear, '0') ?? '', /greater than 0/);
    });
  });

  describe('client order id', () => {
    it('allows empty and ordinary ids, refuses long ones and ones that break a .kfreq file', () => {
      assert.equal(checkCliOrdId(''), undefined);
      assert.equal(checkCliOrdId('my-strategy-0001'), undefined);
      assert.match(checkCliOrdId('x'.repeat(101)) ?? '', /101 characters.*at most 100/);
      assert.match(checkCliOrdId('my order') ?? '', /without spaces/);
      assert.match(checkCliOrdId('{{id}}') ?? '', /braces/);
    });
  });

  describe('whole drafts', () => {
    it('finds no problem in a valid limit order', () => {
      assert.deepEqual(validateDraft(draft(), xbtLinear), []);
    });

    it('requires the price its order type needs, and no other', () => {
      assert.deepEqual(validateDraft(draft({ limitPrice: undefined }), xbtLinear).map((p) => p.field), ['limitPrice']);
      assert.deepEqual(validateDraft(draft({ orderType: 'stp', limitPrice: undefined }), xbtLinear).map((p) => p.field), ['stopPrice']);
      assert.deepEqual(validateDraft(draft({ orderType: 'mkt', limitPrice: undefined }), xbtLinear), []);
      assert.deepEqual(validateDraft(draft({ orderType: 'mkt' }), xbtLinear).map((p) => p.field), ['limitPrice']);
    });

    it('reports an unknown contract and every field problem in step order', () => {
      assert.deepEqual(validateDraft(draft(), undefined).map((p) => p.field), ['symbol']);
      const problems = validateDraft(draft({ size: '0.00015', limitPrice: '90000.5', cliOrdId: 'a b' }), xbtLinear);
      assert.deepEqual(problems.map((p) => p.field), ['size', 'limitPrice', 'cliOrdId']);
    });

    it('builds the sendorder parameters in the client\'s order, leaving out what is not set', () => {
      assert.deepEqual(sendOrderParams(draft({ cliOrdId: 'abc', reduceOnly: true })), [
        ['orderType', 'lmt'], ['symbol', 'PF_XBTUSD'], ['side', 'buy'], ['size', '0.01'], ['limitPrice', '90000'], ['cliOrdId', 'abc'], ['reduceOnly', 'true'],
      ]);
      assert.deepEqual(sendOrderParams(draft({ orderType: 'mkt', limitPrice: undefined })).map(([k]) => k), ['orderType', 'symbol', 'side', 'size']);
    });
  });
});
