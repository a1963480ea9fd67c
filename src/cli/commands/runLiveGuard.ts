import type { Instrument, OpenOrder, Ticker } from '../../core/catalog';
import type { ResolvedRequest } from '../../core/kfreq';
import { ContractBook, formatAmount, notionalOf, settlementOf, type ContractSpec } from '../../core/orders';

/**
 * What keeps a CI job from trading live by accident, once `--allow-live` let the run start at all:
 * every state-changing request is refused unless `--max-notional` is set, and each order (also
 * each order of a batch, and an edit that changes a size) is refused when its notional at the
 * current mark price exceeds the cap. Anything whose notional cannot be established is refused:
 * not knowing is a no.
 */

/** The market data the check needs; KrakenFuturesClient provides it. */
export interface MarketSource {
  instruments(): Promise<Instrument[]>;
  tickers(): Promise<Ticker[]>;
  openOrders(): Promise<OpenOrder[]>;
}

export interface LiveGuardOptions {
  readonly environmentLabel: string;
  /** In the contract's quote currency; undefined refuses every state-changing request. */
  readonly maxNotional: number | undefined;
  readonly market: MarketSource;
  /** Open orders (to price an edit) need credentials. */
  readonly canReadOrders: boolean;
}

type Pairs = ReadonlyArray<readonly [string, string]>;

/** Requests that place nothing and move no funds: they only cancel, or set account preferences. */
const NO_NOTIONAL = new Set(['cancelorder', 'cancelallorders', 'cancelallordersafter', 'leveragepreferences.set', 'pnlpreferences.set']);
const MOVES_FUNDS = new Set(['transfer', 'transfer.subaccount', 'withdrawal']);

function param(params: Pairs, name: string): string | undefined {
  return params.find(([key]) => key === name)?.[1];
}

