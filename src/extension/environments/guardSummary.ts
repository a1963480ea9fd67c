import type { EndpointSpec, OpenOrder } from '../../core/catalog';

/**
 * The live guard's words: what a state-changing request will do, in a sentence per action, with
 * the notional at the current mark price. Pure (no vscode import) so every endpoint's wording is
 * unit-tested.
 */

export type Pairs = ReadonlyArray<readonly [string, string]>;

export interface GuardSummary {
  /** One line, e.g. `BUY 0.5 PF_XBTUSD at limit 65,000`. */
  readonly headline: string;
  /** Further facts: notional, reduce-only, each batch instruction, ... */
  readonly details: readonly string[];
}

/** Mark prices by upper-case symbol; a missing symbol means it could not be fetched. */
export type MarkPrices = ReadonlyMap<string, number>;

function first(params: Pairs, name: string): string | undefined {
  return params.find(([key]) => key === name)?.[1];
}

/** Symbols whose mark price the summary needs (sendorder and batch sends). */
export function symbolsToPrice(endpoint: EndpointSpec, params: Pairs): string[] {
  if (endpoint.id === 'sendorder') {
    const symbol = first(params, 'symbol');
    return symbol ? [symbol.toUpperCase()] : [];
  }
  if (endpoint.id === 'batchorder') {
    const symbols = batchInstructions(params).flatMap((i) => (i.order === 'send' && typeof i.symbol === 'string' ? [i.symbol.toUpperCase()] : []));
    return [...new Set(symbols)];
  }
  return [];
}

/** The order an edit or cancel names, to be looked up among the open orders; undefined for other endpoints. */
export function orderToLookUp(endpoint: EndpointSpec, params: Pairs): { readonly orderId?: string; readonly cliOrdId?: string } | undefined {
  const orderId = endpoint.id === 'editorder' ? first(params, 'orderId') : endpoint.id === 'cancelorder' ? first(params, 'order_id') : undefined;
  if (endpoint.id !== 'editorder' && endpoint.id !== 'cancelorder') return undefined;
  const cliOrdId = first(params, 'cliOrdId');
  if (orderId === undefined && cliOrdId === undefined) return undefined;
  return { ...(orderId !== undefined ? { orderId } : {}), ...(cliOrdId !== undefined ? { cliOrdId } : {}) };
}

/** The open order matching an id (or client order id), if any. */
export function findOpenOrder(orders: readonly OpenOrder[], wanted: { readonly orderId?: string; readonly cliOrdId?: string }): OpenOrder | undefined {
  if (wanted.orderId !== undefined) return orders.find((o) => o.order_id === wanted.orderId);
  return orders.find((o) => wanted.cliOrdId !== undefined && o.cliOrdId === wanted.cliOrdId);
}

/**
 * `order` is the open order an edit or cancel names, when it could be looked up; without it the
 * summary names the order by its id only.
 */
