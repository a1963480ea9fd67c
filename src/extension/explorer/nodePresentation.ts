import type { Ticker } from '../../core/catalog';
import { decimalsOf, formatAmount, groupTitle, isFiatLike, type ContractSpec } from '../../core/orders';
import { Commands } from '../shared/commands';
import { childrenOf, type ExplorerNode, type InstrumentNode, type OrderNode, type PositionNode } from './explorerNodes';

/**
 * The one function from a node to what its row shows: label, description, codicon, a stable id and
 * the `contextValue` the menus in package.json match on. Pure data, so it is unit-tested and
 * benchmarked without VS Code; treeItems.ts turns it into a `vscode.TreeItem`. Tooltips are built
 * only when a row is hovered (nodeTooltips.ts), since most rows of a long list never are.
 */

export interface NodePresentation {
  readonly id: string;
  readonly label: string;
  readonly description?: string;
  readonly icon: string;
  /** A theme colour id for the icon, e.g. `charts.green`. */
  readonly iconColor?: string;
  readonly contextValue?: string;
  readonly collapsible: 'none' | 'collapsed' | 'expanded';
  readonly command?: { readonly command: string; readonly title: string };
}

/** Context values the menus match on (`viewItem == instrument`, `viewItem =~ /^order/`). */
export const ContextValues = {
  instrument: 'instrument',
  position: 'position',
  order: 'order',
  triggerOrder: 'order.trigger',
  group: 'group',
  account: 'account',
  accountRow: 'accountRow',
  error: 'message.error',
  message: 'message',
} as const;

export function formatPrice(value: number | undefined | null, spec: ContractSpec | undefined): string {
  if (value === undefined || value === null || !Number.isFinite(value)) return '–';
  const decimals = spec?.tickSize !== undefined ? decimalsOf(spec.tickSize) : 8;
  return formatAmount(value, Math.max(decimals, 0), spec?.tickSize !== undefined ? decimals : 0);
}

export function formatSize(value: number, spec: ContractSpec | undefined): string {
  return formatAmount(value, spec?.sizePrecision !== undefined ? Math.max(spec.sizePrecision, 0) : 8);
}

/** "+1.23", "-0.50", and "0.00" for values that round to zero (never "-0.00"). */
export function signed(value: number, decimals: number): string {
  const text = formatAmount(value, decimals, Math.min(decimals, 2));
  if (/^-?[0.]+$/.test(text)) return text.replace('-', '');
  return `${value > 0 ? '+' : ''}${text}`;
}

export function changeOf(ticker: Ticker | undefined): number | undefined {
  return typeof ticker?.change24h === 'number' && Number.isFinite(ticker.change24h) ? ticker.change24h : undefined;
}

function presentInstrument(node: InstrumentNode): NodePresentation {
  const { spec, ticker } = node;
  const change = changeOf(ticker);
  const parts: string[] = [];
  if (!spec.tradeable) parts.push('not tradeable');
  if (ticker) {
    parts.push(`${formatPrice(ticker.last ?? ticker.markPrice, spec)}`, `mark ${formatPrice(ticker.markPrice, spec)}`);
    if (change !== undefined) parts.push(`${signed(change, 2)} %`);
  } else {
    parts.push('no ticker');
  }
  const up = change !== undefined && change > 0;
  const down = change !== undefined && change < 0;
  return {
    id: node.id,
    label: spec.symbol,
    description: parts.join(' · '),
    icon: up ? 'arrow-up' : down ? 'arrow-down' : 'dash',
    ...(up ? { iconColor: 'charts.green' } : down ? { iconColor: 'charts.red' } : {}),
    contextValue: ContextValues.instrument,
    collapsible: 'none',
  };
}

/** "+12.34 USD": the unrealised PnL in its currency (USD for linear, the coin for inverse contracts). */
export function pnlTextOf(node: PositionNode): string | undefined {
  const { position, spec } = node;
  const currency = position.pnlCurrency ?? (spec ? (spec.settlement === 'linear' ? spec.quote : spec.base) : '');
  const pnl = position.unrealizedPnl;
  return pnl !== undefined && pnl !== null ? `${signed(pnl, isFiatLike(currency) ? 2 : 8)} ${currency}`.trim() : undefined;
}

