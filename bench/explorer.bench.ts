import type { Instrument, Ticker } from '../src/core/catalog';
import { ContractBook } from '../src/core/orders';
import { childrenOf, instrumentGroups, tickersBySymbol, type ExplorerNode } from '../src/extension/explorer/explorerNodes';
import { presentNode } from '../src/extension/explorer/nodePresentation';
import { compareCases, interleavedSamples, type BenchResult } from './harness';

/**
 * Instruments tree build time for 1,000 and 5,000 contracts: from cached `/instruments` and
 * `/tickers` answers to every row's presentation (group, sort, label, description with prices and
 * 24 h change, icon, context value), i.e. what a refresh of the Instruments view costs before VS
 * Code renders anything. The baseline builds one plain `{ id, label, description }` object per
 * contract from the same data: the least any tree of that many rows has to do. Results are times
 * (ms per build), so the ratio is how many such baselines one real build costs: lower is better.
 * Tooltips are built only on hover, so they are not part of a build.
 */

const BASES = ['XBT', 'ETH', 'SOL', 'XRP', 'DOGE', 'LTC', 'ADA', 'LINK', 'AVAX', 'DOT', 'ATOM', 'NEAR', 'UNI', 'AAVE', 'FIL', 'ETC'];

/** A market shaped like Kraken's: linear and inverse perpetuals, fixed maturities, realistic grids. */
export function generateMarket(count: number): { instruments: Instrument[]; tickers: Ticker[] } {
  const instruments: Instrument[] = [];
  const tickers: Ticker[] = [];
  for (let i = 0; i < count; i++) {
    const base = `${BASES[i % BASES.length]}${i >= BASES.length ? Math.floor(i / BASES.length) : ''}`;
    const kind = i % 4;
    const symbol = kind === 0 ? `PF_${base}USD` : kind === 1 ? `PI_${base}USD` : kind === 2 ? `FI_${base}USD_270326` : `FF_${base}USD_270625`;
    const price = 0.1 + ((i * 7919) % 100_000);
    const tick = price > 1000 ? 0.5 : price > 10 ? 0.01 : 0.0001;
    instruments.push({
      symbol, type: kind === 1 || kind === 2 ? 'futures_inverse' : 'flexible_futures', base: BASES[i % BASES.length], quote: 'USD',
      tickSize: tick, contractSize: 1, contractValueTradePrecision: kind === 1 || kind === 2 ? 0 : 3, tradeable: true,
      marginLevels: [{ numNonContractUnits: 0, initialMargin: 0.02, maintenanceMargin: 0.01 }],
      ...(kind >= 2 ? { lastTradingTime: '2027-03-26T16:00:00.000Z' } : {}),
    });
    tickers.push({ symbol, last: price, markPrice: price * 1.0001, bid: price - tick, ask: price + tick, change24h: ((i % 21) - 10) / 3, vol24h: i * 13 });
  }
  return { instruments, tickers };
}

function buildTree(contracts: ContractBook, tickers: ReadonlyMap<string, Ticker>): number {
  let rows = 0;
  const present = (nodes: readonly ExplorerNode[]) => {
    for (const node of nodes) {
      rows += presentNode(node).label.length > 0 ? 1 : 0;
      present(childrenOf(node));
    }
  };
  present(instrumentGroups(contracts, tickers));
  return rows;
}

function buildPlainObjects(instruments: readonly Instrument[], tickers: ReadonlyMap<string, Ticker>): number {
  let rows = 0;
  for (const instrument of instruments) {
    const ticker = tickers.get(instrument.symbol);
    const row = { id: `instrument:${instrument.symbol}`, label: instrument.symbol, description: `${ticker?.last} · mark ${ticker?.markPrice}` };
    rows += row.label.length > 0 ? 1 : 0;
  }
  return rows;
}

export default async function explorerBench(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for (const count of [1_000, 5_000]) {
    const { instruments, tickers } = generateMarket(count);
    const contracts = ContractBook.fromInstruments(instruments);
    const byTicker = tickersBySymbol(tickers);
    const samples = interleavedSamples([
      { name: 'tree', fn: () => buildTree(contracts, byTicker) },
      { name: 'plain', fn: () => buildPlainObjects(instruments, byTicker) },
    ]);
    const compared = compareCases(samples, { name: 'rate', candidate: 'tree', baseline: 'plain', baselineName: 'plain', unit: 'builds/s' });
    // Reported as time per build: value and baseline in ms, ratio = how many baselines one build costs (lower is better).
    results.push({
      name: `Instruments tree build, ${count.toLocaleString('en-US')} contracts`,
      value: 1000 / compared.value,
      unit: 'ms',
      baselineName: `${count.toLocaleString('en-US')} plain row objects`,
      baselineValue: 1000 / compared.baselineValue,
      ratio: 1 / compared.ratio,
      note: 'time ratio, lower is better; per-round median',
    });
  }
  return results;
}