export function summarizeGuardedRequest(endpoint: EndpointSpec, params: Pairs, marks: MarkPrices, order?: OpenOrder): GuardSummary {
  const p = (name: string) => first(params, name);
  switch (endpoint.id) {
    case 'sendorder':
      return orderSummary({ orderType: p('orderType'), side: p('side'), size: p('size'), symbol: p('symbol'), limitPrice: p('limitPrice'), stopPrice: p('stopPrice'), reduceOnly: p('reduceOnly') }, marks);
    case 'editorder': {
      const id = p('orderId') ?? p('cliOrdId') ?? '(no id)';
      if (!order) return { headline: `Edit order ${id}: ${changesOf(params, EDITABLE)}`, details: [NOT_FOUND] };
      const symbol = order.symbol.toUpperCase();
      const newSize = p('size') ?? String(order.unfilledSize);
      return {
        headline: `Edit order ${id} (${order.side.toUpperCase()} ${plain(String(order.unfilledSize))} ${symbol}${openOrderPrice(order)}): ${editsOf(params, order)}`,
        details: [notionalLine(symbol, newSize, marks).replace(/^Notional/, 'Notional after the edit')],
      };
    }
    case 'cancelorder': {
      const id = p('order_id') ?? p('cliOrdId') ?? '(no id)';
      if (!order) return { headline: `Cancel order ${id}`, details: [NOT_FOUND] };
      const symbol = order.symbol.toUpperCase();
      return {
        headline: `Cancel order ${id}: ${order.side.toUpperCase()} ${plain(String(order.unfilledSize))} ${symbol}${openOrderPrice(order)}`,
        details: [notionalLine(symbol, String(order.unfilledSize), marks)],
      };
    }
    case 'cancelallorders':
      return { headline: p('symbol') ? `Cancel every open order on ${p('symbol')}` : 'Cancel EVERY open order on every contract', details: [] };
    case 'cancelallordersafter': {
      const timeout = Number(p('timeout'));
      return timeout === 0
        ? { headline: "Disarm the dead man's switch", details: [] }
        : { headline: `Arm the dead man's switch: cancel every open order in ${p('timeout') ?? '?'} s unless renewed`, details: [] };
    }
    case 'batchorder':
      return batchSummary(params, marks);
    case 'transfer':
      return { headline: `Transfer ${p('amount') ?? '?'} ${p('unit') ?? '?'} from ${p('fromAccount') ?? '?'} to ${p('toAccount') ?? '?'}`, details: [] };
    case 'transfer.subaccount':
      return { headline: `Transfer ${p('amount') ?? '?'} ${p('unit') ?? '?'} from ${p('fromUser') ?? '?'}/${p('fromAccount') ?? '?'} to ${p('toUser') ?? '?'}/${p('toAccount') ?? '?'}`, details: [] };
    case 'withdrawal':
      return { headline: `Withdraw ${p('amount') ?? '?'} ${p('currency') ?? '?'} to the Spot wallet`, details: p('sourceWallet') ? [`From the ${p('sourceWallet')} wallet`] : [] };
    case 'leveragepreferences.set':
      return { headline: p('maxLeverage') ? `Set the maximum leverage of ${p('symbol') ?? '?'} to ${p('maxLeverage')} (isolated margin)` : `Remove the leverage preference of ${p('symbol') ?? '?'} (back to cross margin)`, details: [] };
    case 'pnlpreferences.set':
      return { headline: `Settle profit and loss of ${p('symbol') ?? '?'} in ${p('pnlPreference') ?? '?'}`, details: [] };
    default:
      return { headline: `${endpoint.method} ${endpoint.path}: ${endpoint.summary}`, details: params.map(([k, v]) => `${k} = ${v}`) };
  }
}

interface OrderFields {
  readonly orderType?: string;
  readonly side?: string;
  readonly size?: string;
  readonly symbol?: string;
  readonly limitPrice?: string;
  readonly stopPrice?: string;
  readonly reduceOnly?: string;
}

const ORDER_TYPE_WORDS: Readonly<Record<string, string>> = {
  lmt: 'limit', post: 'post-only limit', ioc: 'immediate-or-cancel', mkt: 'market', stp: 'stop',
  take_profit: 'take-profit', trailing_stop: 'trailing stop', fok: 'fill-or-kill',
};

function orderSummary(order: OrderFields, marks: MarkPrices): GuardSummary {
  const symbol = order.symbol?.toUpperCase() ?? '(no symbol)';
  const typeWords = ORDER_TYPE_WORDS[order.orderType ?? ''] ?? order.orderType ?? 'order';
  const price = order.limitPrice !== undefined ? ` at limit ${plain(order.limitPrice)}` : order.orderType === 'mkt' ? ' at market' : '';
  const stop = order.stopPrice !== undefined ? `, triggered at ${plain(order.stopPrice)}` : '';
  const headline = `${(order.side ?? '?').toUpperCase()} ${order.size ?? '?'} ${symbol}${price}${stop} (${typeWords})`;
  const details = [notionalLine(symbol, order.size, marks)];
  if (order.reduceOnly === 'true') details.push('Reduce-only: it can only shrink an open position.');
  return { headline, details };
}

/** Inverse contracts (PI_, FI_) are 1-USD contracts settled in coin; the rest are linear in USD. */
export function notionalLine(symbol: string, sizeText: string | undefined, marks: MarkPrices): string {
  const mark = marks.get(symbol);
  const size = Number(sizeText);
  if (mark === undefined || !Number.isFinite(mark) || mark <= 0) return `Notional unknown: no mark price for ${symbol} could be fetched.`;
  if (!Number.isFinite(size)) return `Notional unknown: size "${sizeText ?? ''}" is not a number (mark price ${plain(String(mark))}).`;
  if (/^(PI|FI)_/.test(symbol)) {
    const base = symbol.slice(3, 6);
    return `Notional ≈ ${amount(size, 2)} USD ≈ ${amount(size / mark, 8)} ${base} at mark price ${plain(String(mark))}.`;
  }
  const quote = /USD/.test(symbol) ? 'USD' : 'quote currency';
  return `Notional ≈ ${amount(size * mark, 2)} ${quote} at mark price ${plain(String(mark))}.`;
}

