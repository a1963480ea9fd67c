import { roundTo } from '../market/decimals';
import type { InstrumentRegistry, InstrumentSpec } from '../market/instruments';
import type { PublicTrade } from '../market/tradeTape';
import type { TradingEvent } from './events';
import { HistoryRecorder, type HistorySnapshot } from './historyRecorder';
import { OrderIndex } from './orderIndex';
import { applyFill } from './positionMath';
import type { ClosedOrder, Fill, Order, Position, TriggerOrder } from './types';

/**
 * The account in memory. `apply` is the only way it changes, and it is deterministic: replaying
 * the journal's events rebuilds exactly the state that was acknowledged.
 */

const OWN_TRADES_KEPT = 200;

/**
 * The whole account as plain JSON, for a `--state` snapshot: restoring it gives the same state as
 * replaying every event that led to it. Maps are kept as entry lists, in their order.
 */
export interface AccountSnapshot {
  readonly orders: Array<[string, Order]>;
  readonly triggers: Array<[string, TriggerOrder]>;
  readonly closed: Array<[string, ClosedOrder]>;
  readonly positions: Array<[string, Position]>;
  readonly balances: Array<[string, Array<[string, number]>]>;
  readonly fills: Fill[];
  readonly leverage: Array<[string, number]>;
  readonly pnlCurrency: Array<[string, string]>;
  readonly history: HistorySnapshot;
  readonly pending: Array<[string, { buy: number; sell: number }]>;
  readonly deadManSwitch: number | null;
  readonly triggerRevision: number;
  readonly cliIndex: Array<[string, string]>;
  readonly closedByClient: Array<[string, string]>;
  readonly ownTrades: Array<[string, PublicTrade[]]>;
}

export class AccountState {
  readonly orders = new Map<string, Order>();
  readonly triggers = new Map<string, TriggerOrder>();
  readonly closed = new Map<string, ClosedOrder>();
  readonly positions = new Map<string, Position>();
  /** account name (`flex`, `cash`, `fi_xbtusd`) -> currency (upper case) -> quantity */
  readonly balances = new Map<string, Map<string, number>>();
  readonly fills: Fill[] = [];
  readonly leverage = new Map<string, number>();
  readonly pnlCurrency = new Map<string, string>();
  readonly history: HistoryRecorder;
  readonly index = new OrderIndex();
  deadManSwitch: number | null = null;
  /** Bumped when a trigger order is placed or edited, so the tick looks at it without waiting. */
  triggerRevision = 0;
  private readonly cliIndex = new Map<string, string>();
  /** cliOrdId -> id of the last closed order that carried it (orders/status looks back 5 s). */
  readonly closedByClient = new Map<string, string>();
  private readonly ownTrades = new Map<string, PublicTrade[]>();

  constructor(readonly instruments: InstrumentRegistry, readonly accountUid: string) {
    this.history = new HistoryRecorder(accountUid);
  }

  snapshot(): AccountSnapshot {
    return {
      orders: [...this.orders], triggers: [...this.triggers], closed: [...this.closed], positions: [...this.positions],
      balances: [...this.balances].map(([account, wallet]) => [account, [...wallet]]),
      fills: this.fills, leverage: [...this.leverage], pnlCurrency: [...this.pnlCurrency], history: this.history.snapshot(),
      pending: this.index.pendingEntries(), deadManSwitch: this.deadManSwitch, triggerRevision: this.triggerRevision,
      cliIndex: [...this.cliIndex], closedByClient: [...this.closedByClient], ownTrades: [...this.ownTrades],
    };
  }

  /** Into a state that has applied nothing yet; `s` must be a parsed copy (it is taken over, not copied). */
  restore(s: AccountSnapshot): void {
    for (const [id, order] of s.orders) {
      this.orders.set(id, order);
      if (AccountState.rests(order)) this.index.insert(order);
    }
    for (const [id, trigger] of s.triggers) this.triggers.set(id, trigger);
    for (const [id, closed] of s.closed) this.closed.set(id, closed);
    for (const [symbol, position] of s.positions) this.positions.set(symbol, position);
    for (const [account, wallet] of s.balances) this.balances.set(account, new Map(wallet));
    this.fills.push(...s.fills);
    for (const [symbol, value] of s.leverage) this.leverage.set(symbol, value);
    for (const [symbol, value] of s.pnlCurrency) this.pnlCurrency.set(symbol, value);
    this.history.restore(s.history);
    this.index.restorePending(s.pending);
    this.deadManSwitch = s.deadManSwitch;
    this.triggerRevision = s.triggerRevision;
    for (const [cli, id] of s.cliIndex) this.cliIndex.set(cli, id);
    for (const [cli, id] of s.closedByClient) this.closedByClient.set(cli, id);
    for (const [symbol, trades] of s.ownTrades) this.ownTrades.set(symbol, trades);
  }