function textOf(value: unknown): string | undefined {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

/** Without `/instruments` data the prefix still tells linear from inverse (reference §7). */
function fallbackSpec(symbol: string): ContractSpec {
  return { symbol, group: 'other', settlement: settlementOf({ symbol }), base: '', quote: 'USD', contractSize: 1, marginTiers: [], tradeable: true, postOnly: false };
}

export class LiveOrderGuard {
  private contracts: ContractBook | undefined;
  private marks = new Map<string, number>();
  private openOrders: readonly OpenOrder[] | undefined;
  private unavailable: string | undefined;

  constructor(private readonly options: LiveGuardOptions) {}

  /** Fresh mark prices (and open orders) before a request that may change state. */
  async refresh(): Promise<void> {
    if (this.options.maxNotional === undefined) return;
    this.unavailable = undefined;
    try {
      this.contracts ??= ContractBook.fromInstruments(await this.options.market.instruments());
      const tickers = await this.options.market.tickers();
      this.marks = new Map(tickers.flatMap((t) => (typeof t.markPrice === 'number' && Number.isFinite(t.markPrice) ? [[t.symbol.toUpperCase(), t.markPrice] as const] : [])));
    } catch (error) {
      this.unavailable = `the mark prices could not be fetched (${error instanceof Error ? error.message : String(error)})`;
    }
    if (!this.options.canReadOrders) return;
    try {
      this.openOrders = await this.options.market.openOrders();
    } catch {
      this.openOrders = undefined;
    }
  }

  /** A refusal (the runner prefixes "Refused: "), or undefined to send. */
  check(request: ResolvedRequest): string | undefined {
    if (!request.mutating) return undefined;
    const label = this.options.environmentLabel;
    const what = request.endpoint?.id ?? `${request.method} ${request.path}`;
    const cap = this.options.maxNotional;
    if (cap === undefined) {
      return `${what} changes state on the live environment ${label} and --max-notional is not set: against a live environment, state-changing requests are sent only under a per-order notional cap (e.g. --max-notional 100).`;
    }
    if (MOVES_FUNDS.has(what)) return `${what} moves funds: kfreq run never moves funds on a live environment (use Kraken's web interface).`;
    if (NO_NOTIONAL.has(what)) return undefined;
    if (what === 'sendorder') return this.orderProblem(param(request.params, 'symbol'), param(request.params, 'size'), param(request.params, 'side'), cap, '');
    if (what === 'editorder') return this.editProblem(param(request.params, 'orderId') ?? param(request.params, 'cliOrdId'), param(request.params, 'size'), cap, '');
    if (what === 'batchorder') return this.batchProblem(param(request.params, 'json'), cap);
    return `${what} changes state on the live environment ${label} and is not an order whose notional can be checked against --max-notional.`;
  }

  private orderProblem(symbol: string | undefined, sizeText: string | undefined, side: string | undefined, cap: number, label: string): string | undefined {
    if (!symbol) return `${label}the order has no symbol, so its notional cannot be checked against --max-notional.`;
    const upper = symbol.toUpperCase();
    if (this.unavailable) return `${label}${this.unavailable}; the notional of the ${upper} order cannot be checked against --max-notional.`;
    const mark = this.marks.get(upper);
    if (mark === undefined || mark <= 0) return `${label}no mark price for ${upper} in the tickers of ${this.options.environmentLabel}, so the notional cannot be checked against --max-notional.`;
    const size = Number(sizeText);
    if (sizeText === undefined || sizeText.trim() === '' || !Number.isFinite(size)) return `${label}the size of the ${upper} order is not a number, so its notional cannot be checked.`;
    const spec = this.contracts ? this.contracts.get(upper) : fallbackSpec(upper);
    if (!spec) return `${label}${upper} is not among the instruments of ${this.options.environmentLabel}.`;
    const notional = notionalOf(spec, size, mark);
    if (!notional) return `${label}the notional of the ${upper} order cannot be computed.`;
    // Inverse contracts are valued in coin; the cap is in the quote currency (1 contract = 1 USD).
    const quoteAmount = spec.settlement === 'linear' ? notional.amount : notional.amount * mark;
    if (quoteAmount <= cap) return undefined;
    const order = `${side ? `${side.toUpperCase()} ` : ''}${sizeText} ${upper}`;
    return `${label}${order} has a notional of ${formatAmount(quoteAmount, 2)} ${spec.quote} at mark price ${formatAmount(mark, 8)}, above --max-notional ${formatAmount(cap, 8)}.`;
  }

  private editProblem(ref: string | undefined, sizeText: string | undefined, cap: number, label: string): string | undefined {
    // An edit that keeps the size keeps the notional of an order that was already accepted.
    if (sizeText === undefined) return undefined;
    const order = ref === undefined ? undefined : this.openOrders?.find((o) => o.order_id === ref || o.cliOrdId === ref);
    if (!order) {
      return `${label}the edit changes the size of order ${ref ?? '(no id)'}, which is not among the open orders${this.openOrders ? '' : ' (they could not be read)'}, so the new notional cannot be checked against --max-notional.`;
    }
    return this.orderProblem(order.symbol, sizeText, order.side, cap, label);
  }

  private batchProblem(json: string | undefined, cap: number): string | undefined {
    let instructions: unknown;
    try {
      instructions = (JSON.parse(json ?? '') as { batchOrder?: unknown }).batchOrder;
    } catch {
      instructions = undefined;
    }
    if (!Array.isArray(instructions)) return 'the batch cannot be read (the json parameter is not {"batchOrder":[...]}), so its orders cannot be checked against --max-notional.';
    const problems = instructions.flatMap((raw: unknown, index) => {
      const instruction = (raw !== null && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
      const label = `batchOrder[${index}]: `;
      const get = (name: string) => textOf(instruction[name]);
      const problem =
        instruction.order === 'send' ? this.orderProblem(get('symbol'), get('size'), get('side'), cap, label)
        : instruction.order === 'edit' ? this.editProblem(get('order_id') ?? get('cliOrdId'), get('size'), cap, label)
        : instruction.order === 'cancel' ? undefined
        : `${label}unknown instruction, so it cannot be checked against --max-notional.`;
      return problem === undefined ? [] : [problem];
    });
    return problems.length > 0 ? problems.join(' ') : undefined;
  }
}
