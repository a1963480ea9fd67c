import { diagnoseKfreq, parseKfreq, type InstrumentInfo } from '../src/core/kfreq';
import { compareCases, interleavedSamples, type BenchResult } from './harness';

/**
 * `.kfreq` speed on a generated file of 10,000 requests (the size issue 6 names): parsing, and
 * producing all diagnostics (catalog checks, variables, instrument checks). Both are compared with
 * the cheapest thing that still reads every line: `text.split('\n')` plus a regex per line, i.e.
 * what a naive line classifier costs. The ratio says how much the full tree and checks cost on top.
 */

const REQUESTS = 10_000;

const INSTRUMENTS: InstrumentInfo[] = [
  { symbol: 'PF_XBTUSD', tickSize: 1, contractValueTradePrecision: 4 },
  { symbol: 'PI_XBTUSD', tickSize: 0.5, contractValueTradePrecision: 0 },
  { symbol: 'PF_ETHUSD', tickSize: 0.1, contractValueTradePrecision: 3 },
];

/** A mix like a real tour file: market data, orders with variables and chaining, batch JSON. */
export function generateKfreqFile(requests: number): string {
  const parts = ['@symbol = PF_XBTUSD', '@size = 0.0001', ''];
  for (let i = 0; i < requests; i++) {
    switch (i % 4) {
      case 0:
        parts.push(`### Book ${i}`, `GET /derivatives/api/v3/orderbook?symbol={{symbol}}`, '');
        break;
      case 1:
        parts.push(
          `### Place ${i}`,
          `# @name placed${i}`,
          '# @assert body.sendStatus.status == placed',
          'POST /derivatives/api/v3/sendorder',
          'orderType = lmt',
          'symbol = {{symbol}}',
          'side = buy',
          'size = {{size}}',
          `limitPrice = ${30000 + (i % 500)}`,
          'cliOrdId = {{$uuid}}',
          '',
        );
        break;
      case 2:
        parts.push(`### Cancel ${i}`, 'POST /derivatives/api/v3/cancelorder', `order_id = {{placed${i - 1}.response.body.sendStatus.order_id}}`, '');
        break;
      default:
        parts.push(
          `### Batch ${i}`,
          '// two instructions',
          'POST /derivatives/api/v3/batchorder',
          'json = {',
          '  "batchOrder": [',
          `    {"order": "send", "order_tag": "${i}", "orderType": "lmt", "symbol": "PI_XBTUSD", "side": "sell", "size": 10, "limitPrice": 40000.5},`,
          '    {"order": "cancel", "order_id": "c18f0c17-9971-40e6-8e5b-10df05d422f0"}',
          '  ]',
          '}',
          '',
        );
    }
  }
  return parts.join('\n');
}

const LINE_KINDS = [/^\s*###/, /^\s*(#|\/\/)/, /^\s*@[\w-]+\s*=/, /^\s*[A-Z]+\s+\S+/, /^\s*[\w.-]+\s*=/];

/** The baseline: split into lines and classify each with a regex. */
function lineScan(text: string): number {
  let classified = 0;
  for (const line of text.split('\n')) {
    for (const kind of LINE_KINDS) {
      if (kind.test(line)) {
        classified++;
        break;
      }
    }
  }
  return classified;
}

export default async function kfreqBench(): Promise<BenchResult[]> {
  const text = generateKfreqFile(REQUESTS);
  const parsed = parseKfreq(text);
  if (parsed.requests.length !== REQUESTS) throw new Error(`generator produced ${parsed.requests.length} requests, expected ${REQUESTS}`);
  const problems = diagnoseKfreq(parsed, { instruments: INSTRUMENTS });
  if (problems.length !== 0) throw new Error(`the generated file should be clean, got ${problems.length} diagnostics, first: ${problems[0]?.message}`);

  const samples = interleavedSamples(
    [
      { name: 'scan', fn: () => lineScan(text) },
      { name: 'parse', fn: () => parseKfreq(text).requests.length },
      { name: 'diagnose', fn: () => diagnoseKfreq(parsed, { instruments: INSTRUMENTS }).length },
    ],
    { rounds: 11, batchMs: 60 },
  );
  const lines = parsed.lines.length.toLocaleString('en-US');
  const unit = 'files/s';
  const baselineName = "split('\\n') + regex per line";
  const parse = compareCases(samples, { name: `parse ${REQUESTS.toLocaleString('en-US')} requests`, candidate: 'parse', baseline: 'scan', baselineName, unit });
  const diagnose = compareCases(samples, { name: `diagnostics, ${REQUESTS.toLocaleString('en-US')} requests`, candidate: 'diagnose', baseline: 'scan', baselineName, unit });
  const msPer = (rate: number) => (1000 / rate).toFixed(1);
  return [
    { ...parse, note: `${msPer(parse.value)} ms per file of ${lines} lines (scan ${msPer(parse.baselineValue)} ms)` },
    { ...diagnose, note: `${msPer(diagnose.value)} ms, catalog + variables + instrument checks on a parsed file` },
  ];
}