interface BatchInstruction {
  readonly order?: unknown;
  readonly [field: string]: unknown;
}

function batchInstructions(params: Pairs): BatchInstruction[] {
  try {
    const parsed = JSON.parse(first(params, 'json') ?? '') as { batchOrder?: unknown };
    return Array.isArray(parsed.batchOrder) ? (parsed.batchOrder as BatchInstruction[]) : [];
  } catch {
    return [];
  }
}

function batchSummary(params: Pairs, marks: MarkPrices): GuardSummary {
  const instructions = batchInstructions(params);
  if (instructions.length === 0) return { headline: 'Batch order whose instructions cannot be read (the json parameter is not a {"batchOrder":[...]} list)', details: [] };
  const details = instructions.map((instruction, index) => {
    const text = (name: string) => (instruction[name] === undefined ? undefined : String(instruction[name]));
    const n = `${index + 1}.`;
    if (instruction.order === 'send') {
      const order = orderSummary({ orderType: text('orderType'), side: text('side'), size: text('size'), symbol: text('symbol'), limitPrice: text('limitPrice'), stopPrice: text('stopPrice'), reduceOnly: text('reduceOnly') }, marks);
      return `${n} ${order.headline}. ${order.details.join(' ')}`;
    }
    if (instruction.order === 'edit') return `${n} Edit order ${text('order_id') ?? text('cliOrdId') ?? '(no id)'}: ${changesOf(Object.entries(instruction).map(([k, v]) => [k, String(v)] as const), ['size', 'limitPrice', 'stopPrice', 'trailingStopMaxDeviation'])}`;
    if (instruction.order === 'cancel') return `${n} Cancel order ${text('order_id') ?? text('cliOrdId') ?? '(no id)'}`;
    return `${n} Unknown instruction "${text('order') ?? ''}"`;
  });
  return { headline: `Batch of ${instructions.length} instruction${instructions.length === 1 ? '' : 's'}`, details };
}

const EDITABLE = ['size', 'limitPrice', 'stopPrice', 'trailingStopMaxDeviation'];
const NOT_FOUND = 'The order was not found among the open orders (or they could not be read), so only its id is shown.';

/** ` at limit 65,000`, `, triggered at 60,000`, both, or nothing; then the order type in words. */
function openOrderPrice(order: OpenOrder): string {
  const limit = order.limitPrice !== undefined && order.limitPrice !== null ? ` at limit ${plain(String(order.limitPrice))}` : '';
  const stop = order.stopPrice !== undefined && order.stopPrice !== null ? `, triggered at ${plain(String(order.stopPrice))}` : '';
  const words = ORDER_TYPE_WORDS[order.orderType] ?? order.orderType;
  return `${limit}${stop} (${words})`;
}

/** `size 0.5 → 1, limit price 65,000 → 66,000`: the open order's value before each change. */
function editsOf(params: Pairs, order: OpenOrder): string {
  const before: Readonly<Record<string, number | null | undefined>> = { size: order.unfilledSize, limitPrice: order.limitPrice, stopPrice: order.stopPrice };
  const changes = EDITABLE.flatMap((field) => {
    const value = first(params, field);
    if (value === undefined) return [];
    const old = before[field];
    return [`${CHANGE_WORDS[field] ?? field} ${old === undefined || old === null ? '' : `${plain(String(old))} `}→ ${plain(value)}`];
  });
  return changes.length > 0 ? changes.join(', ') : 'no change given';
}

const CHANGE_WORDS: Readonly<Record<string, string>> = { size: 'size', limitPrice: 'limit price', stopPrice: 'stop price', trailingStopMaxDeviation: 'trailing deviation' };

function changesOf(params: Pairs, fields: readonly string[]): string {
  const changes = fields.flatMap((field) => {
    const value = first(params, field);
    return value === undefined ? [] : [`${CHANGE_WORDS[field] ?? field} → ${plain(value)}`];
  });
  return changes.length > 0 ? changes.join(', ') : 'no change given';
}

function amount(value: number, maxFractionDigits: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: maxFractionDigits });
}

/** Prices as typed, grouped for reading: `65000.5` -> `65,000.5`. */
function plain(text: string): string {
  const value = Number(text);
  return Number.isFinite(value) && text.trim() !== '' ? value.toLocaleString('en-US', { maximumFractionDigits: 12 }) : text;
}
