import { badRequest, success, type HttpAnswer } from '../http/envelopes';
import { accountsJson, openPositionsJson } from '../trading/accountView';
import { iso, openOrderJson, openTriggerJson, statusOrderJson } from '../trading/orderJson';
import type { ClosedOrder } from '../trading/types';
import type { Handler } from './handlerTypes';

/** Private account endpoints (reference §4.2). */

const FILLS_PAGE = 100;
/** orders/status also reports orders that closed this recently. */
const RECENTLY_CLOSED_MS = 5000;

const accounts: Handler = (ctx) => success(ctx.now, { accounts: accountsJson(ctx.exchange, ctx.now) });

const openPositions: Handler = (ctx) => success(ctx.now, { openPositions: openPositionsJson(ctx.exchange, ctx.now) });

const openOrders: Handler = (ctx) => {
  const { state } = ctx.exchange;
  const entries = [
    ...[...state.orders.values()].map((o) => ({ t: o.receivedTime, json: openOrderJson(o) })),
    ...[...state.triggers.values()].map((o) => ({ t: o.receivedTime, json: openTriggerJson(o) })),
  ].sort((a, b) => b.t - a.t);
  return success(ctx.now, { openOrders: entries.map((e) => e.json) });
};

const fills: Handler = (ctx) => {
  const before = ctx.params.time('lastFillTime');
  const out = [];
  const all = ctx.exchange.state.fills;
  for (let i = all.length - 1; i >= 0 && out.length < FILLS_PAGE; i--) {
    const f = all[i];
    if (before !== undefined && f.fillTime >= before) continue;
    out.push({
      fill_id: f.fillId, symbol: f.symbol, side: f.side, order_id: f.orderId, size: f.size, price: f.price,
      fillTime: iso(f.fillTime), fillType: f.fillType, ...(f.cliOrdId ? { cliOrdId: f.cliOrdId } : {}),
      realized_pnl: before === undefined ? f.realizedPnl : null,
    });
  }
  return success(ctx.now, { fills: out });
};

const notifications: Handler = (ctx) => {
  const list: Array<Record<string, unknown>> = [{
    type: 'general', priority: 'low', effectiveTime: iso(ctx.exchange.identity.createdAt),
    note: 'You are connected to the local Kraken Futures simulator: orders are paper trades and never reach Kraken.',
  }];
  for (const spec of ctx.exchange.instruments.all) {
    if (spec.lastTradingTime !== null && spec.lastTradingTime > ctx.now && spec.lastTradingTime - ctx.now < 14 * 86_400_000) {
      list.push({ type: 'settlement', priority: 'medium', effectiveTime: iso(spec.lastTradingTime), note: `${spec.symbol} expires and stops trading.` });
    }
  }
  return success(ctx.now, { notifications: list });
};

/** The numeric errors of the preference setters (reference §4.2: 41, 87, 88, 89, 90). */
function preferenceError(now: number, code: number, message: string): HttpAnswer {
  return { status: 400, body: { result: 'error', serverTime: iso(now), errors: [{ code, message }] } };
}

const leveragePreferences: Handler = (ctx) => {
  const wanted = ctx.params.text('symbol')?.toUpperCase();
  const list = [...ctx.exchange.state.leverage.entries()]
    .filter(([symbol]) => wanted === undefined || symbol === wanted)
    .map(([symbol, maxLeverage]) => ({ symbol, maxLeverage }));
  return success(ctx.now, { leveragePreferences: list });
};

const setLeverage: Handler = (ctx) => {
  const { exchange, now } = ctx;
  const spec = exchange.instruments.find(ctx.params.required('symbol'));
  if (!spec) return preferenceError(now, 87, 'Contract does not exist');
  if (spec.kind !== 'linear') return preferenceError(now, 88, 'Contract is not a multi-collateral contract');
  const maxLeverage = ctx.params.number('maxLeverage');
  if (maxLeverage !== undefined && (maxLeverage < 1 || maxLeverage > 1 / spec.marginLevels[0].initialMargin)) {
    return preferenceError(now, 41, `maxLeverage must be between 1 and ${1 / spec.marginLevels[0].initialMargin}`);
  }
  // Try the new leverage before committing it: a change that leaves too little margin is refused (41).
  const previous = exchange.state.leverage.get(spec.symbol);
  if (maxLeverage === undefined) exchange.state.leverage.delete(spec.symbol);
  else exchange.state.leverage.set(spec.symbol, maxLeverage);
  const short = exchange.portfolio.totals(spec.marginAccount, now).available < 0;
  if (previous === undefined) exchange.state.leverage.delete(spec.symbol);
  else exchange.state.leverage.set(spec.symbol, previous);
  if (short) return preferenceError(now, 41, 'Would cause liquidation');
  exchange.engine.commit({ k: 'preference', t: now, kind: 'leverage', symbol: spec.symbol, value: maxLeverage ?? null });
  return success(now, {});
};

