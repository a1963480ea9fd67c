import { formatNumber } from '../catalog';
import type { ContractSpec } from './contractSpec';
import { roundToGrid } from './decimalText';
import type { PositionFacts } from './kfreqRequests';
import type { OrderDraft } from './orderDraft';

/**
 * The order that closes a position: the opposite side, the full size, reduce-only so that it can
 * never flip the position if it was already partly closed by something else.
 */

export type CloseHow = { readonly orderType: 'mkt' } | { readonly orderType: 'lmt'; readonly limitPrice: string };

export function closingDraft(position: PositionFacts, how: CloseHow, spec?: ContractSpec): OrderDraft {
  // Sizes arrive as floats (0.30000000000000004); send them on the contract's size grid.
  const size = spec?.sizeStep !== undefined ? roundToGrid(position.size, spec.sizeStep) : formatNumber(position.size);
  return {
    symbol: position.symbol,
    side: position.side === 'long' ? 'sell' : 'buy',
    orderType: how.orderType,
    size,
    reduceOnly: true,
    ...(how.orderType === 'lmt' ? { limitPrice: how.limitPrice } : {}),
  };
}