  balance(account: string, currency: string): number {
    return this.balances.get(account)?.get(currency.toUpperCase()) ?? 0;
  }

  orderIdForClient(cliOrdId: string): string | undefined {
    return this.cliIndex.get(cliOrdId);
  }

  tradesOf(symbol: string): readonly PublicTrade[] {
    return this.ownTrades.get(symbol) ?? [];
  }

  /** Resting orders of one symbol and side, best price first, then oldest first (live; do not mutate). */
  book(symbol: string, side: 'buy' | 'sell'): readonly Order[] {
    return this.index.book(symbol, side);
  }

  private static rests(order: Order): boolean {
    return order.type === 'lmt' || order.type === 'post';
  }

  /** Open quantity of an order that margin is charged on (reduce-only orders never add exposure). */
  private track(order: Pick<Order, 'symbol' | 'side' | 'reduceOnly'>, amount: number): void {
    if (!order.reduceOnly) this.index.addPending(order.symbol, order.side, amount);
  }

  apply(e: TradingEvent): void {
    switch (e.k) {
      case 'deposit':
        this.credit(e.account, e.currency, e.amount);
        this.history.deposit(e, this.balance(e.account, e.currency));
        return;
      case 'orderOpened': {
        const order = { ...e.order };
        this.orders.set(order.orderId, order);
        if (order.cliOrdId) this.cliIndex.set(order.cliOrdId, order.orderId);
        if (AccountState.rests(order)) this.index.insert(order);
        this.track(order, order.quantity - order.filled);
        this.history.orderPlaced(order, e.t);
        return;
      }
      case 'orderRejected':
        this.history.orderRejected(e);
        return;
      case 'execution':
        this.applyExecution(e);
        return;
      case 'orderEdited': {
        const order = this.orders.get(e.orderId);
        if (!order) return;
        const before = { ...order };
        this.index.remove(order);
        this.track(order, -(order.quantity - order.filled));
        order.quantity = e.quantity;
        order.limitPrice = e.limitPrice;
        order.lastUpdateTime = e.t;
        if (AccountState.rests(order)) this.index.insert(order);
        this.track(order, order.quantity - order.filled);
        this.history.orderUpdated(before, order, 'EDITED_BY_USER', e.t);
        return;
      }
      case 'orderClosed':
        this.closeOrder(e.orderId, e.reason, e.t);
        return;
      case 'triggerPlaced': {
        const trigger = { ...e.trigger, trailing: e.trigger.trailing ? { ...e.trigger.trailing } : null };
        this.triggers.set(trigger.orderId, trigger);
        if (trigger.cliOrdId) this.cliIndex.set(trigger.cliOrdId, trigger.orderId);
        this.track(trigger, trigger.quantity);
        this.triggerRevision += 1;
        this.history.triggerEvent('OrderTriggerPlaced', trigger, e.t);
        return;
      }
      case 'triggerEdited': {
        const trigger = this.triggers.get(e.orderId);
        if (!trigger) return;
        this.track(trigger, e.quantity - trigger.quantity);
        this.triggerRevision += 1;
        trigger.quantity = e.quantity;
        trigger.limitPrice = e.limitPrice;
        trigger.triggerPrice = e.triggerPrice;
        if (trigger.trailing && e.extreme !== null) trigger.trailing.extreme = e.extreme;
        trigger.lastUpdateTime = e.t;
        this.history.triggerEvent('OrderTriggerUpdated', trigger, e.t);
        return;
      }
      case 'triggerClosed':
      case 'triggerActivated': {
        const trigger = this.triggers.get(e.orderId);
        if (!trigger) return;
        this.triggers.delete(e.orderId);
        this.track(trigger, -trigger.quantity);
        if (trigger.cliOrdId) this.cliIndex.delete(trigger.cliOrdId);
        if (e.k === 'triggerClosed') {
          this.closed.set(e.orderId, { order: null, trigger, reason: e.reason, closedAt: e.t });
          if (trigger.cliOrdId) this.closedByClient.set(trigger.cliOrdId, trigger.orderId);
          this.history.triggerEvent('OrderTriggerCancelled', trigger, e.t);
        } else {
          this.history.triggerEvent('OrderTriggerActivated', trigger, e.t);
        }
        return;
      }
      case 'deadManSwitch':
        this.deadManSwitch = e.triggerTime;
        return;
      case 'transfer':
        this.credit(e.from, e.currency, -e.amount);
        this.credit(e.to, e.currency, e.amount);
        this.history.transfer(e, this.balance(e.from, e.currency), this.balance(e.to, e.currency));
        return;
      case 'preference':
        if (e.kind === 'leverage') {
          if (typeof e.value === 'number') this.leverage.set(e.symbol, e.value);
          else this.leverage.delete(e.symbol);
        } else if (typeof e.value === 'string') {
          this.pnlCurrency.set(e.symbol, e.value);
        }
        return;
    }
  }

