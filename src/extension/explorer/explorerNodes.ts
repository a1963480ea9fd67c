import type { Accounts, OpenOrder, OpenPosition, Ticker } from '../../core/catalog';
import { CONTRACT_GROUPS, estimateLiquidationPrice, type ContractBook, type ContractGroup, type ContractSpec } from '../../core/orders';

/**
 * The explorer's tree as plain data: what each row is about, nothing about how it looks (that is
 * nodePresentation.ts). Built from the model's cached answers. No vscode import, so the builders
 * are unit-tested and benchmarked outside VS Code.
 */

export interface InstrumentNode {
  readonly kind: 'instrument';
  readonly id: string;
  readonly spec: ContractSpec;
  readonly ticker?: Ticker;
}

export interface GroupNode {
  readonly kind: 'group';
  readonly id: string;
  readonly group: ContractGroup;
  readonly children: readonly InstrumentNode[];
  /** Instruments in the group before the filter. */
  readonly total: number;
}

export interface PositionNode {
  readonly kind: 'position';
  readonly id: string;
  readonly position: OpenPosition;
  readonly spec?: ContractSpec;
  readonly markPrice?: number;
  readonly liquidationPrice?: number;
}

export interface OrderNode {
  readonly kind: 'order';
  readonly id: string;
  readonly order: OpenOrder;
  readonly spec?: ContractSpec;
}

export interface AccountRowNode {
  readonly kind: 'accountRow';
  readonly id: string;
  readonly label: string;
  readonly value: string;
  /** The figure a person looks for first (available margin). */
  readonly emphasis?: boolean;
  readonly detail?: string;
}

export interface AccountNode {
  readonly kind: 'account';
  readonly id: string;
  /** Kraken's account key: `flex`, `cash`, `fi_xbtusd`, ... */
  readonly key: string;
  readonly title: string;
  readonly summary?: string;
  readonly children: readonly AccountRowNode[];
}

/** Loading, an error or an empty list: always a visible row, never a silently empty tree. */
export interface MessageNode {
  readonly kind: 'message';
  readonly id: string;
  readonly severity: 'loading' | 'error' | 'info' | 'warning';
  readonly label: string;
  readonly detail?: string;
  /** What to do about it (shown in the tooltip). */
  readonly hint?: string;
}

export type ExplorerNode = GroupNode | InstrumentNode | PositionNode | OrderNode | AccountNode | AccountRowNode | MessageNode;

/** The children a node shows when expanded. */
export function childrenOf(node: ExplorerNode): readonly ExplorerNode[] {
  return node.kind === 'group' || node.kind === 'account' ? node.children : [];
}

/**
 * A filter over instruments: every whitespace-separated word must appear in the symbol, the pair,
 * the base currency or the group name (`xbt perp`, `eth`, `fixed`).
 */
export function instrumentMatcher(filter: string): (spec: ContractSpec) => boolean {
  const words = filter.toLowerCase().split(/\s+/).filter((w) => w !== '');
  if (words.length === 0) return () => true;
  return (spec) => {
    const haystack = `${spec.symbol} ${spec.base}/${spec.quote} ${spec.base}${spec.quote} ${GROUP_WORDS[spec.group]}`.toLowerCase();
    return words.every((word) => haystack.includes(word));
  };
}

const GROUP_WORDS: Readonly<Record<ContractGroup, string>> = {
  perpetualLinear: 'perpetual linear flex',
  perpetualInverse: 'perpetual inverse',
  fixedMaturity: 'fixed maturity future',
  other: 'other',
};

/** Instruments grouped by kind in a fixed order, sorted by symbol; empty groups are left out unless filtered away. */
export function instrumentGroups(contracts: ContractBook, tickers: ReadonlyMap<string, Ticker>, filter = ''): GroupNode[] {
  const matches = instrumentMatcher(filter);
  const buckets = new Map<ContractGroup, { all: number; kept: InstrumentNode[] }>();
  for (const group of CONTRACT_GROUPS) buckets.set(group, { all: 0, kept: [] });
  for (const spec of contracts.all) {
    const bucket = buckets.get(spec.group) as { all: number; kept: InstrumentNode[] };
    bucket.all++;
    if (!matches(spec)) continue;
    const ticker = tickers.get(spec.symbol);
    bucket.kept.push(ticker ? { kind: 'instrument', id: `instrument:${spec.symbol}`, spec, ticker } : { kind: 'instrument', id: `instrument:${spec.symbol}`, spec });
  }
  const groups: GroupNode[] = [];
  for (const group of CONTRACT_GROUPS) {
    const bucket = buckets.get(group) as { all: number; kept: InstrumentNode[] };
    if (bucket.kept.length === 0) continue;
    bucket.kept.sort((a, b) => (a.spec.symbol < b.spec.symbol ? -1 : a.spec.symbol > b.spec.symbol ? 1 : 0));
    groups.push({ kind: 'group', id: `group:${group}`, group, children: bucket.kept, total: bucket.all });
  }
  return groups;
}

/** Tickers by upper-case symbol (Kraken sends both cases). */
export function tickersBySymbol(tickers: readonly Ticker[]): Map<string, Ticker> {
  return new Map(tickers.map((t) => [t.symbol.toUpperCase(), t]));
}

export function positionNodes(positions: readonly OpenPosition[], contracts: ContractBook, tickers: ReadonlyMap<string, Ticker>, accounts: Accounts | undefined): PositionNode[] {
  return [...positions]
    .sort((a, b) => a.symbol.localeCompare(b.symbol))
    .map((position) => {
      const symbol = position.symbol.toUpperCase();
      const spec = contracts.get(symbol);
      const markPrice = tickers.get(symbol)?.markPrice;
      const liquidationPrice = estimateLiquidationPrice(position, markPrice, accounts, contracts, positions);
      return {
        kind: 'position',
        id: `position:${symbol}`,
        position,
        ...(spec ? { spec } : {}),
        ...(markPrice !== undefined ? { markPrice } : {}),
        ...(liquidationPrice !== undefined ? { liquidationPrice } : {}),
      };
    });
}

/** Newest first, as Kraken sends them; ids are Kraken's order ids. */
export function orderNodes(orders: readonly OpenOrder[], contracts: ContractBook): OrderNode[] {
  return orders.map((order) => {
    const spec = contracts.get(order.symbol);
    return { kind: 'order', id: `order:${order.order_id}`, order, ...(spec ? { spec } : {}) };
  });
}

export function messageNode(scope: string, severity: MessageNode['severity'], label: string, detail?: string, hint?: string): MessageNode {
  return { kind: 'message', id: `message:${scope}:${severity}`, severity, label, ...(detail ? { detail } : {}), ...(hint ? { hint } : {}) };
}
