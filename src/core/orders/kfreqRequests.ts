import { formatNumber } from '../catalog';
import { oppositeSide, sendOrderParams, type OrderDraft } from './orderDraft';

/**
 * The `.kfreq` text equivalent to what the explorer shows or does: the request behind an order,
 * a position's closing order, an instrument's order book or ticker. Order-changing requests are
 * pinned with `# @env` to the environment they came from, so a file generated from a demo or local
 * account cannot be sent to live by switching environments.
 */

const V3 = '/derivatives/api/v3';

export interface KfreqContext {
  /** Environment id to pin order-changing requests to (`local`, `live`, ...). */
  readonly environmentId?: string;
  readonly environmentLabel?: string;
}

/** The fields of an open order needed to write its requests (a subset of `/openorders` entries). */
export interface OrderFacts {
  readonly order_id: string;
  readonly cliOrdId?: string | null;
  readonly symbol: string;
  readonly side: 'buy' | 'sell';
  readonly orderType: string;
  readonly limitPrice?: number | null;
  readonly stopPrice?: number | null;
  readonly unfilledSize: number;
  readonly filledSize: number;
  readonly reduceOnly?: boolean;
  readonly triggerSignal?: string | null;
}

export interface PositionFacts {
  readonly symbol: string;
  readonly side: 'long' | 'short';
  readonly size: number;
}

interface Block {
  readonly title: string;
  readonly comments?: readonly string[];
  readonly name?: string;
  readonly pin?: boolean;
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly params?: ReadonlyArray<readonly [string, string]>;
  readonly asserts?: readonly string[];
}

const DIRECTIVE_ARGUMENT = /^[A-Za-z_][\w-]*$/;

function header(what: string, context: KfreqContext): string[] {
  const from = context.environmentLabel ? ` (${context.environmentLabel})` : '';
  return [`# ${what}${from}, written by Kraken Futures Workbench.`, '# Run a request with its code lens, or `kfreq run <file>` from a terminal.', ''];
}

function renderBlock(block: Block, context: KfreqContext): string[] {
  const lines = [`### ${block.title}`];
  for (const comment of block.comments ?? []) lines.push(`# ${comment}`);
  if (block.name) lines.push(`# @name ${block.name}`);
  if (block.pin && context.environmentId && DIRECTIVE_ARGUMENT.test(context.environmentId)) lines.push(`# @env ${context.environmentId}`);
  for (const check of block.asserts ?? []) lines.push(`# @assert ${check}`);
  lines.push(`${block.method} ${block.path}`);
  for (const [key, value] of block.params ?? []) lines.push(`${key} = ${value}`);
  lines.push('');
  return lines;
}

function render(what: string, blocks: readonly Block[], context: KfreqContext): string {
  return [...header(what, context), ...blocks.flatMap((b) => renderBlock(b, context))].join('\n');
}

function sendOrderBlock(draft: OrderDraft, title: string, comments: readonly string[] = []): Block {
  return {
    title,
    comments,
    name: 'placed',
    pin: true,
    method: 'POST',
    path: `${V3}/sendorder`,
    params: sendOrderParams(draft),
    asserts: ['body.sendStatus.status == placed'],
  };
}

/** One sendorder request for a draft (quick order's "copy as .kfreq"). */
export function kfreqForDraft(draft: OrderDraft, context: KfreqContext = {}): string {
  return render('A new order', [sendOrderBlock(draft, `${draft.side} ${draft.size} ${draft.symbol} (${draft.orderType})`)], context);
}

/** The order as an equivalent sendorder for its open remainder, then cancel and status requests for it. */
export function kfreqForOrder(order: OrderFacts, context: KfreqContext = {}): string {
  const trigger = order.stopPrice !== undefined && order.stopPrice !== null;
  const type = trigger ? (order.orderType === 'take_profit' ? 'take_profit' : 'stp') : order.orderType === 'post' ? 'post' : 'lmt';
  const params: Array<[string, string]> = [
    ['orderType', type],
    ['symbol', order.symbol],
    ['side', order.side],
    ['size', formatNumber(order.unfilledSize)],
  ];
  if (order.limitPrice !== undefined && order.limitPrice !== null) params.push(['limitPrice', formatNumber(order.limitPrice)]);
  if (trigger) params.push(['stopPrice', formatNumber(order.stopPrice as number)]);
  if (trigger && order.triggerSignal && ['mark', 'index', 'last'].includes(order.triggerSignal)) params.push(['triggerSignal', order.triggerSignal]);
  if (order.reduceOnly) params.push(['reduceOnly', 'true']);
  const ref: Array<[string, string]> = [['order_id', order.order_id]];
  return render(`Open order ${order.order_id}`, [
    { title: 'Status of this order', method: 'POST', path: `${V3}/orders/status`, params: [['orderIds', order.order_id]], asserts: ['body.orders[0].order.orderId exists'] },
    { title: 'Cancel this order', pin: true, method: 'POST', path: `${V3}/cancelorder`, params: ref, asserts: ['body.cancelStatus.status == cancelled'] },
    {
      title: 'The same order placed again (its open remainder)',
      comments: [`Filled so far: ${formatNumber(order.filledSize)}. Sending this places a NEW order; the one above stays open.`],
      name: 'placed',
      pin: true,
      method: 'POST',
      path: `${V3}/sendorder`,
      params,
      asserts: ['body.sendStatus.status == placed'],
    },
  ], context);
}

/** The reduce-only market order that closes a position, after a look at the open positions. */
export function kfreqForPosition(position: PositionFacts, context: KfreqContext = {}): string {
  const close: OrderDraft = {
    symbol: position.symbol,
    side: oppositeSide(position.side === 'long' ? 'buy' : 'sell'),
    orderType: 'mkt',
    size: formatNumber(position.size),
    reduceOnly: true,
  };
  return render(`Position ${position.side} ${formatNumber(position.size)} ${position.symbol}`, [
    { title: 'Open positions', method: 'GET', path: `${V3}/openpositions`, asserts: ['body.result == success'] },
    sendOrderBlock(close, `Close the ${position.side} position with a reduce-only market order`, [
      'Reduce-only: it can only shrink the position, never open a new one the other way.',
    ]),
  ], context);
}

export function kfreqForOrderBook(symbol: string, context: KfreqContext = {}): string {
  return render(`Order book of ${symbol}`, [
    { title: `Order book of ${symbol}`, method: 'GET', path: `${V3}/orderbook`, params: [['symbol', symbol]], asserts: ['body.orderBook.bids exists'] },
  ], context);
}

export function kfreqForTicker(symbol: string, context: KfreqContext = {}): string {
  return render(`Ticker of ${symbol}`, [
    { title: `Ticker of ${symbol}`, method: 'GET', path: `${V3}/tickers/${symbol}`, asserts: ['body.ticker.markPrice exists'] },
  ], context);
}
