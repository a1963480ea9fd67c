import * as vscode from 'vscode';
import { formatNumber, type Ticker } from '../../core/catalog';
import {
  checkCliOrdId,
  checkPrice,
  checkSize,
  formatAmount,
  groupTitle,
  ORDER_TYPE_LABELS,
  priceFieldOf,
  QUICK_ORDER_TYPES,
  roundToGrid,
  sizeUnitOf,
  suggestedPriceSource,
  validateDraft,
  type ContractBook,
  type ContractSpec,
  type Money,
  type OrderDraft,
  type OrderSide,
  type PositionFacts,
  type QuickOrderType,
} from '../../core/orders';
import type { Environment } from '../environments/environment';
import { previewItems, type PreviewChoice } from './quickOrderPreview';
import { BACK, type QuickInputSteps, type StepAnswer } from './quickInputSteps';

/**
 * "Kraken Futures: Place Order" as a multi-step quick input: instrument → side → type → size →
 * price → options → preview, with Back on every step. Each value is checked against the contract
 * at its own step (size against minimum and step, price against the tick), so a wrong value is
 * refused where it was typed. Resolves to what to do with the order, or undefined when cancelled.
 */

export interface Quotes {
  readonly bid?: number;
  readonly ask?: number;
  readonly mark?: number;
  readonly last?: number;
}

export interface QuickOrderSources {
  readonly environment: Environment;
  readonly contracts: ContractBook;
  readonly tickers: ReadonlyMap<string, Ticker>;
  /** Fresh best bid/ask and mark of one contract. */
  quotes(symbol: string): Promise<Quotes>;
  /** Margin available to an order on this contract, if known. */
  available(spec: ContractSpec): Promise<Money | undefined>;
  /** The open position in this contract, if any. */
  position(symbol: string): PositionFacts | undefined;
}

/** Values to start from (from an instrument, a position, or a test). Every step still shows them. */
export type QuickOrderPrefill = Partial<Omit<OrderDraft, 'limitPrice' | 'stopPrice'>> & { readonly price?: string };

export type QuickOrderResult = { readonly action: 'place' | 'kfreq'; readonly draft: OrderDraft };

type StepId = 'instrument' | 'side' | 'type' | 'size' | 'price' | 'options' | 'cliOrdId' | 'preview';
const ORDER: readonly StepId[] = ['instrument', 'side', 'type', 'size', 'price', 'options', 'preview'];

interface Draft {
  symbol?: string;
  side?: OrderSide;
  orderType?: QuickOrderType;
  size?: string;
  price?: string;
  reduceOnly: boolean;
  cliOrdId?: string;
}

