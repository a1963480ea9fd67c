import type { TradingEvent } from './events';
import type { CloseReason, Fill, Order, TriggerOrder } from './types';

/**
 * Keeps what the history API (`/api/history/v2|v3/...`) reports: order, trigger, execution and
 * position events, plus the account log. Elements are rendered in Kraken's shapes when recorded
 * (numbers as decimal strings, times in epoch ms), because later changes to an order must not
 * rewrite what was reported about it earlier.
 */

export interface HistoryElement {
  readonly uid: string;
  readonly timestamp: number;
  readonly event: Record<string, unknown>;
  readonly tradeable: string;
  /** The order the event is about, for the `opened` / `closed` filters of orders and triggers. */
  readonly orderId: string | null;
}

export interface AccountLogEntry {
  readonly id: number;
  readonly date: number;
  readonly info: string;
  readonly [field: string]: unknown;
}

export interface ExecutionContext {
  readonly oldSize: number;
  readonly newSize: number;
  readonly oldPrice: number;
  readonly newPrice: number;
  readonly account: string;
  readonly settle: string;
  readonly cashBefore: number;
  readonly cashAfter: number;
}

const dec = (n: number | null): string | null => (n === null ? null : String(n));

const ORDER_TYPES: Record<string, string> = { lmt: 'Limit', post: 'Post', ioc: 'IoC', fok: 'IoC' };
const REASONS: Record<CloseReason, string> = {
  CANCELLED_BY_USER: 'cancelled_by_user', DEAD_MAN_SWITCH: 'dead_man_switch', FULL_FILL: 'full_fill',
  IOC_REMAINDER: 'ioc_order_failed_because_it_would_not_be_executed', REDUCE_ONLY_NOTHING_TO_REDUCE: 'reduce_only_nothing_to_reduce',
  EXPIRED: 'contract_expired', ACTIVATION_FAILED: 'self_fill',
};

/** Everything the recorder holds, as plain JSON (for a `--state` snapshot). */
export interface HistorySnapshot {
  readonly orders: HistoryElement[];
  readonly triggers: HistoryElement[];
  readonly executions: HistoryElement[];
  readonly positions: HistoryElement[];
  readonly accountLog: AccountLogEntry[];
  readonly seq: number;
}

export class HistoryRecorder {
  readonly orders: HistoryElement[] = [];
  readonly triggers: HistoryElement[] = [];
  readonly executions: HistoryElement[] = [];
  readonly positions: HistoryElement[] = [];
  readonly accountLog: AccountLogEntry[] = [];
  private seq = 0;

  constructor(private readonly accountUid: string) {}

  snapshot(): HistorySnapshot {
    return { orders: this.orders, triggers: this.triggers, executions: this.executions, positions: this.positions, accountLog: this.accountLog, seq: this.seq };
  }

  /** Into a recorder that has recorded nothing yet. */
  restore(s: HistorySnapshot): void {
    this.orders.push(...s.orders);
    this.triggers.push(...s.triggers);
    this.executions.push(...s.executions);
    this.positions.push(...s.positions);
    this.accountLog.push(...s.accountLog);
    this.seq = s.seq;
  }

  historicalOrder(o: Order): Record<string, unknown> {
    return {
      uid: o.orderId, accountUid: this.accountUid, tradeable: o.symbol, direction: o.side === 'buy' ? 'Buy' : 'Sell',
      quantity: dec(o.quantity), filled: dec(o.filled), limitPrice: dec(o.limitPrice), timestamp: o.receivedTime,
      lastUpdateTimestamp: o.lastUpdateTime, orderType: o.requestedType === 'mkt' ? 'Market' : ORDER_TYPES[o.type],
      clientId: o.cliOrdId ?? '', reduceOnly: o.reduceOnly, spotData: null,
    };
  }

  historicalTrigger(t: TriggerOrder): Record<string, unknown> {
    const signal = { mark: 'MarkPrice', index: 'SpotPrice', last: 'LastPrice' }[t.triggerSignal];
    return {
      uid: t.orderId, accountId: this.accountUid, tradeable: t.symbol, direction: t.side === 'buy' ? 'Buy' : 'Sell',
      quantity: dec(t.quantity), timestamp: t.receivedTime, lastUpdateTimestamp: t.lastUpdateTime, clientId: t.cliOrdId ?? '',
      reduceOnly: t.reduceOnly, limitPrice: dec(t.limitPrice), orderType: t.limitPrice === null ? 'Market' : 'Limit',
      triggerOptions: {
        triggerPrice: dec(t.triggerPrice), triggerSignal: signal, triggerSide: t.triggerSide === 'above' ? 'Above' : 'Below',
        trailingStopOptions: t.trailing ? { maxDeviation: dec(t.trailing.maxDeviation), unit: t.trailing.unit } : null,
        limitPriceOffset: t.limitOffset ? { priceOffset: dec(t.limitOffset.value), unit: t.limitOffset.unit } : null,
      },
    };
  }

  orderPlaced(o: Order, t: number): void {
    this.push(this.orders, t, o.symbol, o.orderId, { OrderPlaced: { order: this.historicalOrder(o), reason: 'new_user_order', reducedQuantity: '' } });
  }

