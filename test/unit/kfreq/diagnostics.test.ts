import { strict as assert } from 'node:assert';
import { diagnoseKfreq, parseKfreq, type DiagnoseContext, type Diagnostic } from '../../../src/core/kfreq';
import { codes, INSTRUMENTS, kfreq } from './kfreqFixtures';

function diagnose(text: string, context: DiagnoseContext = {}): Diagnostic[] {
  return diagnoseKfreq(parseKfreq(text), context);
}

function only(diagnostics: Diagnostic[], code: string): Diagnostic {
  const found = diagnostics.filter((d) => d.code === code);
  assert.equal(found.length, 1, `expected one ${code}, got ${JSON.stringify(codes(diagnostics))}`);
  return found[0] as Diagnostic;
}

describe('kfreq/diagnostics', () => {
  it('is silent on a correct file', () => {
    const text = kfreq`
      @symbol = PF_XBTUSD
      ### Book
      GET /derivatives/api/v3/orderbook?symbol={{symbol}}
      ### Place
      # @name placed
      # @assert body.sendStatus.status == placed
      POST /derivatives/api/v3/sendorder
      orderType = lmt
      symbol = {{symbol}}
      side = buy
      size = 0.0001
      limitPrice = 30000
      cliOrdId = {{$uuid}}
      ### Cancel
      POST /derivatives/api/v3/cancelorder
      order_id = {{placed.response.body.sendStatus.order_id}}
    `;
    assert.deepEqual(diagnose(text, { instruments: INSTRUMENTS }), []);
  });

  it('flags an unknown endpoint with a suggestion, and a wrong method', () => {
    const unknown = only(diagnose('GET /derivatives/api/v3/openpositon'), 'unknown-endpoint');
    assert.match(unknown.message, /Did you mean `GET \/derivatives\/api\/v3\/openpositions`\?/);
    assert.deepEqual(unknown.range, { start: { line: 0, character: 4 }, end: { line: 0, character: 35 } });
    const wrong = only(diagnose('GET /derivatives/api/v3/sendorder'), 'wrong-method');
    assert.match(wrong.message, /served with POST, not GET/);
    assert.deepEqual(wrong.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } });
  });

  it('flags missing required parameters on the request line, conditionally required ones too', () => {
    const diagnostics = diagnose('POST /derivatives/api/v3/sendorder\norderType = lmt\nside = buy');
    assert.deepEqual(codes(diagnostics), ['param-missing', 'param-missing', 'param-missing']);
    assert.deepEqual(diagnostics.map((d) => d.message.split(':')[0]), ['sendorder needs symbol', 'sendorder needs size', 'limitPrice is required when orderType is lmt']);
    assert.equal(diagnostics[0]?.range.start.line, 0);
  });

  it('flags wrong types and enum values on the value, unknown names on the key', () => {
    const text = kfreq`
      POST /derivatives/api/v3/sendorder
      orderType = LMT
      symbol = PF_XBTUSD
      side = buy
      size = 1e-4
      limitPrice = 100
      reduceOnly = yes
      colour = blue
    `;
    const diagnostics = diagnose(text);
    const orderType = only(diagnostics, 'param-enum');
    assert.match(orderType.message, /case-sensitive: use "lmt"/);
    assert.deepEqual(orderType.range, { start: { line: 1, character: 12 }, end: { line: 1, character: 15 } });
    const types = diagnostics.filter((d) => d.code === 'param-type');
    assert.deepEqual(types.map((d) => d.range.start.line), [4, 6]);
    assert.deepEqual(only(diagnostics, 'param-unknown').range, { start: { line: 7, character: 0 }, end: { line: 7, character: 6 } });
  });

  it('checks query-string parameters with ranges inside the query', () => {
    const diagnostics = diagnose('GET /derivatives/api/v3/instruments?contractType=spot&expired=false');
    const problem = only(diagnostics, 'param-enum');
    assert.deepEqual(problem.range, { start: { line: 0, character: 49 }, end: { line: 0, character: 53 } });
  });

  it('checks values that come from file variables, and skips those only known at run time', () => {
    const fromVariable = diagnose('@side = BUY\nPOST /derivatives/api/v3/sendorder\norderType = mkt\nsymbol = PF_XBTUSD\nside = {{side}}\nsize = 1');
    assert.deepEqual(codes(fromVariable), ['param-enum']);
    const runTime = diagnose('# @name a\nGET /derivatives/api/v3/tickers\n###\nPOST /derivatives/api/v3/cancelorder\norder_id = {{a.response.body.x}}');
    assert.deepEqual(runTime, []);
  });

  it('flags unknown variables with a suggestion, unknown and later requests, and bad system variables', () => {
    const text = kfreq`
      @symbol = PF_XBTUSD
      GET /derivatives/api/v3/tickers/{{symbl}}
      ###
      POST /derivatives/api/v3/cancelorder
      order_id = {{later.response.body.id}}
      cliOrdId = {{nobody.response.body.id}}
      processBefore = {{$isoTimestamp 5}}
      ###
      # @name later
      POST /derivatives/api/v3/cancelallorders
      symbol = {{later.response.status}}
    `;
    const diagnostics = diagnose(text);
    assert.match(only(diagnostics, 'unknown-variable').message, /Did you mean `symbol`\?/);
    assert.equal(only(diagnostics, 'later-request').severity, 'warning');
    assert.ok(only(diagnostics, 'unknown-request'));
    assert.ok(only(diagnostics, 'bad-system-variable'));
    assert.ok(only(diagnostics, 'self-reference'));
  });

  it('knows environment variables when the environment is given', () => {
    const text = 'GET /derivatives/api/v3/tickers/{{symbol}}';
    assert.deepEqual(codes(diagnose(text)), ['unknown-variable']);
    assert.deepEqual(diagnose(text, { environmentVariables: { symbol: 'PF_XBTUSD' } }), []);
  });

  it('flags duplicate request names, duplicate variables and variable loops', () => {
    const text = '@a = {{b}}\n@b = {{a}}\n@c = 1\n@c = 2\n# @name x\nGET /derivatives/api/v3/tickers\n###\n# @name x\nGET /derivatives/api/v3/tickers';
    const diagnostics = diagnose(text);
    assert.deepEqual(only(diagnostics, 'duplicate-request-name').range.start.line, 7);
    assert.ok(only(diagnostics, 'duplicate-variable'));
    assert.match(only(diagnostics, 'variable-cycle').message, /a → b → a/);
  });

  it('checks asserts, pinned environments and unsigned private calls', () => {
    const text = '# @assert status === 200\n# @env staging\n# @no-sign\nGET /derivatives/api/v3/openpositions';
    const diagnostics = diagnose(text, { environmentIds: ['local', 'live'] });
    assert.deepEqual(codes(diagnostics).sort(), ['bad-assert', 'unknown-environment', 'unsigned-private']);
  });

  describe('with instrument data', () => {
    const order = (symbol: string, size: string, limitPrice: string) =>
      `POST /derivatives/api/v3/sendorder\norderType = lmt\nsymbol = ${symbol}\nside = buy\nsize = ${size}\nlimitPrice = ${limitPrice}`;
    const check = (text: string) => diagnose(text, { instruments: INSTRUMENTS });

    it('flags prices off the tick size with exact decimal arithmetic', () => {
      assert.deepEqual(check(order('PF_XBTUSD', '0.0001', '30000')), []);
      assert.deepEqual(check(order('PI_XBTUSD', '1', '30000.5')), []);
      assert.deepEqual(check(order('PF_ETHUSD', '0.3', '2000.3')), []);
      const off = only(check(order('PI_XBTUSD', '1', '30000.25')), 'price-off-tick');
      assert.deepEqual(off.range, { start: { line: 5, character: 13 }, end: { line: 5, character: 21 } });
    });

    it('flags sizes below the minimum or off the size step', () => {
      assert.ok(only(check(order('PF_XBTUSD', '0.00001', '30000')), 'size-below-minimum'));
      assert.ok(only(check(order('PF_ETHUSD', '0.005', '2000')), 'size-below-minimum'));
      assert.ok(only(check(order('PF_XBTUSD', '0.00015', '30000')), 'size-off-step'));
      assert.ok(only(check(order('PI_XBTUSD', '1.5', '30000')), 'size-off-step'));
    });

    it('flags unknown symbols case-insensitively, in params, paths and batch orders', () => {
      assert.deepEqual(check(order('pf_xbtusd', '1', '30000')), []);
      assert.match(only(check(order('PF_XBTUSDT', '1', '30000')), 'unknown-symbol').message, /Did you mean `PF_XBTUSD`\?/);
      assert.ok(only(check('GET /derivatives/api/v3/tickers/PF_NOPE'), 'unknown-symbol'));
      const batch = kfreq`
        POST /derivatives/api/v3/batchorder
        json = {"batchOrder": [
          {"order": "send", "order_tag": "1", "orderType": "lmt", "symbol": "PI_XBTUSD", "side": "buy", "size": 1, "limitPrice": 100.25},
          {"order": "cancel", "order_id": "x"}
        ]}
      `;
      const problem = only(check(batch), 'price-off-tick');
      assert.match(problem.message, /^batchOrder\[0\]: limitPrice 100.25/);
    });
  });
});
