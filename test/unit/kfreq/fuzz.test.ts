import { strict as assert } from 'node:assert';
import { completionsAt, diagnoseKfreq, hoverAt, parseKfreq, resolveRequest, type KfreqFile, type Position, type Range } from '../../../src/core/kfreq';
import { fixedSources, INSTRUMENTS } from './kfreqFixtures';

/**
 * Deterministic fuzzing: tens of thousands of random and mutated inputs. Every public entry point
 * must return (never throw), and every range it reports must lie inside the document.
 */

/** mulberry32: small, fast, and the same sequence on every machine for a given seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEEDS = [
  '@symbol = PF_XBTUSD\n### Book\nGET /derivatives/api/v3/orderbook?symbol={{symbol}}\n',
  '# @name placed\n# @assert body.sendStatus.status == placed\nPOST /derivatives/api/v3/sendorder\norderType = lmt\nsymbol = PF_XBTUSD\nside = buy\nsize = 0.0001\nlimitPrice = 30000\ncliOrdId = {{$uuid}}\n###\nPOST /derivatives/api/v3/cancelorder\norder_id = {{placed.response.body.sendStatus.order_id}}\n',
  'POST /derivatives/api/v3/batchorder\njson = {\n  "batchOrder": [\n    {"order": "send", "order_tag": "1", "size": {{size}}, "symbol": "PI_XBTUSD", "limitPrice": 1.5}\n  ]\n}\n',
  'https://futures.kraken.com/api/history/v3/account-log?count=10&info=futures%20trade\n',
  '// @env live\n# @no-sign\nGET /api/charts/v1/trade/PF_XBTUSD/1h?from={{$timestamp}}\n###\nPUT /derivatives/api/v3/leveragepreferences\nsymbol = PF_XBTUSD\nmaxLeverage = {{$randomInt 1 10}}\n',
];

const FRAGMENTS = [
  '###', '### title', '\n', '\r\n', '\r', ' ', '\t', '#', '//', '# @', '@name', '@env', '@assert', '@sign', '@no-sign', '@', '=', ' = ', '{{', '}}', '{', '}',
  '[', ']', '"', '\\', '?', '&', 'GET ', 'POST ', 'PUT ', 'DELETE ', 'FETCH ', '/', '/derivatives/api/v3/', 'sendorder', 'tickers/', 'https://', 'HTTP/1.1',
  '$timestamp', '$randomInt 1', '$uuid', '$bogus', 'placed.response.body.', '.response', '[0]', 'symbol', 'size', 'limitPrice', 'json', 'PF_XBTUSD', '0.5',
  '1e-9', '-', 'é', '😀', '\u2028', '\u0000', 'status == 200', 'exists', 'contains',
];

function randomText(random: () => number, length: number): string {
  let text = '';
  for (let i = 0; i < length; i++) {
    text += random() < 0.7 ? (FRAGMENTS[Math.floor(random() * FRAGMENTS.length)] ?? '') : String.fromCharCode(Math.floor(random() * 0x2fff));
  }
  return text;
}

function mutate(random: () => number, text: string): string {
  let out = text;
  const edits = 1 + Math.floor(random() * 4);
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(random() * (out.length + 1));
    const to = Math.min(out.length, at + Math.floor(random() * 12));
    switch (Math.floor(random() * 5)) {
      case 0:
        out = out.slice(0, at) + out.slice(to);
        break;
      case 1:
        out = out.slice(0, at) + randomText(random, 1 + Math.floor(random() * 3)) + out.slice(at);
        break;
      case 2:
        out = out.slice(0, at) + out.slice(at, to) + out.slice(at);
        break;
      case 3:
        out = out.slice(0, at);
        break;
      default: {
        const lines = out.split('\n');
        const i = Math.floor(random() * lines.length);
        const j = Math.floor(random() * lines.length);
        [lines[i], lines[j]] = [lines[j] ?? '', lines[i] ?? ''];
        out = lines.join('\n');
      }
    }
  }
  return out;
}

function assertPositionInside(file: KfreqFile, position: Position, where: string): void {
  const line = file.lines[position.line];
  assert.ok(line !== undefined && position.line >= 0, `${where}: line ${position.line} outside 0..${file.lines.length - 1}`);
  assert.ok(position.character >= 0 && position.character <= line.length, `${where}: character ${position.character} outside line ${position.line} (length ${line.length})`);
}

function assertRangeInside(file: KfreqFile, range: Range, where: string): void {
  assertPositionInside(file, range.start, where);
  assertPositionInside(file, range.end, where);
  const ordered = range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character);
  assert.ok(ordered, `${where}: range ends before it starts`);
}

/** Every `{start, end}` anywhere in a value. */
function collectRanges(value: unknown, found: Range[] = []): Range[] {
  if (value === null || typeof value !== 'object') return found;
  if (Array.isArray(value)) {
    for (const item of value) collectRanges(item, found);
    return found;
  }
  const record = value as Record<string, unknown>;
  if (record.start && record.end && typeof (record.start as Position).line === 'number') found.push(record as unknown as Range);
  for (const [key, child] of Object.entries(record)) if (key !== 'lines' && key !== 'endpoint') collectRanges(child, found);
  return found;
}

