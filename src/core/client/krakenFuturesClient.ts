import type { ParamInput } from '../catalog';
import type {
  Accounts,
  BatchStatusEntry,
  CancelAllStatus,
  CancelStatus,
  DeadManSwitchStatus,
  EditStatus,
  Fill,
  Instrument,
  OpenOrder,
  OpenPosition,
  OrderBook,
  OrderStatusEntry,
  SendStatus,
  Ticker,
} from '../catalog/schemas';
import { batchOrderParams, type BatchInstruction } from './batchOrder';
import { ResponseShapeError } from './errors';
import { KrakenFuturesCaller } from './krakenFuturesCaller';
import type { CallOptions } from './types';

/**
 * The client with typed methods for the common endpoints. Each returns the schema-parsed payload;
 * a success answer that does not match its schema throws `ResponseShapeError` (with the raw answer
 * attached) rather than handing out data of the wrong shape.
 */

type OrderType = 'lmt' | 'post' | 'ioc' | 'mkt' | 'stp' | 'take_profit' | 'trailing_stop' | 'fok';

export interface SendOrderRequest {
  readonly orderType: OrderType;
  readonly symbol: string;
  readonly side: 'buy' | 'sell';
  readonly size: number | string;
  readonly limitPrice?: number | string;
  readonly stopPrice?: number | string;
  readonly cliOrdId?: string;
  readonly triggerSignal?: 'mark' | 'index' | 'last';
  readonly reduceOnly?: boolean;
  readonly trailingStopMaxDeviation?: number | string;
  readonly trailingStopDeviationUnit?: 'PERCENT' | 'QUOTE_CURRENCY';
  readonly limitPriceOffsetValue?: number | string;
  readonly limitPriceOffsetUnit?: 'QUOTE_CURRENCY' | 'PERCENT';
  readonly processBefore?: string;
}

export type OrderRef = { readonly orderId: string } | { readonly cliOrdId: string };

export interface EditOrderRequest {
  readonly size?: number | string;
  readonly limitPrice?: number | string;
  readonly stopPrice?: number | string;
  readonly trailingStopMaxDeviation?: number | string;
  readonly trailingStopDeviationUnit?: 'PERCENT' | 'QUOTE_CURRENCY';
  readonly qtyMode?: 'ABSOLUTE' | 'RELATIVE';
  readonly processBefore?: string;
}

/** The catalog's parameter order, so the same order always gives the same bytes (and signature). */
const SEND_ORDER_FIELDS: ReadonlyArray<keyof SendOrderRequest> = [
  'orderType', 'symbol', 'side', 'size', 'limitPrice', 'stopPrice', 'cliOrdId', 'triggerSignal', 'reduceOnly',
  'trailingStopMaxDeviation', 'trailingStopDeviationUnit', 'limitPriceOffsetValue', 'limitPriceOffsetUnit', 'processBefore',
];
const EDIT_ORDER_FIELDS: ReadonlyArray<keyof EditOrderRequest> = [
  'size', 'limitPrice', 'stopPrice', 'trailingStopMaxDeviation', 'trailingStopDeviationUnit', 'qtyMode', 'processBefore',
];

function ordered<T extends object>(source: T, fields: ReadonlyArray<keyof T>): Record<string, string | number | boolean | undefined> {
  const out: Record<string, string | number | boolean | undefined> = {};
  for (const field of fields) out[field as string] = source[field] as string | number | boolean | undefined;
  return out;
}

export class KrakenFuturesClient extends KrakenFuturesCaller {
  /** The payload of a catalog call, or ResponseShapeError when the answer does not match its schema. */
  async payload<T>(endpointId: string, params: ParamInput = {}, options?: CallOptions): Promise<T> {
    const answer = await this.call<T>(endpointId, params, options);
    if (answer.data === undefined) {
      const error = new ResponseShapeError(endpointId, answer.validation?.problems ?? ['no schema is modelled for this endpoint']);
      error.attachResponse(answer);
      throw error;
    }
    return answer.data;
  }

  async instruments(options?: CallOptions): Promise<Instrument[]> {
    return (await this.payload<{ instruments: Instrument[] }>('instruments', {}, options)).instruments;
  }

