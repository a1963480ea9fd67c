import { strict as assert } from 'node:assert';
import { parseKfreq } from '../../../src/core/kfreq';
import { codes, kfreq } from './kfreqFixtures';

describe('kfreq/parser', () => {
  it('splits requests on ### and keeps the title', () => {
    const file = parseKfreq(kfreq`
      ### Tickers
      GET /derivatives/api/v3/tickers
      ###   Open positions
      GET /derivatives/api/v3/openpositions
    `);
    assert.equal(file.requests.length, 2);
    assert.deepEqual(file.requests.map((r) => r.title?.text), ['Tickers', 'Open positions']);
    assert.deepEqual(file.requests.map((r) => r.index), [0, 1]);
    assert.deepEqual(file.requests[1]?.title?.range, { start: { line: 2, character: 6 }, end: { line: 2, character: 20 } });
    assert.deepEqual(file.diagnostics, []);
  });

  it('treats text before the first ### as a request too, and a block without a request line as none', () => {
    const file = parseKfreq('GET /derivatives/api/v3/tickers\n###\n# only a comment\n###\nPOST /derivatives/api/v3/cancelallorders\n');
    assert.deepEqual(file.requests.map((r) => r.method), ['GET', 'POST']);
    assert.equal(file.comments.length, 1);
  });

  it('gives the method, path and query their exact ranges', () => {
    const file = parseKfreq('  POST /derivatives/api/v3/fills?lastFillTime=2024-01-01T00%3A00%3A00Z HTTP/1.1');
    const line = file.requests[0]?.requestLine;
    assert.ok(line);
    assert.deepEqual(line.method?.range, { start: { line: 0, character: 2 }, end: { line: 0, character: 6 } });
    assert.equal(line.target.text, '/derivatives/api/v3/fills');
    assert.deepEqual(line.target.range, { start: { line: 0, character: 7 }, end: { line: 0, character: 32 } });
    assert.equal(line.query?.text, 'lastFillTime=2024-01-01T00%3A00%3A00Z');
    assert.equal(line.query?.range.start.character, 33);
    assert.deepEqual(file.diagnostics, []);
  });

  it('defaults the method to GET and accepts a full URL', () => {
    const file = parseKfreq('https://futures.kraken.com/derivatives/api/v3/tickers');
    assert.equal(file.requests[0]?.method, 'GET');
    assert.equal(file.requests[0]?.requestLine.method, undefined);
    assert.equal(file.requests[0]?.requestLine.target.text, 'https://futures.kraken.com/derivatives/api/v3/tickers');
  });

  it('reads key = value parameters with ranges, keeping values as typed', () => {
    const file = parseKfreq(kfreq`
      POST /derivatives/api/v3/sendorder
      orderType = lmt
        cliOrdId=my order 1
      limitPrice =
    `);
    const params = file.requests[0]?.params ?? [];
    assert.deepEqual(params.map((p) => [p.key.text, p.value.text]), [['orderType', 'lmt'], ['cliOrdId', 'my order 1'], ['limitPrice', '']]);
    assert.deepEqual(params[1]?.key.range, { start: { line: 2, character: 2 }, end: { line: 2, character: 10 } });
    assert.deepEqual(params[1]?.value.range, { start: { line: 2, character: 11 }, end: { line: 2, character: 21 } });
  });

  it('reads a multi-line JSON value until its brackets balance, ignoring brackets inside strings', () => {
    const file = parseKfreq(kfreq`
      POST /derivatives/api/v3/batchorder
      json = {
        "batchOrder": [
          {"order": "send", "order_tag": "a}]", "size": {{size}}}
        ]
      }
      processBefore = 2030-01-01T00:00:00Z
    `);
    const params = file.requests[0]?.params ?? [];
    assert.deepEqual(params.map((p) => p.key.text), ['json', 'processBefore']);
    assert.equal(params[0]?.multiline, true);
    assert.deepEqual(params[0]?.value.range, { start: { line: 1, character: 7 }, end: { line: 5, character: 1 } });
    assert.equal(params[0]?.value.refs[0]?.expression, 'size');
    assert.deepEqual(params[0]?.value.refs[0]?.range.start, { line: 3, character: 50 });
    assert.deepEqual(file.diagnostics, []);
  });

  it('reports an unclosed JSON value without swallowing the next request', () => {
    const file = parseKfreq('POST /derivatives/api/v3/batchorder\njson = {"batchOrder": [\n###\nGET /derivatives/api/v3/tickers');
    assert.deepEqual(codes(file.diagnostics), ['unclosed-json']);
    assert.equal(file.requests.length, 2);
  });

  it('collects comments, directives and file variables', () => {
    const file = parseKfreq(kfreq`
      @symbol = PF_XBTUSD
      // a comment
      # @name placed
      # @env local
      # @no-sign
      # @assert body.result == success
      GET /derivatives/api/v3/tickers/{{symbol}}
    `);
    const request = file.requests[0];
    assert.equal(request?.name?.text, 'placed');
    assert.equal(request?.env?.text, 'local');
    assert.equal(request?.sign, false);
    assert.deepEqual(request?.asserts.map((a) => a.argument?.text), ['body.result == success']);
    assert.equal(file.fileVariables[0]?.name.text, 'symbol');
    assert.deepEqual(file.fileVariables[0]?.name.range, { start: { line: 0, character: 1 }, end: { line: 0, character: 7 } });
    assert.equal(file.comments[0]?.text, '// a comment');
    assert.deepEqual(file.diagnostics, []);
  });

  it('classifies variable references and gives them ranges', () => {
    const file = parseKfreq('GET /x/{{ sym }}?a={{$randomInt 1 5}}&b={{placed.response.body.x[0]}}');
    const refs = [...(file.requests[0]?.requestLine.target.refs ?? []), ...(file.requests[0]?.requestLine.query?.refs ?? [])];
    assert.deepEqual(refs.map((r) => [r.kind, r.name, r.expression]), [
      ['file', 'sym', 'sym'],
      ['system', 'randomInt', '$randomInt 1 5'],
      ['request', 'placed', 'placed.response.body.x[0]'],
    ]);
    assert.deepEqual(refs[0]?.range, { start: { line: 0, character: 7 }, end: { line: 0, character: 16 } });
    assert.deepEqual(refs[0]?.innerRange, { start: { line: 0, character: 10 }, end: { line: 0, character: 13 } });
  });

  it('turns malformed lines into diagnostics with ranges', () => {
    const file = parseKfreq(kfreq`
      FETCH /derivatives/api/v3/tickers
      Content-Type: application/json
      GET /derivatives/api/v3/openorders
      POST /derivatives/api/v3/sendorder?orderType=mkt
      just words here
      bad key = 1
      = 2
      size = {{unclosed
      @ = 3
      @oops
      # @name
      # @frobnicate
    `);
    assert.deepEqual(codes(file.diagnostics), [
      'unknown-method',
      'header-line',
      'second-request-line',
      'second-request-line',
      'bad-line',
      'bad-param-name',
      'bad-param-name',
      'unclosed-variable',
      'bad-variable-name',
      'bad-variable',
      'directive-missing-argument',
      'unknown-directive',
    ]);
    assert.deepEqual(file.diagnostics[1]?.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 30 } });
  });

  it('reports a bare word instead of a request line once', () => {
    const file = parseKfreq('tickers');
    assert.deepEqual(codes(file.diagnostics), ['bad-request-line']);
  });

  it('accepts CRLF and CR line endings', () => {
    const file = parseKfreq('GET /derivatives/api/v3/tickers\r\n###\rPOST /derivatives/api/v3/cancelallorders\r\nsymbol = PF_XBTUSD');
    assert.equal(file.requests.length, 2);
    assert.deepEqual(file.requests[1]?.params.map((p) => p.value.text), ['PF_XBTUSD']);
  });

  it('warns about directives that belong to no request and about repeated ones', () => {
    const file = parseKfreq('# @name lonely\n###\n# @name a\n# @name b\nGET /derivatives/api/v3/tickers');
    assert.deepEqual(codes(file.diagnostics), ['stray-directive', 'duplicate-directive']);
    assert.equal(file.requests[0]?.name?.text, 'b');
  });
});
