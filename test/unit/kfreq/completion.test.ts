import { strict as assert } from 'node:assert';
import { completionsAt, hoverAt, parseKfreq, type CompletionContext, type CompletionItem, type Position } from '../../../src/core/kfreq';
import { INSTRUMENTS } from './kfreqFixtures';

/** `|` in the text marks the cursor. */
function at(textWithCursor: string): { text: string; position: Position } {
  const offset = textWithCursor.indexOf('|');
  const before = textWithCursor.slice(0, offset).split('\n');
  return { text: textWithCursor.replace('|', ''), position: { line: before.length - 1, character: before[before.length - 1]?.length ?? 0 } };
}

function complete(textWithCursor: string, context: CompletionContext = {}): CompletionItem[] {
  const { text, position } = at(textWithCursor);
  return completionsAt(parseKfreq(text), position, context);
}

const labels = (items: CompletionItem[]) => items.map((i) => i.label);

describe('kfreq/completion', () => {
  it('offers methods and whole request lines at the start of a request', () => {
    const items = complete('###\n|');
    assert.deepEqual(labels(items).slice(0, 4), ['GET', 'POST', 'PUT', 'DELETE']);
    const sendorder = items.find((i) => i.label === 'POST /derivatives/api/v3/sendorder');
    assert.equal(sendorder?.insertText, 'POST /derivatives/api/v3/sendorder');
    assert.match(sendorder?.documentation ?? '', /orderType/);
  });

  it('offers endpoint paths for the typed method, replacing the typed path', () => {
    const items = complete('POST /derivatives/api/v3/send|');
    assert.ok(labels(items).includes('POST /derivatives/api/v3/sendorder'));
    assert.ok(!labels(items).some((l) => l.startsWith('GET ')));
    const item = items.find((i) => i.label === 'POST /derivatives/api/v3/sendorder');
    assert.equal(item?.insertText, '/derivatives/api/v3/sendorder');
    assert.deepEqual(item?.range, { start: { line: 0, character: 5 }, end: { line: 0, character: 29 } });
  });

  it('offers the parameters of the endpoint not written yet, required first', () => {
    const items = complete('POST /derivatives/api/v3/sendorder\norderType = lmt\n|');
    assert.ok(!labels(items).includes('orderType'));
    assert.ok(labels(items).includes('symbol'));
    assert.ok(labels(items).includes('cliOrdId'));
    const symbol = items.find((i) => i.label === 'symbol');
    assert.equal(symbol?.insertText, 'symbol = ');
    assert.equal(symbol?.detail, 'required');
    assert.ok((symbol?.sortText ?? '') < (items.find((i) => i.label === 'cliOrdId')?.sortText ?? ''));
  });

  it('keeps offering repeatable parameters', () => {
    const items = complete('POST /derivatives/api/v3/orders/status\norderIds = a\n|');
    assert.ok(labels(items).includes('orderIds'));
  });

  it('offers enum values, booleans and symbols after `key =`', () => {
    assert.deepEqual(labels(complete('POST /derivatives/api/v3/sendorder\nside = |')), ['buy', 'sell']);
    assert.ok(labels(complete('POST /derivatives/api/v3/sendorder\norderType = l|')).includes('lmt'));
    assert.deepEqual(labels(complete('POST /derivatives/api/v3/sendorder\nreduceOnly = |')), ['true', 'false']);
    const symbols = complete('POST /derivatives/api/v3/sendorder\nsymbol = PF|', { instruments: INSTRUMENTS });
    assert.deepEqual(labels(symbols), ['PF_XBTUSD', 'PI_XBTUSD', 'PF_ETHUSD']);
    assert.deepEqual(symbols[0]?.range, { start: { line: 1, character: 9 }, end: { line: 1, character: 11 } });
  });

  it('completes parameter names and values in a query string on the request line', () => {
    const names = complete('GET /derivatives/api/v3/instruments?expired=false&c|');
    assert.deepEqual(labels(names), ['contractType']);
    assert.equal(names[0]?.insertText, 'contractType=');
    assert.deepEqual(names[0]?.range, { start: { line: 0, character: 50 }, end: { line: 0, character: 51 } });
    assert.ok(labels(complete('GET /derivatives/api/v3/instruments?contractType=|')).includes('flexible_futures'));
    assert.deepEqual(labels(complete('GET /derivatives/api/v3/orderbook?symbol=|', { instruments: INSTRUMENTS })), ['PF_XBTUSD', 'PI_XBTUSD', 'PF_ETHUSD']);
  });

  it('offers variables, system variables and earlier request names inside {{ }}', () => {
    const items = complete('@symbol = PF_XBTUSD\n# @name placed\nPOST /derivatives/api/v3/sendorder\n###\nPOST /derivatives/api/v3/cancelorder\norder_id = {{|', { environmentVariables: { side: 'buy' } });
    assert.ok(labels(items).includes('symbol'));
    assert.ok(labels(items).includes('side'));
    assert.ok(labels(items).includes('$uuid'));
    assert.equal(items.find((i) => i.label === 'placed')?.insertText, 'placed.response.body.');
  });

  it('offers response fields of a stored response', () => {
    const responses = new Map([['placed', { status: 200, headers: { 'X-A': '1' }, body: { sendStatus: { order_id: 'x', status: 'placed' } } }]]);
    const text = '# @name placed\nPOST /derivatives/api/v3/sendorder\n###\nPOST /derivatives/api/v3/cancelorder\norder_id = {{placed.response.';
    assert.deepEqual(labels(complete(`${text}|`, { responses })), ['status', 'headers', 'body']);
    const fields = complete(`${text}body.sendStatus.|`, { responses });
    assert.deepEqual(fields.map((i) => i.insertText), ['placed.response.body.sendStatus.order_id', 'placed.response.body.sendStatus.status']);
    assert.deepEqual(labels(complete(`${text}headers.|`, { responses })), ['X-A']);
  });

  it('offers directives and their values in comments', () => {
    assert.deepEqual(labels(complete('# @|')), ['@name', '@env', '@sign', '@no-sign', '@assert']);
    assert.deepEqual(labels(complete('# @env |', { environmentIds: ['local', 'mine'] })), ['local', 'mine']);
    assert.ok(labels(complete('# @assert |')).includes('status == 200'));
    assert.deepEqual(complete('# just a comment|'), []);
  });

  it('returns nothing outside the document or for an unknown endpoint', () => {
    assert.deepEqual(completionsAt(parseKfreq('GET /x'), { line: 5, character: 0 }), []);
    assert.deepEqual(complete('GET /derivatives/api/v3/nothing\n|'), []);
  });
});

