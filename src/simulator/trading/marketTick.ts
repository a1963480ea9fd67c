import { roundTo } from '../market/decimals';
import type { InstrumentSpec } from '../market/instruments';
import { epochOf } from '../market/priceModel';
import type { TradingEngine } from './engine';
import { crosses } from './matching';
import { trailingTriggerPrice } from './orderEntry';
import { cancelAll, cancelOne } from './orderAmend';
import type { Order, TriggerOrder } from './types';

/**
 * What happens without a request: the dead man's switch fires, expired contracts close their
 * orders, trigger orders activate, and resting orders fill as makers when the simulated market
 * moves through them. Run before every request and on a timer, so state is current whenever it
 * is observed; with an injected clock, tests drive it simply by moving the clock.
 */

export class MarketTick {
  private lastEpoch = -1;
  private seenTriggerRevision = 0;

  constructor(private readonly engine: TradingEngine) {}

  advance(now: number): void {
    const { state } = this.engine;
    if (state.deadManSwitch !== null && now >= state.deadManSwitch) {
      cancelAll(this.engine, undefined, 'DEAD_MAN_SWITCH', now);
      this.engine.commit({ k: 'deadManSwitch', t: now, triggerTime: null });
    }
    const epoch = epochOf(now);
    // New or edited trigger orders are looked at on the next request, not a second later.
    const triggersChanged = state.triggerRevision !== this.seenTriggerRevision;
    this.seenTriggerRevision = state.triggerRevision;
    if (epoch === this.lastEpoch) {
      if (triggersChanged) this.checkTriggers(now);
      return;
    }
    // Prices move once per second; resting orders can only start to cross when they do.
    this.lastEpoch = epoch;
    this.expireContracts(now);
    this.checkTriggers(now);
    for (const symbol of state.index.symbolsWithOrders()) this.fillResting(this.engine.spec(symbol), now);
  }

  private checkTriggers(now: number): void {
    for (const trigger of [...this.engine.state.triggers.values()]) this.checkTrigger(trigger, now);
  }

  private expireContracts(now: number): void {
    const { state, market } = this.engine;
    for (const spec of market.instruments.all) {
      if (market.instruments.isTradeable(spec, now)) continue;
      const ids = [...state.book(spec.symbol, 'buy'), ...state.book(spec.symbol, 'sell'), ...state.triggers.values()]
        .filter((o) => o.symbol === spec.symbol)
        .map((o) => o.orderId);
      for (const id of ids) cancelOne(this.engine, id, 'EXPIRED', now);
    }
  }

  private checkTrigger(trigger: TriggerOrder, now: number): void {
    const spec = this.engine.spec(trigger.symbol);
    const signal = this.engine.signalPrice(spec, trigger.triggerSignal, now);
    if (trigger.trailing) {
      const better = trigger.side === 'sell' ? signal > trigger.trailing.extreme : signal < trigger.trailing.extreme;
      if (better) {
        const triggerPrice = trailingTriggerPrice(spec, trigger.side, { ...trigger.trailing, extreme: signal });
        this.engine.commit({
          k: 'triggerEdited', t: now, orderId: trigger.orderId, quantity: trigger.quantity, limitPrice: trigger.limitPrice,
          triggerPrice, extreme: signal,
        });
      }
    }
    const fired = trigger.triggerSide === 'above' ? signal >= trigger.triggerPrice : signal <= trigger.triggerPrice;
    if (fired) this.activate(spec, trigger, signal, now);
  }

  private activate(spec: InstrumentSpec, trigger: TriggerOrder, signal: number, now: number): void {
    let quantity = trigger.quantity;
    if (trigger.reduceOnly) quantity = Math.min(quantity, this.engine.reducibleSize(spec.symbol, trigger.side));
    if (quantity <= 0) {
      this.engine.commit({ k: 'triggerClosed', t: now, orderId: trigger.orderId, reason: 'REDUCE_ONLY_NOTHING_TO_REDUCE' });
      return;
    }
    let limitPrice = trigger.limitPrice;
    if (limitPrice === null && trigger.limitOffset) {
      const offset = trigger.limitOffset.unit === 'PERCENT' ? (trigger.triggerPrice * trigger.limitOffset.value) / 100 : trigger.limitOffset.value;
      limitPrice = roundTo(trigger.triggerPrice + offset, spec.priceDecimals);
    }
    const orderLimit = limitPrice ?? this.engine.protectedLimit(spec, trigger.side, now);
    const ownOpposite = this.engine.state.book(spec.symbol, trigger.side === 'buy' ? 'sell' : 'buy')[0];
    if (ownOpposite && crosses(trigger.side, orderLimit, ownOpposite.limitPrice)) {
      this.engine.commit({ k: 'triggerClosed', t: now, orderId: trigger.orderId, reason: 'ACTIVATION_FAILED' });
      return;
    }
    this.engine.commit({ k: 'triggerActivated', t: now, orderId: trigger.orderId, signalPrice: signal });
    const order: Order = {
      orderId: trigger.orderId, cliOrdId: trigger.cliOrdId, symbol: spec.symbol, side: trigger.side,
      type: limitPrice === null ? 'ioc' : 'lmt', requestedType: trigger.orderType, quantity, filled: 0,
      limitPrice: orderLimit, reduceOnly: trigger.reduceOnly,
      receivedTime: trigger.receivedTime, lastUpdateTime: now,
    };
    this.engine.commit({ k: 'orderOpened', t: now, order });
    this.engine.executeTaker(order, now, 'taker');
    if (order.type === 'ioc' && this.engine.state.orders.has(order.orderId)) {
      this.engine.commit({ k: 'orderClosed', t: now, orderId: order.orderId, reason: 'IOC_REMAINDER' });
    }
  }

  /** Resting orders the makers' quotes have moved through fill at their own limit price. */
  private fillResting(spec: InstrumentSpec, now: number): void {
    for (const side of ['buy', 'sell'] as const) {
      const quotes = this.engine.opposite(spec, side, now);
      let level = 0;
      let levelLeft = quotes[0]?.size ?? 0;
      // Only a prefix of the book can cross; copy it, because fills take orders out of the live list.
      const book = this.engine.state.book(spec.symbol, side);
      let crossing = 0;
      while (crossing < book.length && quotes.length > 0 && crosses(side, book[crossing].limitPrice, quotes[0].price)) crossing++;
      for (const order of book.slice(0, crossing)) {
        let remaining = roundTo(order.quantity - order.filled, spec.sizePrecision);
        if (order.reduceOnly) {
          const reducible = this.engine.reducibleSize(spec.symbol, side);
          if (reducible === 0) {
            this.engine.commit({ k: 'orderClosed', t: now, orderId: order.orderId, reason: 'REDUCE_ONLY_NOTHING_TO_REDUCE' });
            continue;
          }
          remaining = Math.min(remaining, reducible);
        }
        while (remaining > 0 && level < quotes.length && crosses(side, order.limitPrice, quotes[level].price)) {
          const size = roundTo(Math.min(remaining, levelLeft), spec.sizePrecision);
          this.engine.executeMaker(order, size, now);
          this.engine.market.liquidity.consume(spec, quotes[level].price, size, now);
          remaining = roundTo(remaining - size, spec.sizePrecision);
          levelLeft = roundTo(levelLeft - size, spec.sizePrecision);
          if (levelLeft <= 0) levelLeft = quotes[++level]?.size ?? 0;
        }
        if (level >= quotes.length || !crosses(side, order.limitPrice, quotes[level].price)) break;
      }
    }
  }
}
