import type { ContractSpec } from './contractSpec';
import type { PositionFacts } from './kfreqRequests';
import { describeDraft, type OrderDraft } from './orderDraft';
import { estimateMargin, formatAmount, formatMoney, marginCurrencyOf, notionalOf, type Money } from './orderMath';

/**
 * The last step of the quick order: what the order is worth at the mark price, the margin it is
 * likely to need against what the account has available, and where it goes. Estimates only: the
 * exchange decides, and the preview says so.
 */

export interface PreviewContext {
  readonly markPrice?: number;
  readonly available?: Money;
  /** The current position in the same contract, if any. */
  readonly position?: PositionFacts;
  readonly environment: { readonly label: string; readonly isLive: boolean };
}

export interface PreviewRow {
  readonly label: string;
  readonly value: string;
}

export interface OrderPreview {
  readonly title: string;
  readonly rows: readonly PreviewRow[];
  readonly warnings: readonly string[];
}

/** Kraken's price collar is not published; the simulator uses 10 %. Beyond this, warn. */
const COLLAR_WARNING = 0.1;

/** The part of the order that opens new exposure: reducing an opposite position needs no margin. */
export function openingSize(draft: OrderDraft, size: number, position: PositionFacts | undefined): number {
  if (draft.reduceOnly) return 0;
  const opposes = position !== undefined && (position.side === 'long') !== (draft.side === 'buy');
  return opposes ? Math.max(0, size - position.size) : size;
}

export function previewOrder(draft: OrderDraft, spec: ContractSpec, context: PreviewContext): OrderPreview {
  const size = Number(draft.size);
  const orderPrice = Number(draft.limitPrice ?? draft.stopPrice ?? Number.NaN);
  const mark = context.markPrice ?? (Number.isFinite(orderPrice) ? orderPrice : undefined);
  const rows: PreviewRow[] = [];
  const warnings: string[] = [];

  if (context.environment.isLive) warnings.push(`${context.environment.label} is a LIVE environment: this order uses real funds.`);

  const markLabel = context.markPrice !== undefined ? `mark ${formatAmount(context.markPrice, 8)}` : 'the order price (no mark price known)';
  const notional = mark !== undefined ? notionalOf(spec, size, mark) : undefined;
  rows.push({ label: 'Notional', value: notional ? `${formatMoney(notional)} at ${markLabel}` : 'unknown (no price)' });

  const opening = openingSize(draft, size, context.position);
  const margin = mark !== undefined && opening > 0 ? estimateMargin(spec, opening, mark) : undefined;
  if (opening === 0) {
    const which = context.position ? `the ${context.position.side} position` : 'a position';
    rows.push({ label: 'Estimated margin', value: `none: the order can only reduce ${which}` });
  } else if (margin) {
    rows.push({ label: 'Estimated margin', value: `${formatMoney(margin.initialMargin)} initial (up to ${formatAmount(margin.maxLeverage, 1)}× leverage)` });
  } else {
    rows.push({ label: 'Estimated margin', value: 'unknown: the contract publishes no margin levels' });
  }

  if (context.available) {
    rows.push({ label: 'Available margin', value: formatMoney(context.available) });
    if (margin && margin.initialMargin.currency === context.available.currency && margin.initialMargin.amount > context.available.amount) {
      warnings.push(`The estimated margin is more than is available: Kraken will likely reject the order with insufficientAvailableFunds.`);
    }
  } else {
    rows.push({ label: 'Available margin', value: `unknown (no ${marginCurrencyOf(spec)} margin account figures)` });
  }

  if (draft.reduceOnly && !context.position) warnings.push('Reduce-only without an open position: Kraken will answer wouldNotReducePosition.');
  if (context.markPrice !== undefined && draft.limitPrice !== undefined && (draft.orderType === 'lmt' || draft.orderType === 'ioc' || draft.orderType === 'post')) {
    const limit = Number(draft.limitPrice);
    const distance = Math.abs(limit - context.markPrice) / context.markPrice;
    const through = draft.side === 'buy' ? limit > context.markPrice : limit < context.markPrice;
    if (through && distance > COLLAR_WARNING) {
      warnings.push(`The limit price is ${formatAmount(distance * 100, 1)} % through the mark price: Kraken may refuse it (outsidePriceCollar).`);
    }
  }
  rows.push({ label: 'Environment', value: context.environment.isLive ? `${context.environment.label} (LIVE)` : context.environment.label });
  return { title: describeDraft(draft), rows, warnings };
}
