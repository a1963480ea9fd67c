import type { Ticker } from '../../core/catalog';
import { decimalsOf, formatAmount, groupTitle, isFiatLike, sizeUnitOf, type ContractSpec, type MarginTier } from '../../core/orders';
import { Commands } from '../shared/commands';
import { childrenOf, type ExplorerNode, type InstrumentNode, type OrderNode, type PositionNode } from './explorerNodes';

/**
 * The one function from a node to what its row shows: label, description, tooltip (Markdown),
 * codicon, a stable id and the `contextValue` the menus in package.json match on. Pure data, so it
 * is unit-tested and benchmarked without VS Code; treeItems.ts turns it into a `vscode.TreeItem`.
 */

export interface NodePresentation {
  readonly id: string;
  readonly label: string;
  readonly description?: string;
  readonly tooltip?: string;
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

function formatSize(value: number, spec: ContractSpec | undefined): string {
  return formatAmount(value, spec?.sizePrecision !== undefined ? Math.max(spec.sizePrecision, 0) : 8);
}

function signed(value: number, decimals: number): string {
  return `${value > 0 ? '+' : ''}${formatAmount(value, decimals, Math.min(decimals, 2))}`;
}

function changeOf(ticker: Ticker | undefined): number | undefined {
  return typeof ticker?.change24h === 'number' && Number.isFinite(ticker.change24h) ? ticker.change24h : undefined;
}

function tiersText(spec: ContractSpec): string {
  const unit = spec.settlement === 'linear' ? `${spec.quote} notional` : 'contracts';
  return spec.marginTiers
    .map((t: MarginTier) => `${formatAmount(t.initialMargin * 100, 2)} % / ${formatAmount(t.maintenanceMargin * 100, 2)} % from ${formatAmount(t.from, 0)} ${unit}`)
    .join('; ');
}

function table(rows: ReadonlyArray<readonly [string, string | undefined]>): string {
  const kept = rows.filter((r): r is [string, string] => r[1] !== undefined && r[1] !== '');
  return ['| | |', '|---|---|', ...kept.map(([k, v]) => `| ${k} | ${v.replace(/\|/g, '\\|')} |`)].join('\n');
}

export function instrumentTooltip(spec: ContractSpec, ticker: Ticker | undefined): string {
  const price = (value: number | undefined) => (value === undefined ? undefined : `${formatPrice(value, spec)} ${spec.quote}`);
  const change = changeOf(ticker);
  const market = ticker
    ? table([
        ['Last', price(ticker.last)],
        ['Mark', price(ticker.markPrice)],
        ['Index', price(ticker.indexPrice)],
        ['Bid / ask', ticker.bid !== undefined && ticker.ask !== undefined ? `${formatPrice(ticker.bid, spec)} / ${formatPrice(ticker.ask, spec)}` : undefined],
        ['24 h change', change !== undefined ? `${signed(change, 2)} %` : undefined],
        ['24 h volume', ticker.vol24h !== undefined ? `${formatAmount(ticker.vol24h, 4)} ${sizeUnitOf(spec)}` : undefined],
        ['Open interest', ticker.openInterest !== undefined ? formatAmount(ticker.openInterest, 4) : undefined],
        ['Funding rate', ticker.fundingRate !== undefined ? `${ticker.fundingRate} (absolute, per contract)` : undefined],
        ['Suspended', ticker.suspended ? 'yes' : undefined],
      ])
    : '_No ticker for this contract._';
  const specs = table([
    ['Settlement', spec.settlement === 'linear' ? `linear: PnL and margin in ${spec.quote}` : `inverse: PnL and margin in ${spec.base}`],
    ['Tick size', spec.tickSize !== undefined ? `${formatAmount(spec.tickSize, 10)} ${spec.quote}` : 'not published'],
    ['Size step (minimum)', spec.sizeStep !== undefined ? `${formatAmount(spec.sizeStep, 10)} ${sizeUnitOf(spec)}` : 'not published'],
    ['Contract size', formatAmount(spec.contractSize, 10)],
    ['Max position', spec.maxPositionSize !== undefined ? formatAmount(spec.maxPositionSize, 4) : undefined],
    ['Margin (initial / maintenance)', spec.marginTiers.length > 0 ? tiersText(spec) : undefined],
    ['Funding', spec.fundingRateCoefficient !== undefined ? `coefficient ${spec.fundingRateCoefficient}${spec.maxRelativeFundingRate !== undefined ? `, max relative rate ${formatAmount(spec.maxRelativeFundingRate * 100, 4)} %` : ''}` : undefined],
    ['Last trading time', spec.lastTradingTime],
    ['Tradeable', spec.tradeable ? undefined : 'no'],
    ['Post-only market', spec.postOnly ? 'yes' : undefined],
  ]);
  return `**${spec.symbol}** · ${groupTitle(spec.group)} · ${spec.base}/${spec.quote}\n\n${market}\n\n**Contract specs**\n\n${specs}`;
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
    tooltip: instrumentTooltip(spec, ticker),
    icon: up ? 'arrow-up' : down ? 'arrow-down' : 'dash',
    ...(up ? { iconColor: 'charts.green' } : down ? { iconColor: 'charts.red' } : {}),
    contextValue: ContextValues.instrument,
    collapsible: 'none',
  };
}