function exercise(text: string, random: () => number): void {
  const file = parseKfreq(text);
  assert.equal(file.lines.length, text.split(/\r\n|\r|\n/).length);
  for (const range of collectRanges(file)) assertRangeInside(file, range, 'parse');
  for (const diagnostic of diagnoseKfreq(file, { instruments: INSTRUMENTS, environmentIds: ['local'] })) assertRangeInside(file, diagnostic.range, `diagnostic ${diagnostic.code}`);
  for (const request of file.requests) {
    const resolution = resolveRequest(file, request.index, { system: fixedSources(), environmentVariables: { size: '1' } });
    for (const problem of resolution.problems) assertRangeInside(file, problem.range, `problem ${problem.code}`);
  }
  const line = Math.floor(random() * file.lines.length);
  const position = { line, character: Math.floor(random() * ((file.lines[line]?.length ?? 0) + 1)) };
  for (const item of completionsAt(file, position, { instruments: INSTRUMENTS })) assertRangeInside(file, item.range, `completion ${item.label}`);
  const hover = hoverAt(file, position);
  if (hover) assertRangeInside(file, hover.range, 'hover');
}

describe('kfreq/fuzz', () => {
  it('never throws and keeps every range inside the document for 12,000 random inputs', () => {
    const random = prng(0x6b66);
    for (let i = 0; i < 12_000; i++) {
      const text = randomText(random, Math.floor(random() * 60));
      try {
        exercise(text, random);
      } catch (error) {
        assert.fail(`input #${i} ${JSON.stringify(text)}: ${(error as Error).stack}`);
      }
    }
  });

  it('never throws and keeps every range inside the document for 12,000 mutated valid files', () => {
    const random = prng(0x7265);
    for (let i = 0; i < 12_000; i++) {
      const text = mutate(random, SEEDS[i % SEEDS.length] ?? '');
      try {
        exercise(text, random);
      } catch (error) {
        assert.fail(`input #${i} ${JSON.stringify(text)}: ${(error as Error).stack}`);
      }
    }
  });
});

describe('kfreq/fuzz: long lines', () => {
  // Inputs that made earlier regex-based versions quadratic; they must parse like any other text.
  const blanks = ' '.repeat(20_000);
  const cases = [
    `# @assert body${blanks}x`,
    `# @name a${blanks}b`,
    `@${blanks}x`,
    `GET /x\nk${blanks}x`,
    `GET /x\nk =${blanks}x`,
    `GET /x?${'{{'.repeat(10_000)}`,
    `POST /x\njson = ${'{'.repeat(20_000)}`,
  ];
  for (const text of cases) {
    it(`handles ${JSON.stringify(text.slice(0, 16))}… (${text.length} characters)`, () => {
      exercise(text, prng(1));
    });
  }
});