function presentPosition(node: PositionNode): NodePresentation {
  const { position, spec } = node;
  const pnlText = pnlTextOf(node);
  const parts = [
    `${position.side} ${formatSize(position.size, spec)} @ ${formatPrice(position.price, spec)}`,
    node.markPrice !== undefined ? `mark ${formatPrice(node.markPrice, spec)}` : undefined,
    pnlText ? `uPnL ${pnlText}` : undefined,
    node.liquidationPrice !== undefined ? `liq ≈ ${formatPrice(node.liquidationPrice, spec)}` : undefined,
  ].filter((p): p is string => p !== undefined);
  const long = position.side === 'long';
  return {
    id: node.id,
    label: position.symbol.toUpperCase(),
    description: parts.join(' · '),
    icon: long ? 'arrow-up' : 'arrow-down',
    iconColor: long ? 'charts.green' : 'charts.red',
    contextValue: ContextValues.position,
    collapsible: 'none',
  };
}

function presentOrder(node: OrderNode): NodePresentation {
  const { order, spec } = node;
  const total = order.filledSize + order.unfilledSize;
  const trigger = order.stopPrice !== undefined && order.stopPrice !== null;
  const priceParts: string[] = [];
  if (trigger) priceParts.push(`trigger ${formatPrice(order.stopPrice, spec)}${order.triggerSignal ? ` (${order.triggerSignal})` : ''}`);
  if (order.limitPrice !== undefined && order.limitPrice !== null) priceParts.push(`${trigger ? 'limit ' : ''}${formatPrice(order.limitPrice, spec)}`);
  const parts = [
    `${order.orderType}${priceParts.length ? ` ${priceParts.join(', ')}` : ''}`,
    `filled ${formatSize(order.filledSize, spec)} of ${formatSize(total, spec)}`,
    order.reduceOnly ? 'reduce-only' : undefined,
  ].filter((p): p is string => p !== undefined);
  const buy = order.side === 'buy';
  return {
    id: node.id,
    label: `${order.side} ${formatSize(total, spec)} ${order.symbol.toUpperCase()}`,
    description: parts.join(' · '),
    icon: trigger ? 'watch' : buy ? 'arrow-small-up' : 'arrow-small-down',
    iconColor: buy ? 'charts.green' : 'charts.red',
    contextValue: trigger ? ContextValues.triggerOrder : ContextValues.order,
    collapsible: 'none',
  };
}

const MESSAGE_ICONS = {
  loading: { icon: 'loading~spin' },
  error: { icon: 'error', iconColor: 'list.errorForeground' },
  warning: { icon: 'warning', iconColor: 'list.warningForeground' },
  info: { icon: 'info' },
} as const;

export function presentNode(node: ExplorerNode): NodePresentation {
  switch (node.kind) {
    case 'group':
      return {
        id: node.id,
        label: groupTitle(node.group),
        description: node.children.length === node.total ? `${node.total}` : `${node.children.length} of ${node.total}`,
        icon: 'folder',
        contextValue: ContextValues.group,
        collapsible: 'expanded',
      };
    case 'instrument':
      return presentInstrument(node);
    case 'position':
      return presentPosition(node);
    case 'order':
      return presentOrder(node);
    case 'account':
      return {
        id: node.id,
        label: node.title,
        ...(node.summary ? { description: node.summary } : {}),
        icon: node.key === 'cash' ? 'credit-card' : 'account',
        contextValue: ContextValues.account,
        collapsible: childrenOf(node).length > 0 ? 'expanded' : 'none',
      };
    case 'accountRow':
      return {
        id: node.id,
        label: node.label,
        description: node.value,
        icon: node.emphasis ? 'star-full' : 'circle-small',
        ...(node.emphasis ? { iconColor: 'charts.yellow' } : {}),
        contextValue: ContextValues.accountRow,
        collapsible: 'none',
      };
    case 'message':
      return {
        id: node.id,
        label: node.label,
        ...(node.detail ? { description: node.detail } : {}),
        ...MESSAGE_ICONS[node.severity],
        contextValue: node.severity === 'error' ? ContextValues.error : ContextValues.message,
        collapsible: 'none',
        ...(node.severity === 'error' ? { command: { command: Commands.refreshExplorer, title: 'Retry' } } : {}),
      };
  }
}