export async function runQuickOrder(ui: QuickInputSteps, sources: QuickOrderSources, prefill: QuickOrderPrefill = {}): Promise<QuickOrderResult | undefined> {
  const draft: Draft = { ...prefill, reduceOnly: prefill.reduceOnly ?? false };
  const title = `Place Order on ${sources.environment.label}${sources.environment.isLive ? ' (LIVE)' : ''}`;
  const applicable = (): StepId[] => ORDER.filter((id) => id !== 'price' || (draft.orderType ?? 'lmt') !== 'mkt');
  const prefilled: Partial<Record<StepId, boolean>> = { instrument: !!prefill.symbol, side: !!prefill.side, type: !!prefill.orderType, size: !!prefill.size, price: !!prefill.price };
  // Steps the shortcut filled are skipped going forward (the preview shows every value); Back
  // reaches them, and once shown they are treated like any other step.
  const visited = new Set<StepId>();
  const skipped = (id: StepId | undefined) => id !== undefined && prefilled[id] === true && !visited.has(id);
  const forwardFrom = (from: number): number => {
    const steps = applicable();
    let next = from;
    while (next < steps.length - 1 && skipped(steps[next])) next++;
    return next;
  };
  let index = forwardFrom(0);
  let quotes: Quotes | undefined;

  for (;;) {
    const steps = applicable();
    const id = steps[index];
    visited.add(id);
    const position = { step: index + 1, totalSteps: steps.length, title, canGoBack: index > 0, id };
    const spec = draft.symbol ? sources.contracts.get(draft.symbol) : undefined;
    let answer: StepAnswer<unknown>;
    switch (id) {
      case 'instrument':
        answer = await pickInstrument(ui, sources, draft, position);
        if (typeof answer === 'string' && answer !== draft.symbol) {
          draft.symbol = answer;
          quotes = undefined;
          if (!prefilled.price) draft.price = undefined;
        }
        break;
      case 'side':
        quotes ??= await sources.quotes(draft.symbol as string);
        answer = await pickSide(ui, sources, draft, quotes, spec, position);
        if (answer === 'buy' || answer === 'sell') {
          if (answer !== draft.side && !prefilled.price) draft.price = undefined;
          draft.side = answer;
        }
        break;
      case 'type':
        answer = await pickType(ui, draft, position);
        if (typeof answer === 'string') {
          if (answer !== draft.orderType && !prefilled.price) draft.price = undefined;
          draft.orderType = answer as QuickOrderType;
        }
        break;
      case 'size':
        answer = await ui.input({
          ...position,
          prompt: sizePrompt(spec as ContractSpec, sources.position(draft.symbol as string)),
          value: draft.size ?? (spec?.minimumSize !== undefined ? formatNumber(spec.minimumSize) : ''),
          placeholder: 'size',
          validate: (value) => checkSize(spec as ContractSpec, value),
        });
        if (typeof answer === 'string') draft.size = answer;
        break;
      case 'price': {
        quotes ??= await sources.quotes(draft.symbol as string);
        const field = priceFieldOf(draft.orderType as QuickOrderType) === 'stopPrice' ? 'Stop price' : 'Limit price';
        answer = await ui.input({
          ...position,
          prompt: pricePrompt(field, spec as ContractSpec, quotes),
          value: draft.price ?? suggestedPrice(draft, spec as ContractSpec, quotes),
          placeholder: field.toLowerCase(),
          validate: (value) => checkPrice(spec as ContractSpec, value, field),
        });
        if (typeof answer === 'string') draft.price = answer;
        break;
      }
      case 'options':
        answer = await pickOptions(ui, draft, position);
        if (answer === 'reduceOnly') {
          draft.reduceOnly = !draft.reduceOnly;
          continue;
        }
        if (answer === 'cliOrdId') {
          const cliOrdId = await ui.input({
            ...position,
            id: 'cliOrdId',
            prompt: 'Client order id (optional, unique, at most 100 characters); empty for none',
            value: draft.cliOrdId ?? '',
            placeholder: 'e.g. my-strategy-0001',
            validate: (value) => checkCliOrdId(value.trim()),
          });
          if (cliOrdId === undefined) return undefined;
          if (typeof cliOrdId === 'string') draft.cliOrdId = cliOrdId === '' ? undefined : cliOrdId;
          continue;
        }
        break;
      case 'preview': {
        const order = toOrderDraft(draft);
        const [available, markQuotes] = await Promise.all([sources.available(spec as ContractSpec), quotes ? Promise.resolve(quotes) : sources.quotes(order.symbol)]);
        quotes = markQuotes;
        const problems = validateDraft(order, spec);
        const held = sources.position(order.symbol);
        const choice: StepAnswer<PreviewChoice> = await ui.pick({
          ...position,
          placeholder: `${sources.environment.isLive ? 'LIVE — ' : ''}Review the order, then place it`,
          items: previewItems(order, spec as ContractSpec, problems, {
            ...(quotes.mark !== undefined ? { markPrice: quotes.mark } : {}),
            ...(available ? { available } : {}),
            ...(held ? { position: held } : {}),
            environment: { label: sources.environment.label, isLive: sources.environment.isLive },
          }),
        });
        if (choice === undefined) return undefined;
        if (choice === BACK) {
          index = Math.max(0, index - 1);
          continue;
        }
        if (choice.action === 'place' || choice.action === 'kfreq') return { action: choice.action, draft: order };
        if (choice.action === 'fix' && choice.field) index = Math.max(0, applicable().indexOf(fieldStep(choice.field)));
        continue;
      }
      default:
        return undefined;
    }
    if (answer === undefined) return undefined;
    index = answer === BACK ? Math.max(0, index - 1) : forwardFrom(Math.min(index + 1, applicable().length - 1));
  }
}

function fieldStep(field: string): StepId {
  if (field === 'symbol') return 'instrument';
  if (field === 'size') return 'size';
  if (field === 'cliOrdId') return 'options';
  return 'price';
}

export function toOrderDraft(draft: Draft): OrderDraft {
  const orderType = draft.orderType ?? 'lmt';
  const field = priceFieldOf(orderType);
  return {
    symbol: draft.symbol as string,
    side: draft.side ?? 'buy',
    orderType,
    size: draft.size ?? '',
    reduceOnly: draft.reduceOnly,
    ...(field && draft.price !== undefined ? { [field]: draft.price } : {}),
    ...(draft.cliOrdId ? { cliOrdId: draft.cliOrdId } : {}),
  };
}

type Position = { step: number; totalSteps: number; title: string; canGoBack: boolean; id: string };
type Item<V> = vscode.QuickPickItem & { readonly value: V };

async function pickInstrument(ui: QuickInputSteps, sources: QuickOrderSources, draft: Draft, position: Position): Promise<StepAnswer<string>> {
  const items: Item<string>[] = sources.contracts.all
    .filter((spec) => spec.tradeable && spec.group !== 'other')
    .map((spec) => {
      const ticker = sources.tickers.get(spec.symbol);
      const price = ticker?.last ?? ticker?.markPrice;
      return {
        label: spec.symbol,
        description: price !== undefined ? `${formatAmount(price, 8)} ${spec.quote}${ticker?.change24h !== undefined ? ` · ${ticker.change24h > 0 ? '+' : ''}${formatAmount(ticker.change24h, 2)} %` : ''}` : 'no price',
        detail: `${groupTitle(spec.group)} · size in ${sizeUnitOf(spec)}`,
        value: spec.symbol,
      };
    });
  if (items.length === 0) throw new Error(`${sources.environment.label} lists no tradeable contracts`);
  const active = items.find((i) => i.value === draft.symbol?.toUpperCase());
  const answer = await ui.pick({ ...position, placeholder: 'Contract (type to filter, e.g. "xbt perp")', items, matchOnDetail: true, ...(active ? { active } : {}) });
  return typeof answer === 'object' ? answer.value : answer;
}