describe('kfreq/hover', () => {
  const text = '@symbol = PF_XBTUSD\n# @name placed\nPOST /derivatives/api/v3/sendorder\norderType = lmt\nsymbol = {{symbol}}\ncliOrdId = {{$uuid}}';
  const file = parseKfreq(text);

  it('describes the endpoint on the request line', () => {
    const hover = hoverAt(file, { line: 2, character: 10 });
    assert.match(hover?.contents ?? '', /POST \/derivatives\/api\/v3\/sendorder/);
    assert.match(hover?.contents ?? '', /Signed \(private\)/);
    assert.match(hoverAt(parseKfreq('GET /derivatives/api/v3/zzz'), { line: 0, character: 8 })?.contents ?? '', /not in the endpoint catalog/);
  });

  it('describes parameters, directives and variables', () => {
    assert.match(hoverAt(file, { line: 3, character: 2 })?.contents ?? '', /\*\*orderType\*\* \(`lmt`/);
    assert.match(hoverAt(file, { line: 1, character: 4 })?.contents ?? '', /@name/);
    const variable = hoverAt(file, { line: 4, character: 12 });
    assert.match(variable?.contents ?? '', /PF_XBTUSD/);
    assert.deepEqual(variable?.range, { start: { line: 4, character: 9 }, end: { line: 4, character: 19 } });
    assert.match(hoverAt(file, { line: 5, character: 14 })?.contents ?? '', /UUID/);
    assert.equal(hoverAt(file, { line: 0, character: 0 }), undefined);
  });

  it('describes parameters written in the query string', () => {
    const hover = hoverAt(parseKfreq('GET /derivatives/api/v3/instruments?contractType=all'), { line: 0, character: 40 });
    assert.match(hover?.contents ?? '', /\*\*contractType\*\*/);
    assert.deepEqual(hover?.range, { start: { line: 0, character: 36 }, end: { line: 0, character: 48 } });
  });
});
