import { randomUUID } from 'node:crypto';
import { ceilToStep, floorToStep, roundTo } from '../market/decimals';
import type { InstrumentSpec } from '../market/instruments';
import type { BookLevel } from '../market/liquidity';
import type { Market } from '../market/market';
import { TradeTape } from '../market/tradeTape';
import type { AccountState } from './accountState';
import type { TradingEvent } from './events';
import { planTakerFills } from './matching';
import { orderJson } from './orderJson';
import { feeFor } from './positionMath';
import type { Portfolio } from './portfolio';
import type { FillType, Order, Side, TriggerSignal } from './types';

/**
 * Shared machinery of order entry, amendment and the market tick: committing events (memory and
 * journal together) and executing orders against the simulated makers.
 */

/** `mkt` orders are IOC orders limited to 1 % through the mark price, as on Kraken. */
export const MARKET_PROTECTION = 0.01;

export type OrderEvent = Record<string, unknown>;

export class TradingEngine {
  constructor(
    readonly state: AccountState,
    readonly market: Market,
    readonly portfolio: Portfolio,
    private readonly record: (event: TradingEvent) => void,
    readonly newId: () => string = randomUUID,
  ) {}

  commit(event: TradingEvent): void {
    this.state.apply(event);
    this.record(event);
  }

  spec(symbol: string): InstrumentSpec {
    const spec = this.market.instruments.find(symbol);
    if (!spec) throw new Error(`unknown instrument ${symbol}`);
    return spec;
  }

  signalPrice(spec: InstrumentSpec, signal: TriggerSignal, now: number): number {
    if (signal === 'index') return this.market.index(spec, now);
    if (signal === 'last') return this.market.lastTrade(spec, now)?.price ?? this.market.mark(spec, now);
    return this.market.mark(spec, now);
  }

  protectedLimit(spec: InstrumentSpec, side: Side, now: number): number {
    const mark = this.market.mark(spec, now);
    return side === 'buy' ? floorToStep(mark * (1 + MARKET_PROTECTION), spec.tickSize) : ceilToStep(mark * (1 - MARKET_PROTECTION), spec.tickSize);
  }

  /** The makers' quotes an order on `side` would trade with. */
  opposite(spec: InstrumentSpec, side: Side, now: number): BookLevel[] {
    return this.market.quotes(spec, side === 'buy' ? 'ask' : 'bid', now);
  }

  /** Match `order` (already opened) as a taker; returns the EXECUTION order events. */
  executeTaker(order: Order, now: number, fillType: FillType, limitQuantity?: number): OrderEvent[] {
    const spec = this.spec(order.symbol);
    const remaining = roundTo(Math.min(order.quantity - order.filled, limitQuantity ?? Infinity), spec.sizePrecision);
    const plan = planTakerFills(this.opposite(spec, order.side, now), order.side, remaining, order.limitPrice, spec.sizePrecision);
    const events: OrderEvent[] = [];
    for (const fill of plan) {
      events.push(this.executeOne(spec, order, fill.price, fill.size, fillType, now));
      this.market.liquidity.consume(spec, fill.price, fill.size, now);
    }
    return events;
  }

  /** Fill a resting order at its own limit price against makers that moved through it. */
  executeMaker(order: Order, size: number, now: number): OrderEvent {
    const spec = this.spec(order.symbol);
    return this.executeOne(spec, order, order.limitPrice, size, 'maker', now);
  }

  private executeOne(spec: InstrumentSpec, order: Order, price: number, size: number, fillType: FillType, now: number): OrderEvent {
    const prior = orderJson(order);
    const executionId = this.newId();
    let pnlCurrency = spec.settlementCurrency;
    let pnlRate = 1;
    const preferred = this.state.pnlCurrency.get(spec.symbol);
    if (spec.kind === 'linear' && preferred && preferred !== 'USD') {
      pnlCurrency = preferred;
      pnlRate = this.portfolio.usdPrice(preferred, now);
    }
    const own = this.state.tradesOf(spec.symbol);
    const sameSlot = own.filter((t) => TradeTape.tradeIdAt(t.time, 0) === TradeTape.tradeIdAt(now, 0)).length;
    this.commit({
      k: 'execution', t: now, executionId, orderId: order.orderId, price, size, fillType,
      fee: feeFor(spec.kind, spec.contractSize, size, price, fillType === 'maker'), mark: this.market.mark(spec, now),
      tradeId: TradeTape.tradeIdAt(now, sameSlot + 1), pnlCurrency, pnlRate,
    });
    return {
      type: 'EXECUTION', executionId, price, amount: size, orderPriorEdit: null, orderPriorExecution: prior, takerReducedQuantity: null,
    };
  }

  /** The largest size a reduce-only order may still have: what it would close of the position. */
  reducibleSize(symbol: string, side: Side): number {
    const position = this.state.positions.get(symbol)?.size ?? 0;
    if (side === 'buy' && position < 0) return -position;
    if (side === 'sell' && position > 0) return position;
    return 0;
  }
}