async function pickSide(ui: QuickInputSteps, sources: QuickOrderSources, draft: Draft, quotes: Quotes, spec: ContractSpec | undefined, position: Position): Promise<StepAnswer<OrderSide>> {
  const held = sources.position(draft.symbol as string);
  const price = (value: number | undefined) => (value !== undefined ? formatAmount(value, 8) : '–');
  const effect = (side: OrderSide) => (held ? ((held.side === 'long') === (side === 'buy') ? `adds to your ${held.side} ${held.size}` : `reduces your ${held.side} ${held.size}`) : undefined);
  const items: Item<OrderSide>[] = (['buy', 'sell'] as const).map((side) => ({
    label: side === 'buy' ? '$(arrow-up) Buy' : '$(arrow-down) Sell',
    description: side === 'buy' ? `best ask ${price(quotes.ask)}` : `best bid ${price(quotes.bid)}`,
    ...(effect(side) ? { detail: effect(side) } : {}),
    value: side,
  }));
  const active = items.find((i) => i.value === draft.side);
  const answer = await ui.pick({ ...position, placeholder: `${draft.symbol}${spec ? ` (${sizeUnitOf(spec)})` : ''}: buy or sell?`, items, ...(active ? { active } : {}) });
  return typeof answer === 'object' ? answer.value : answer;
}

async function pickType(ui: QuickInputSteps, draft: Draft, position: Position): Promise<StepAnswer<QuickOrderType>> {
  const items: Item<QuickOrderType>[] = QUICK_ORDER_TYPES.map((type) => ({ label: ORDER_TYPE_LABELS[type].label, description: type, detail: ORDER_TYPE_LABELS[type].detail, value: type }));
  const active = items.find((i) => i.value === (draft.orderType ?? 'lmt'));
  const answer = await ui.pick({ ...position, placeholder: 'Order type', items, matchOnDescription: true, ...(active ? { active } : {}) });
  return typeof answer === 'object' ? answer.value : answer;
}

async function pickOptions(ui: QuickInputSteps, draft: Draft, position: Position): Promise<StepAnswer<'continue' | 'reduceOnly' | 'cliOrdId'>> {
  const items: Item<'continue' | 'reduceOnly' | 'cliOrdId'>[] = [
    { label: '$(arrow-right) Continue to preview', value: 'continue' },
    { label: `$(${draft.reduceOnly ? 'pass-filled' : 'circle-large-outline'}) Reduce-only`, description: draft.reduceOnly ? 'on' : 'off', detail: 'Can only shrink an open position, never open or flip one', value: 'reduceOnly' },
    { label: '$(tag) Client order id', description: draft.cliOrdId ?? 'none', detail: 'Your own unique id for this order (optional)', value: 'cliOrdId' },
  ];
  const answer = await ui.pick({ ...position, placeholder: 'Options (select one to change it)', items, active: items[0] });
  return typeof answer === 'object' ? answer.value : answer;
}

function sizePrompt(spec: ContractSpec, held: PositionFacts | undefined): string {
  const grid = spec.sizeStep !== undefined ? `step ${formatAmount(spec.sizeStep, 12)}, minimum ${formatAmount(spec.minimumSize ?? spec.sizeStep, 12)}` : 'no size step published';
  return `Size in ${sizeUnitOf(spec)} for ${spec.symbol} (${grid})${held ? `. Open position: ${held.side} ${held.size}` : ''}`;
}

function pricePrompt(field: string, spec: ContractSpec, quotes: Quotes): string {
  const show = (value: number | undefined) => (value !== undefined ? formatAmount(value, 8) : '–');
  const tick = spec.tickSize !== undefined ? `tick ${formatAmount(spec.tickSize, 12)}` : 'no tick size published';
  return `${field} in ${spec.quote} (${tick}). Bid ${show(quotes.bid)} · ask ${show(quotes.ask)} · mark ${show(quotes.mark)}`;
}

/** Best bid or ask by order type and side, on the tick grid. */
function suggestedPrice(draft: Draft, spec: ContractSpec, quotes: Quotes): string {
  const source = suggestedPriceSource(draft.orderType ?? 'lmt', draft.side ?? 'buy');
  const value = (source === 'bid' ? quotes.bid : source === 'ask' ? quotes.ask : undefined) ?? quotes.mark ?? quotes.last;
  if (value === undefined) return '';
  return spec.tickSize !== undefined ? roundToGrid(value, spec.tickSize) : String(value);
}