const PNL_CURRENCIES_KNOWN = ['USD', 'EUR', 'GBP', 'USDC', 'USDT', 'XBT', 'BTC', 'ETH'];
const PNL_CURRENCIES_ENABLED = ['USD', 'XBT', 'ETH'];

const pnlPreferences: Handler = (ctx) =>
  success(ctx.now, {
    preferences: [...ctx.exchange.state.pnlCurrency.entries()].map(([symbol, ccy]) => ({ symbol, pnlCurrency: ccy === 'XBT' ? 'BTC' : ccy })),
  });

const setPnlPreference: Handler = (ctx) => {
  const { exchange, now } = ctx;
  const spec = exchange.instruments.find(ctx.params.required('symbol'));
  if (!spec) return preferenceError(now, 87, 'Contract does not exist');
  if (spec.kind !== 'linear') return preferenceError(now, 88, 'Contract is not a multi-collateral contract');
  const wanted = ctx.params.required('pnlPreference').toUpperCase();
  if (!PNL_CURRENCIES_KNOWN.includes(wanted)) return preferenceError(now, 89, 'Currency does not exist');
  const currency = wanted === 'BTC' ? 'XBT' : wanted;
  if (!PNL_CURRENCIES_ENABLED.includes(currency)) return preferenceError(now, 90, 'Currency is not enabled for multi-collateral');
  exchange.engine.commit({ k: 'preference', t: now, kind: 'pnl', symbol: spec.symbol, value: currency });
  return success(now, {});
};

const CLOSED_STATUS: Record<ClosedOrder['reason'], { status: string; reason: string }> = {
  FULL_FILL: { status: 'FULLY_EXECUTED', reason: 'FULL_FILL' },
  CANCELLED_BY_USER: { status: 'CANCELLED', reason: 'CANCELLED_BY_USER' },
  DEAD_MAN_SWITCH: { status: 'CANCELLED', reason: 'DEAD_MAN_SWITCH' },
  IOC_REMAINDER: { status: 'CANCELLED', reason: 'NOT_ENOUGH_LIQUIDITY' },
  REDUCE_ONLY_NOTHING_TO_REDUCE: { status: 'CANCELLED', reason: 'REDUCE_ONLY_POSITION_CLOSED' },
  EXPIRED: { status: 'CANCELLED', reason: 'MARKET_INACTIVE' },
  ACTIVATION_FAILED: { status: 'TRIGGER_ACTIVATION_FAILURE', reason: 'SELF_FILL' },
};

const ordersStatus: Handler = (ctx) => {
  const { state } = ctx.exchange;
  const ids = ctx.params.all('orderIds');
  // A serialised list instead of repeated keys (ccxt #27744) is refused the way Kraken does.
  if (ids.some((id) => id.length > 36)) return badRequest(ctx.now, 'BAD_REQUEST: UUID string too large');
  const wanted = new Set(ids);
  for (const cli of ctx.params.all('cliOrdIds')) {
    const id = state.orderIdForClient(cli) ?? state.closedByClient.get(cli);
    if (id) wanted.add(id);
  }
  const orders: Array<Record<string, unknown>> = [];
  for (const id of wanted) {
    const open = state.orders.get(id);
    const trigger = state.triggers.get(id);
    const closed = state.closed.get(id);
    if (open) {
      orders.push({ order: statusOrderJson(open, null), status: 'ENTERED_BOOK', updateReason: open.filled > 0 ? 'PARTIAL_FILL' : 'NEW_USER_ORDER', error: null });
    } else if (trigger) {
      orders.push({ order: statusOrderJson(null, trigger), status: 'TRIGGER_PLACED', updateReason: 'NEW_USER_ORDER', error: null });
    } else if (closed && ctx.now - closed.closedAt <= RECENTLY_CLOSED_MS) {
      const mapped = CLOSED_STATUS[closed.reason];
      orders.push({ order: statusOrderJson(closed.order, closed.trigger), status: mapped.status, updateReason: mapped.reason, error: null });
    }
  }
  return success(ctx.now, { orders });
};

export const accountHandlers: Readonly<Record<string, Handler>> = {
  accounts,
  openpositions: openPositions,
  openorders: openOrders,
  fills,
  notifications,
  leveragepreferences: leveragePreferences,
  'leveragepreferences.set': setLeverage,
  pnlpreferences: pnlPreferences,
  'pnlpreferences.set': setPnlPreference,
  'orders.status': ordersStatus,
};