  async tickers(symbols?: readonly string[], options?: CallOptions): Promise<Ticker[]> {
    return (await this.payload<{ tickers: Ticker[] }>('tickers', { symbol: symbols }, options)).tickers;
  }

  async ticker(symbol: string, options?: CallOptions): Promise<Ticker> {
    return (await this.payload<{ ticker: Ticker }>('tickers.symbol', { symbol }, options)).ticker;
  }

  async orderbook(symbol: string, options?: CallOptions): Promise<OrderBook> {
    return (await this.payload<{ orderBook: OrderBook }>('orderbook', { symbol }, options)).orderBook;
  }

  async accounts(options?: CallOptions): Promise<Accounts> {
    return (await this.payload<{ accounts: Accounts }>('accounts', {}, options)).accounts;
  }

  async openPositions(options?: CallOptions): Promise<OpenPosition[]> {
    return (await this.payload<{ openPositions: OpenPosition[] }>('openpositions', {}, options)).openPositions;
  }

  async openOrders(options?: CallOptions): Promise<OpenOrder[]> {
    return (await this.payload<{ openOrders: OpenOrder[] }>('openorders', {}, options)).openOrders;
  }

  /** The last 100 fills, or the 100 before `lastFillTime` (ISO-8601; costs 25 instead of 2). */
  async fills(lastFillTime?: string, options?: CallOptions): Promise<Fill[]> {
    return (await this.payload<{ fills: Fill[] }>('fills', { lastFillTime }, options)).fills;
  }

  /** Check `status`: a rejected order also comes back as a success answer. */
  async sendOrder(order: SendOrderRequest, options?: CallOptions): Promise<SendStatus> {
    return (await this.payload<{ sendStatus: SendStatus }>('sendorder', ordered(order, SEND_ORDER_FIELDS), options)).sendStatus;
  }

  async editOrder(ref: OrderRef, changes: EditOrderRequest, options?: CallOptions): Promise<EditStatus> {
    const params = { ...refParams(ref, 'orderId'), ...ordered(changes, EDIT_ORDER_FIELDS) };
    return (await this.payload<{ editStatus: EditStatus }>('editorder', params, options)).editStatus;
  }

  async cancelOrder(ref: OrderRef, options?: CallOptions & { processBefore?: string }): Promise<CancelStatus> {
    const params = { ...refParams(ref, 'order_id'), processBefore: options?.processBefore };
    return (await this.payload<{ cancelStatus: CancelStatus }>('cancelorder', params, options)).cancelStatus;
  }

  async cancelAllOrders(symbol?: string, options?: CallOptions): Promise<CancelAllStatus> {
    return (await this.payload<{ cancelStatus: CancelAllStatus }>('cancelallorders', { symbol }, options)).cancelStatus;
  }

  /** Dead man's switch; 0 disarms it. */
  async cancelAllOrdersAfter(timeoutSeconds: number, options?: CallOptions): Promise<DeadManSwitchStatus> {
    return (await this.payload<{ status: DeadManSwitchStatus }>('cancelallordersafter', { timeout: timeoutSeconds }, options)).status;
  }

  async batchOrder(instructions: readonly BatchInstruction[], options?: CallOptions & { processBefore?: string }): Promise<BatchStatusEntry[]> {
    const params = batchOrderParams(instructions, options?.processBefore);
    return (await this.payload<{ batchStatus: BatchStatusEntry[] }>('batchorder', params, options)).batchStatus;
  }

  async orderStatus(ids: { orderIds?: readonly string[]; cliOrdIds?: readonly string[] }, options?: CallOptions): Promise<OrderStatusEntry[]> {
    const params = { orderIds: ids.orderIds, cliOrdIds: ids.cliOrdIds };
    return (await this.payload<{ orders: OrderStatusEntry[] }>('orders.status', params, options)).orders;
  }
}

/** Kraken spells the order id `orderId` on editorder and `order_id` on cancelorder. */
function refParams(ref: OrderRef, idName: 'orderId' | 'order_id'): Record<string, string> {
  return 'orderId' in ref ? { [idName]: ref.orderId } : { cliOrdId: ref.cliOrdId };
}

