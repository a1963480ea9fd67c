/**
 * An order as a person composes it (quick order, close position): every number kept as the decimal
 * text that will be sent, so what was checked against the grid is byte for byte what goes out.
 */

/** The order types the quick order offers (trailing stops and fok stay in `.kfreq` files). */
export const QUICK_ORDER_TYPES = ['lmt', 'post', 'mkt', 'ioc', 'stp', 'take_profit'] as const;
export type QuickOrderType = (typeof QUICK_ORDER_TYPES)[number];
export type OrderSide = 'buy' | 'sell';

export interface OrderDraft {
  readonly symbol: string;
  readonly side: OrderSide;
  readonly orderType: QuickOrderType;
  readonly size: string;
  /** lmt, post, ioc: required. stp, take_profit: optional worst fill price (absent: market on trigger). */
  readonly limitPrice?: string;
  /** stp, take_profit: the trigger price. */
  readonly stopPrice?: string;
  readonly reduceOnly: boolean;
  readonly cliOrdId?: string;
}

export const ORDER_TYPE_LABELS: Readonly<Record<QuickOrderType, { readonly label: string; readonly detail: string }>> = {
  lmt: { label: 'Limit', detail: 'rests in the book at your price or better' },
  post: { label: 'Post-only limit', detail: 'rejected (postWouldExecute) instead of taking liquidity' },
  mkt: { label: 'Market', detail: 'immediate-or-cancel with 1 % price protection' },
  ioc: { label: 'Immediate-or-cancel limit', detail: 'fills what it can at your price or better, cancels the rest' },
  stp: { label: 'Stop', detail: 'a market order once the price crosses the stop price (stop-loss, breakout)' },
  take_profit: { label: 'Take profit', detail: 'a market order once the price reaches the take-profit price' },
};

/** Which price the order type needs at the price step. */
export function priceFieldOf(orderType: QuickOrderType): 'limitPrice' | 'stopPrice' | undefined {
  switch (orderType) {
    case 'lmt':
    case 'post':
    case 'ioc':
      return 'limitPrice';
    case 'stp':
    case 'take_profit':
      return 'stopPrice';
    case 'mkt':
      return undefined;
  }
}

export function oppositeSide(side: OrderSide): OrderSide {
  return side === 'buy' ? 'sell' : 'buy';
}

/**
 * The price to start from: the side of the book a resting order joins (buy at the bid, sell at
 * the ask), the far side for an order meant to execute now (ioc), and for triggers the side the
 * market has to move towards.
 */
export function suggestedPriceSource(orderType: QuickOrderType, side: OrderSide): 'bid' | 'ask' | undefined {
  switch (orderType) {
    case 'lmt':
    case 'post':
      return side === 'buy' ? 'bid' : 'ask';
    case 'ioc':
    case 'stp':
      return side === 'buy' ? 'ask' : 'bid';
    case 'take_profit':
      return side === 'buy' ? 'bid' : 'ask';
    case 'mkt':
      return undefined;
  }
}

/**
 * The sendorder parameters in the client's (and the catalog's) order, exactly as they will be
 * sent: the live guard is shown these, and the same pairs are then signed and sent.
 */
export function sendOrderParams(draft: OrderDraft): Array<[string, string]> {
  const params: Array<[string, string]> = [
    ['orderType', draft.orderType],
    ['symbol', draft.symbol],
    ['side', draft.side],
    ['size', draft.size.trim()],
  ];
  if (draft.limitPrice !== undefined && draft.limitPrice.trim() !== '') params.push(['limitPrice', draft.limitPrice.trim()]);
  if (draft.stopPrice !== undefined && draft.stopPrice.trim() !== '') params.push(['stopPrice', draft.stopPrice.trim()]);
  if (draft.cliOrdId !== undefined && draft.cliOrdId !== '') params.push(['cliOrdId', draft.cliOrdId]);
  if (draft.reduceOnly) params.push(['reduceOnly', 'true']);
  return params;
}

/** "Buy 0.01 PF_XBTUSD, limit 90000 (reduce-only)". */
export function describeDraft(draft: OrderDraft): string {
  const verb = draft.side === 'buy' ? 'Buy' : 'Sell';
  const type = ORDER_TYPE_LABELS[draft.orderType].label.toLowerCase();
  const price =
    draft.orderType === 'mkt'
      ? 'at market'
      : priceFieldOf(draft.orderType) === 'stopPrice'
        ? `${type} at ${draft.stopPrice ?? '?'}${draft.limitPrice ? `, limit ${draft.limitPrice}` : ''}`
        : `${type} ${draft.limitPrice ?? '?'}`;
  return `${verb} ${draft.size} ${draft.symbol}, ${price}${draft.reduceOnly ? ' (reduce-only)' : ''}`;
}
