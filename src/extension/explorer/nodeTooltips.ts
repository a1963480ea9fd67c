import type { Ticker } from '../../core/catalog';
import { formatAmount, groupTitle, sizeUnitOf, type ContractSpec, type MarginTier } from '../../core/orders';
import type { ExplorerNode, OrderNode, PositionNode } from './explorerNodes';
import { changeOf, formatPrice, formatSize, pnlTextOf, signed } from './nodePresentation';

/**
 * Hover texts (Markdown) of the explorer rows: market figures and contract specs of an instrument,
 * the details of a position or an order. Built on demand (TreeDataProvider.resolveTreeItem), not
 * for every row of every refresh. Pure.
 */

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

function positionTooltip(node: PositionNode): string {
  const { position, spec } = node;
  return `**${position.side.toUpperCase()} ${formatSize(position.size, spec)} ${position.symbol}**${spec ? ` (${sizeUnitOf(spec)})` : ''}\n\n${table([
    ['Entry price', formatPrice(position.price, spec)],
    ['Mark price', node.markPrice !== undefined ? formatPrice(node.markPrice, spec) : undefined],
    ['Unrealised PnL', pnlTextOf(node)],
    ['Unrealised funding', position.unrealizedFunding !== undefined && position.unrealizedFunding !== null ? String(position.unrealizedFunding) : undefined],
    ['Liquidation price', node.liquidationPrice !== undefined ? `≈ ${formatPrice(node.liquidationPrice, spec)} (estimate from the account's margin figures)` : 'not known (shared collateral or no figures)'],
    ['Margin mode', position.maxFixedLeverage ? `isolated, max leverage ${position.maxFixedLeverage}×` : 'cross'],
    ['Opened', position.fillTime],
  ])}`;
}

function orderTooltip(node: OrderNode): string {
  const { order, spec } = node;
  const total = order.filledSize + order.unfilledSize;
  const trigger = order.stopPrice !== undefined && order.stopPrice !== null;
  return `**${order.side.toUpperCase()} ${formatSize(total, spec)} ${order.symbol}** · ${order.orderType}\n\n${table([
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
}

export function nodeTooltip(node: ExplorerNode): string | undefined {
  switch (node.kind) {
    case 'instrument':
      return instrumentTooltip(node.spec, node.ticker);
    case 'position':
      return positionTooltip(node);
    case 'order':
      return orderTooltip(node);
    case 'accountRow':
      return node.detail;
    case 'message':
      return node.hint || node.detail ? [node.detail, node.hint].filter(Boolean).join('\n\n') : undefined;
    default:
      return undefined;
  }
}
