import { formatNumber } from '../catalog';
import type { ContractSpec } from './contractSpec';
import { gridNeighbours, isDecimalText } from './decimalText';
import { priceFieldOf, type OrderDraft } from './orderDraft';

/**
 * Checks an order against its contract before anything is sent (reference §4.3, §7): sizes on the
 * size step and not below the minimum, prices on the tick, the price the order type needs, a
 * usable client order id. Each message names the rule and a valid value to use instead, because
 * Kraken itself only answers `invalidSize` or `invalidPrice`.
 */

export type DraftField = 'symbol' | 'size' | 'limitPrice' | 'stopPrice' | 'cliOrdId';

export interface DraftProblem {
  readonly field: DraftField;
  readonly message: string;
}

export const MAX_CLI_ORD_ID_LENGTH = 100;

/** What one unit of size is: base units for linear contracts, USD contracts for inverse ones. */
export function sizeUnitOf(spec: ContractSpec): string {
  if (spec.settlement === 'inverse') return spec.contractSize === 1 ? `${spec.quote} contracts` : `contracts of ${formatNumber(spec.contractSize)} ${spec.quote}`;
  return spec.contractSize === 1 ? spec.base : `contracts of ${formatNumber(spec.contractSize)} ${spec.base}`;
}

function notANumber(what: string, text: string, example: string): string {
  return `${what} "${text}" is not a plain decimal number: write it like ${example}.`;
}

/** Undefined when `text` is a size Kraken accepts for `spec`; otherwise why not and what to use. */
export function checkSize(spec: ContractSpec, text: string): string | undefined {
  const value = text.trim();
  const example = spec.sizeStep !== undefined ? formatNumber(spec.sizeStep) : '1';
  if (value === '') return `Enter a size in ${sizeUnitOf(spec)}, e.g. ${example}.`;
  if (!isDecimalText(value)) return notANumber('Size', value, example);
  const amount = Number(value);
  if (!(amount > 0)) return `Size must be greater than 0 (it is ${value}); the side (buy/sell) gives the direction.`;
  if (spec.minimumSize !== undefined && amount < spec.minimumSize) {
    return `Size ${value} is below the minimum ${formatNumber(spec.minimumSize)} ${sizeUnitOf(spec)} of ${spec.symbol}; Kraken would reject it with invalidSize.`;
  }
  if (spec.sizeStep !== undefined) {
    const grid = gridNeighbours(value, spec.sizeStep);
    if (grid && grid.below !== grid.above) {
      return `Size ${value} is not a multiple of ${formatNumber(spec.sizeStep)}, the size step of ${spec.symbol}: use ${grid.below} or ${grid.above}.`;
    }
  }
  if (spec.maxPositionSize !== undefined && amount > spec.maxPositionSize) {
    return `Size ${value} is above the maximum position size ${formatNumber(spec.maxPositionSize)} of ${spec.symbol}; Kraken would reject it with maxPositionViolation.`;
  }
  return undefined;
}

/** Undefined when `text` is a price on the tick grid of `spec`. `what` names it in messages ("Limit price"). */
export function checkPrice(spec: ContractSpec, text: string, what = 'Price'): string | undefined {
  const value = text.trim();
  const example = spec.tickSize !== undefined ? formatNumber(spec.tickSize * 1000) : '100';
  if (value === '') return `Enter a ${what.toLowerCase()} in ${spec.quote}, e.g. ${example}.`;
  if (!isDecimalText(value)) return notANumber(what, value, example);
  if (!(Number(value) > 0)) return `${what} must be greater than 0 (it is ${value}).`;
  if (spec.tickSize !== undefined) {
    const grid = gridNeighbours(value, spec.tickSize);
    if (grid && grid.below !== grid.above) {
      const below = Number(grid.below) > 0 ? `${grid.below} or ` : '';
      return `${what} ${value} is not a multiple of the tick size ${formatNumber(spec.tickSize)} of ${spec.symbol}: use ${below}${grid.above}. Kraken would reject it with invalidPrice.`;
    }
  }
  return undefined;
}

/**
 * Kraken allows up to 100 characters and requires the id to be unique. Whitespace and braces are
 * refused here too: they do not survive being written into a `.kfreq` file, where `{{` starts a variable.
 */
export function checkCliOrdId(text: string): string | undefined {
  if (text === '') return undefined;
  if (text.length > MAX_CLI_ORD_ID_LENGTH) {
    return `The client order id has ${text.length} characters; Kraken allows at most ${MAX_CLI_ORD_ID_LENGTH} (clientOrderIdTooBig).`;
  }
  if (!/^[\x21-\x7e]+$/.test(text) || /[{}]/.test(text)) {
    return 'Use printable ASCII without spaces or braces for the client order id, e.g. a UUID or "my-strategy-0001".';
  }
  return undefined;
}

/** Every problem of a complete draft, in the order of the quick-order steps. */
export function validateDraft(draft: OrderDraft, spec: ContractSpec | undefined): DraftProblem[] {
  if (!spec) return [{ field: 'symbol', message: `${draft.symbol} is not in the instrument list of this environment.` }];
  const problems: DraftProblem[] = [];
  if (!spec.tradeable) problems.push({ field: 'symbol', message: `${spec.symbol} is not tradeable now (marketInactive).` });
  const push = (field: DraftField, message: string | undefined) => {
    if (message) problems.push({ field, message });
  };
  push('size', checkSize(spec, draft.size));
  const needed = priceFieldOf(draft.orderType);
  if (needed === 'limitPrice') push('limitPrice', checkPrice(spec, draft.limitPrice ?? '', 'Limit price'));
  else if (draft.limitPrice !== undefined && draft.limitPrice.trim() !== '') {
    push('limitPrice', draft.orderType === 'mkt' ? 'A market order takes no limit price; choose a limit order instead.' : checkPrice(spec, draft.limitPrice, 'Limit price'));
  }
  if (needed === 'stopPrice') push('stopPrice', checkPrice(spec, draft.stopPrice ?? '', 'Stop price'));
  else if (draft.stopPrice !== undefined && draft.stopPrice.trim() !== '') push('stopPrice', `A ${draft.orderType} order takes no stop price.`);
  if (spec.postOnly && draft.orderType !== 'post') {
    problems.push({ field: 'symbol', message: `${spec.symbol} accepts post-only orders only right now (marketIsPostOnly): choose "post".` });
  }
  push('cliOrdId', checkCliOrdId(draft.cliOrdId ?? ''));
  return problems;
}
