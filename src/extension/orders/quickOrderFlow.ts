import { formatNumber, type Ticker } from '../../core/catalog';
import {
  checkCliOrdId,
  checkPrice,
  checkSize,
  priceFieldOf,
  validateDraft,
  type ContractBook,
  type ContractSpec,
  type Money,
  type OrderDraft,
  type PositionFacts,
  type QuickOrderType,
} from '../../core/orders';
import type { Environment } from '../environments/environment';
import { BACK, type QuickInputSteps, type StepAnswer } from './quickInputSteps';
import { previewItems, type PreviewChoice } from './quickOrderPreview';
import { pickInstrument, pickOptions, pickSide, pickType, pricePrompt, sizePrompt, suggestedPrice, type QuickOrderAnswers } from './quickOrderQuestions';

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


export async function runQuickOrder(ui: QuickInputSteps, sources: QuickOrderSources, prefill: QuickOrderPrefill = {}): Promise<QuickOrderResult | undefined> {
  const known = prefill.symbol ? sources.contracts.get(prefill.symbol) : undefined;
  // A symbol this environment does not list is not pre-filled: the instrument step asks for one.
  const draft: QuickOrderAnswers = { ...prefill, symbol: known?.symbol, reduceOnly: prefill.reduceOnly ?? false };
  const title = `Place Order on ${sources.environment.label}${sources.environment.isLive ? ' (LIVE)' : ''}`;
  const applicable = (): StepId[] => ORDER.filter((id) => id !== 'price' || (draft.orderType ?? 'lmt') !== 'mkt');
  const prefilled: Partial<Record<StepId, boolean>> = { instrument: known !== undefined, side: !!prefill.side, type: !!prefill.orderType, size: !!prefill.size, price: !!prefill.price };
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

export function toOrderDraft(draft: QuickOrderAnswers): OrderDraft {
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