  orderRejected(e: Extract<TradingEvent, { k: 'orderRejected' }>): void {
    if (e.order) {
      this.push(this.orders, e.t, e.order.symbol, e.order.orderId, { OrderRejected: { order: this.historicalOrder(e.order), reason: e.status, orderError: e.status } });
    } else if (e.trigger) {
      this.push(this.triggers, e.t, e.trigger.symbol, e.trigger.orderId, { OrderTriggerRejected: { orderTrigger: this.historicalTrigger(e.trigger), reason: e.status } });
    }
  }

  orderUpdated(before: Order, after: Order, reason: string, t: number): void {
    this.push(this.orders, t, after.symbol, after.orderId, {
      OrderUpdated: { oldOrder: this.historicalOrder(before), newOrder: this.historicalOrder(after), reason: reason.toLowerCase(), reducedQuantity: '' },
    });
  }

  orderCancelled(o: Order, reason: CloseReason, t: number): void {
    this.push(this.orders, t, o.symbol, o.orderId, { OrderCancelled: { order: this.historicalOrder(o), reason: REASONS[reason] } });
  }

  triggerEvent(kind: string, trigger: TriggerOrder, t: number): void {
    this.push(this.triggers, t, trigger.symbol, trigger.orderId, { [kind]: { orderTrigger: this.historicalTrigger(trigger) } });
  }

  execution(prior: Order, after: Order, fill: Fill, ctx: ExecutionContext): void {
    const usdValue = fill.size * fill.price;
    this.push(this.executions, fill.fillTime, fill.symbol, fill.orderId, {
      Execution: {
        execution: {
          uid: fill.fillId, order: this.historicalOrder(prior), timestamp: fill.fillTime, quantity: dec(fill.size),
          price: dec(fill.price), markPrice: dec(fill.markPrice), limitFilled: after.filled >= after.quantity,
          executionType: fill.fillType === 'maker' ? 'maker' : 'taker', usdValue: dec(usdValue),
          orderData: { fee: dec(fill.fee), positionSize: dec(fill.positionSize), feeCalculationInfo: [] },
        },
        takerReducedQuantity: '',
      },
    }, fill.fillId);
    this.push(this.positions, fill.fillTime, fill.symbol, null, {
      PositionUpdate: {
        tradeable: fill.symbol, oldPosition: dec(ctx.oldSize), newPosition: dec(ctx.newSize),
        oldAverageEntryPrice: dec(ctx.oldPrice), newAverageEntryPrice: dec(ctx.newPrice), fillTime: fill.fillTime,
        fee: dec(fill.fee), feeCurrency: fill.feeCurrency, realizedPnL: dec(fill.realizedPnl), positionChange: dec(ctx.newSize - ctx.oldSize),
        executionUid: fill.fillId, executionPrice: dec(fill.price), executionSize: dec(fill.size), tradeType: fill.fillType,
        realizedFunding: '0', timestamp: fill.fillTime, updateReason: 'trade',
      },
    });
    const contract = fill.symbol.toLowerCase();
    const common = {
      contract, booking_uid: fill.fillId, collateral: null, execution: fill.fillId, funding_rate: null, margin_account: ctx.account,
      mark_price: fill.markPrice, trade_price: fill.price, realized_funding: null, conversion_spread_percentage: null, liquidation_fee: null,
    };
    this.log(fill.fillTime, 'futures trade', {
      ...common, asset: contract, fee: null, realized_pnl: null, old_balance: ctx.oldSize, new_balance: ctx.newSize,
      old_average_entry_price: ctx.oldPrice, new_average_entry_price: ctx.newPrice,
    });
    this.log(fill.fillTime, 'futures trade', {
      ...common, asset: ctx.settle.toLowerCase(), fee: fill.fee, realized_pnl: fill.realizedPnl, old_balance: ctx.cashBefore,
      new_balance: ctx.cashAfter, old_average_entry_price: null, new_average_entry_price: null,
    });
  }

  deposit(e: Extract<TradingEvent, { k: 'deposit' }>, newBalance: number): void {
    this.log(e.t, 'admin transfer', this.cashRow(e.account, e.currency, newBalance - e.amount, newBalance));
  }

  transfer(e: Extract<TradingEvent, { k: 'transfer' }>, fromBalance: number, toBalance: number): void {
    this.log(e.t, 'transfer', this.cashRow(e.from, e.currency, fromBalance + e.amount, fromBalance));
    this.log(e.t, 'transfer', this.cashRow(e.to, e.currency, toBalance - e.amount, toBalance));
  }

  private cashRow(account: string, currency: string, oldBalance: number, newBalance: number): Record<string, unknown> {
    return {
      asset: currency.toLowerCase(), contract: null, booking_uid: null, collateral: null, execution: null, fee: null, funding_rate: null,
      margin_account: account, mark_price: null, trade_price: null, realized_funding: null, realized_pnl: null,
      old_balance: oldBalance, new_balance: newBalance, old_average_entry_price: null, new_average_entry_price: null,
      conversion_spread_percentage: null, liquidation_fee: null,
    };
  }

  private log(date: number, info: string, fields: Record<string, unknown>): void {
    this.accountLog.push({ id: this.accountLog.length + 1, date, info, ...fields });
  }

  private push(list: HistoryElement[], t: number, tradeable: string, orderId: string | null, event: Record<string, unknown>, uid?: string): void {
    this.seq += 1;
    // Element ids are derived from a counter so that a replayed journal reproduces them exactly.
    list.push({ uid: uid ?? `${this.accountUid.slice(0, 8)}-0000-4000-8000-${String(this.seq).padStart(12, '0')}`, timestamp: t, event, tradeable, orderId });
  }
}
