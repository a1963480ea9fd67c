/**
 * The account's trading records. Everything that changes them is a `TradingEvent` (./events);
 * these are the shapes those events build up.
 */

export type Side = 'buy' | 'sell';

/** What the client asked for. `mkt` becomes an `ioc` with a protective limit, as on Kraken. */
export type RequestedOrderType = 'lmt' | 'post' | 'ioc' | 'mkt' | 'fok' | 'stp' | 'take_profit' | 'trailing_stop';
/** What an order is once it is in the book or being matched (Kraken's OrderJson `type`). */
export type WorkingOrderType = 'lmt' | 'post' | 'ioc' | 'fok';
export type TriggerOrderType = 'stp' | 'take_profit' | 'trailing_stop';
export type TriggerSignal = 'mark' | 'index' | 'last';

export interface Order {
  readonly orderId: string;
  readonly cliOrdId: string | null;
  readonly symbol: string;
  readonly side: Side;
  readonly type: WorkingOrderType;
  readonly requestedType: RequestedOrderType;
  quantity: number;
  filled: number;
  limitPrice: number;
  readonly reduceOnly: boolean;
  readonly receivedTime: number;
  lastUpdateTime: number;
}

export interface TrailingStop {
  readonly maxDeviation: number;
  readonly unit: 'PERCENT' | 'QUOTE_CURRENCY';
  /** The best signal price seen since placement (highest for a sell stop, lowest for a buy). */
  extreme: number;
}

export interface LimitOffset {
  readonly value: number;
  readonly unit: 'PERCENT' | 'QUOTE_CURRENCY';
}

export interface TriggerOrder {
  readonly orderId: string;
  readonly cliOrdId: string | null;
  readonly symbol: string;
  readonly side: Side;
  readonly orderType: TriggerOrderType;
  quantity: number;
  /** Limit of the order placed on activation; null places a market (protected ioc) order. */
  limitPrice: number | null;
  triggerPrice: number;
  readonly triggerSide: 'above' | 'below';
  readonly triggerSignal: TriggerSignal;
  readonly reduceOnly: boolean;
  readonly receivedTime: number;
  lastUpdateTime: number;
  readonly trailing: TrailingStop | null;
  readonly limitOffset: LimitOffset | null;
}

export interface Position {
  readonly symbol: string;
  /** Signed: positive is long. In contracts. */
  size: number;
  /** Average entry price (harmonic for inverse contracts). */
  price: number;
  fillTime: number;
}

export type FillType = 'maker' | 'taker' | 'takerAfterEdit';

export interface Fill {
  readonly fillId: string;
  readonly orderId: string;
  readonly cliOrdId: string | null;
  readonly symbol: string;
  readonly side: Side;
  readonly size: number;
  readonly price: number;
  readonly fillTime: number;
  readonly fillType: FillType;
  readonly fee: number;
  readonly feeCurrency: string;
  readonly realizedPnl: number;
  readonly markPrice: number;
  /** Position after this fill (signed). */
  readonly positionSize: number;
  readonly orderType: WorkingOrderType;
  readonly limitPrice: number;
  readonly orderQuantity: number;
  readonly orderReceivedTime: number;
  readonly reduceOnly: boolean;
}

/** Why an order left the book; reported by orders/status and the history API. */
export type CloseReason =
  | 'CANCELLED_BY_USER' | 'DEAD_MAN_SWITCH' | 'FULL_FILL' | 'IOC_REMAINDER' | 'REDUCE_ONLY_NOTHING_TO_REDUCE' | 'EXPIRED'
  /** A trigger fired but its order would have traded with the account's own resting order. */
  | 'ACTIVATION_FAILED';

export interface ClosedOrder {
  readonly order: Order | null;
  readonly trigger: TriggerOrder | null;
  readonly reason: CloseReason;
  readonly closedAt: number;
}