  private credit(account: string, currency: string, amount: number): void {
    let wallet = this.balances.get(account);
    if (!wallet) this.balances.set(account, (wallet = new Map()));
    const ccy = currency.toUpperCase();
    wallet.set(ccy, roundTo((wallet.get(ccy) ?? 0) + amount, 10));
  }

  private closeOrder(orderId: string, reason: ClosedOrder['reason'], t: number): void {
    const order = this.orders.get(orderId);
    if (!order) return;
    this.orders.delete(orderId);
    this.index.remove(order);
    this.track(order, -(order.quantity - order.filled));
    if (order.cliOrdId && this.cliIndex.get(order.cliOrdId) === orderId) this.cliIndex.delete(order.cliOrdId);
    if (order.cliOrdId) this.closedByClient.set(order.cliOrdId, orderId);
    order.lastUpdateTime = t;
    this.closed.set(orderId, { order, trigger: null, reason, closedAt: t });
    if (reason !== 'FULL_FILL') this.history.orderCancelled(order, reason, t);
  }

  private applyExecution(e: Extract<TradingEvent, { k: 'execution' }>): void {
    const order = this.orders.get(e.orderId);
    if (!order) return;
    const spec = this.instruments.find(order.symbol) as InstrumentSpec;
    const prior = { ...order };
    const signed = order.side === 'buy' ? e.size : -e.size;
    const old = this.positions.get(spec.symbol) ?? { symbol: spec.symbol, size: 0, price: 0, fillTime: e.t };
    const change = applyFill(spec.kind, spec.contractSize, old.size, old.price, signed, e.price, spec.sizePrecision);
    const oldSize = old.size;
    const oldPrice = old.price;
    if (change.size === 0) this.positions.delete(spec.symbol);
    else this.positions.set(spec.symbol, { symbol: spec.symbol, size: change.size, price: change.price, fillTime: e.t });

    const settle = spec.settlementCurrency;
    const cashBefore = this.balance(spec.marginAccount, settle);
    this.credit(spec.marginAccount, settle, -e.fee);
    if (e.pnlCurrency === settle) this.credit(spec.marginAccount, settle, change.realized);
    else this.credit(spec.marginAccount, e.pnlCurrency, change.realized / e.pnlRate);

    order.filled = roundTo(order.filled + e.size, spec.sizePrecision);
    this.track(order, -e.size);
    order.lastUpdateTime = e.t;
    const fill: Fill = {
      fillId: e.executionId, orderId: order.orderId, cliOrdId: order.cliOrdId, symbol: spec.symbol, side: order.side,
      size: e.size, price: e.price, fillTime: e.t, fillType: e.fillType, fee: e.fee, feeCurrency: settle,
      realizedPnl: change.realized, markPrice: e.mark, positionSize: change.size, orderType: order.type,
      limitPrice: order.limitPrice, orderQuantity: order.quantity, orderReceivedTime: order.receivedTime, reduceOnly: order.reduceOnly,
    };
    this.fills.push(fill);
    this.recordOwnTrade(spec.symbol, {
      time: e.t, tradeId: e.tradeId, price: e.price, size: e.size,
      side: e.fillType === 'maker' ? (order.side === 'buy' ? 'sell' : 'buy') : order.side, uid: e.executionId,
    });
    this.history.orderUpdated(prior, order, order.filled >= order.quantity - 1e-12 ? 'FULL_FILL' : 'PARTIAL_FILL', e.t);
    this.history.execution(prior, order, fill, {
      oldSize, newSize: change.size, oldPrice, newPrice: change.price, account: spec.marginAccount,
      cashBefore, cashAfter: this.balance(spec.marginAccount, settle), settle,
    });
    if (order.filled >= order.quantity - 1e-12) this.closeOrder(order.orderId, 'FULL_FILL', e.t);
  }

  private recordOwnTrade(symbol: string, trade: PublicTrade): void {
    let list = this.ownTrades.get(symbol);
    if (!list) this.ownTrades.set(symbol, (list = []));
    list.push(trade);
    if (list.length > OWN_TRADES_KEPT) list.splice(0, list.length - OWN_TRADES_KEPT);
  }
}