function presentPosition(node: PositionNode): NodePresentation {
  const { position, spec } = node;
  const pnlCurrency = position.pnlCurrency ?? (spec ? (spec.settlement === 'linear' ? spec.quote : spec.base) : '');
  const pnl = position.unrealizedPnl;
  const pnlText = pnl !== undefined && pnl !== null ? `${signed(pnl, isFiatLike(pnlCurrency) ? 2 : 8)} ${pnlCurrency}`.trim() : undefined;
  const parts = [
    `${position.side} ${formatSize(position.size, spec)} @ ${formatPrice(position.price, spec)}`,
    node.markPrice !== undefined ? `mark ${formatPrice(node.markPrice, spec)}` : undefined,
    pnlText ? `uPnL ${pnlText}` : undefined,
    node.liquidationPrice !== undefined ? `liq ≈ ${formatPrice(node.liquidationPrice, spec)}` : undefined,
  ].filter((p): p is string => p !== undefined);
  const tooltip = `**${position.side.toUpperCase()} ${formatSize(position.size, spec)} ${position.symbol}**${spec ? ` (${sizeUnitOf(spec)})` : ''}\n\n${table([
    ['Entry price', formatPrice(position.price, spec)],
    ['Mark price', node.markPrice !== undefined ? formatPrice(node.markPrice, spec) : undefined],
    ['Unrealised PnL', pnlText],
    ['Unrealised funding', position.unrealizedFunding !== undefined && position.unrealizedFunding !== null ? String(position.unrealizedFunding) : undefined],
    ['Liquidation price', node.liquidationPrice !== undefined ? `≈ ${formatPrice(node.liquidationPrice, spec)} (estimate from the account's margin figures)` : 'not known (shared collateral or no figures)'],
    ['Margin mode', position.maxFixedLeverage ? `isolated, max leverage ${position.maxFixedLeverage}×` : 'cross'],
    ['Opened', position.fillTime],
  ])}`;
  const long = position.side === 'long';
  return {
    id: node.id,
    label: position.symbol.toUpperCase(),
    description: parts.join(' · '),
    tooltip,
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
  const tooltip = `**${order.side.toUpperCase()} ${formatSize(total, spec)} ${order.symbol}** · ${order.orderType}\n\n${table([
    ['Order id', `\`${order.order_id}\``],
    ['Client order id', order.cliOrdId ? `\`${order.cliOrdId}\`` : undefined],
    ['Status', order.status],
    ['Limit price', order.limitPrice !== undefined && order.limitPrice !== null ? formatPrice(order.limitPrice, spec) : undefined],
    ['Stop price', trigger ? formatPrice(order.stopPrice, spec) : undefined],
    ['Trigger signal', order.triggerSignal ?? undefined],
    ['Filled / open', `${formatSize(order.filledSize, spec)} / ${formatSize(order.unfilledSize, spec)}`],
    ['Reduce-only', order.reduceOnly ? 'yes' : 'no'],
    ['Received', order.receivedTime],
  ])}`;
  const buy = order.side === 'buy';
  return {
    id: node.id,
    label: `${order.side} ${formatSize(total, spec)} ${order.symbol.toUpperCase()}`,
    description: parts.join(' · '),
    tooltip,
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
        ...(node.detail ? { tooltip: node.detail } : {}),
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
        ...(node.hint || node.detail ? { tooltip: [node.detail, node.hint].filter(Boolean).join('\n\n') } : {}),
        ...MESSAGE_ICONS[node.severity],
        contextValue: node.severity === 'error' ? ContextValues.error : ContextValues.message,
        collapsible: 'none',
        ...(node.severity === 'error' ? { command: { command: Commands.refreshExplorer, title: 'Retry' } } : {}),
      };
  }
}
