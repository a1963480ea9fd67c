import * as vscode from 'vscode';
import {
  formatAmount,
  groupTitle,
  ORDER_TYPE_LABELS,
  QUICK_ORDER_TYPES,
  roundToGrid,
  sizeUnitOf,
  suggestedPriceSource,
  type ContractSpec,
  type OrderSide,
  type PositionFacts,
  type QuickOrderType,
} from '../../core/orders';
import type { QuickInputSteps, StepAnswer } from './quickInputSteps';
import type { QuickOrderSources, Quotes } from './quickOrderFlow';

/**
 * The question of each quick-order step: the items of the pick steps (with prices, the position
 * an order would add to or reduce) and the prompts and pre-filled values of the input steps.
 */

/** The answers so far; every field may still be missing. */
export interface QuickOrderAnswers {
  symbol?: string;
  side?: OrderSide;
  orderType?: QuickOrderType;
  size?: string;
  price?: string;
  reduceOnly: boolean;
  cliOrdId?: string;
}

export type StepPlace = { step: number; totalSteps: number; title: string; canGoBack: boolean; id: string };

type Item<V> = vscode.QuickPickItem & { readonly value: V };

export async function pickInstrument(ui: QuickInputSteps, sources: QuickOrderSources, draft: QuickOrderAnswers, position: StepPlace): Promise<StepAnswer<string>> {
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

export async function pickSide(ui: QuickInputSteps, sources: QuickOrderSources, draft: QuickOrderAnswers, quotes: Quotes, spec: ContractSpec | undefined, position: StepPlace): Promise<StepAnswer<OrderSide>> {
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

export async function pickType(ui: QuickInputSteps, draft: QuickOrderAnswers, position: StepPlace): Promise<StepAnswer<QuickOrderType>> {
  const items: Item<QuickOrderType>[] = QUICK_ORDER_TYPES.map((type) => ({ label: ORDER_TYPE_LABELS[type].label, description: type, detail: ORDER_TYPE_LABELS[type].detail, value: type }));
  const active = items.find((i) => i.value === (draft.orderType ?? 'lmt'));
  const answer = await ui.pick({ ...position, placeholder: 'Order type', items, matchOnDescription: true, ...(active ? { active } : {}) });
  return typeof answer === 'object' ? answer.value : answer;
}

export async function pickOptions(ui: QuickInputSteps, draft: QuickOrderAnswers, position: StepPlace): Promise<StepAnswer<'continue' | 'reduceOnly' | 'cliOrdId'>> {
  const items: Item<'continue' | 'reduceOnly' | 'cliOrdId'>[] = [
    { label: '$(arrow-right) Continue to preview', value: 'continue' },
    { label: `$(${draft.reduceOnly ? 'pass-filled' : 'circle-large-outline'}) Reduce-only`, description: draft.reduceOnly ? 'on' : 'off', detail: 'Can only shrink an open position, never open or flip one', value: 'reduceOnly' },
    { label: '$(tag) Client order id', description: draft.cliOrdId ?? 'none', detail: 'Your own unique id for this order (optional)', value: 'cliOrdId' },
  ];
  const answer = await ui.pick({ ...position, placeholder: 'Options (select one to change it)', items, active: items[0] });
  return typeof answer === 'object' ? answer.value : answer;
}

export function sizePrompt(spec: ContractSpec, held: PositionFacts | undefined): string {
  const grid = spec.sizeStep !== undefined ? `step ${formatAmount(spec.sizeStep, 12)}, minimum ${formatAmount(spec.minimumSize ?? spec.sizeStep, 12)}` : 'no size step published';
  return `Size in ${sizeUnitOf(spec)} for ${spec.symbol} (${grid})${held ? `. Open position: ${held.side} ${held.size}` : ''}`;
}

export function pricePrompt(field: string, spec: ContractSpec, quotes: Quotes): string {
  const show = (value: number | undefined) => (value !== undefined ? formatAmount(value, 8) : '–');
  const tick = spec.tickSize !== undefined ? `tick ${formatAmount(spec.tickSize, 12)}` : 'no tick size published';
  return `${field} in ${spec.quote} (${tick}). Bid ${show(quotes.bid)} · ask ${show(quotes.ask)} · mark ${show(quotes.mark)}`;
}

/** Best bid or ask by order type and side, on the tick grid. */
export function suggestedPrice(draft: QuickOrderAnswers, spec: ContractSpec, quotes: Quotes): string {
  const source = suggestedPriceSource(draft.orderType ?? 'lmt', draft.side ?? 'buy');
  const value = (source === 'bid' ? quotes.bid : source === 'ask' ? quotes.ask : undefined) ?? quotes.mark ?? quotes.last;
  if (value === undefined) return '';
  return spec.tickSize !== undefined ? roundToGrid(value, spec.tickSize) : String(value);
}
