import type { ContractKind } from '../market/instruments';

/**
 * Position and PnL arithmetic for both contract families.
 *   linear  (PF_/FF_): PnL = size × contractSize × (exit − entry), in USD
 *   inverse (PI_/FI_): PnL = size × contractSize × (1/entry − 1/exit), in coin
 * For inverse contracts the average entry is harmonic, because each contract is a fixed USD
 * amount whose coin value is contractSize / price.
 */

export interface PositionChange {
  readonly size: number;
  readonly price: number;
  /** PnL realised by the part of the fill that reduced the position. */
  readonly realized: number;
}

export function realizedPnl(kind: ContractKind, contractSize: number, closedSigned: number, entry: number, exit: number): number {
  return kind === 'linear'
    ? closedSigned * contractSize * (exit - entry)
    : closedSigned * contractSize * (1 / entry - 1 / exit);
}

export function unrealizedPnl(kind: ContractKind, contractSize: number, size: number, entry: number, mark: number): number {
  if (size === 0) return 0;
  return realizedPnl(kind, contractSize, size, entry, mark);
}

/** Size and price of a position after a fill of `signedQty` (positive buys) at `price`. */
export function applyFill(kind: ContractKind, contractSize: number, size: number, entry: number, signedQty: number, price: number, sizeDecimals: number): PositionChange {
  const round = (x: number) => Number(x.toFixed(sizeDecimals));
  const next = round(size + signedQty);
  if (size === 0 || Math.sign(size) === Math.sign(signedQty)) {
    const a = Math.abs(size);
    const b = Math.abs(signedQty);
    const avg = kind === 'linear' ? (a * entry + b * price) / (a + b) : (a + b) / ((size === 0 ? 0 : a / entry) + b / price);
    return { size: next, price: avg, realized: 0 };
  }
  const closing = Math.min(Math.abs(signedQty), Math.abs(size)) * Math.sign(size);
  const realized = realizedPnl(kind, contractSize, closing, entry, price);
  if (next === 0) return { size: 0, price: 0, realized };
  // Flipped through zero: the remainder is a new position opened at the fill price.
  return { size: next, price: Math.sign(next) === Math.sign(size) ? entry : price, realized };
}

/** Value of a position in its margin currency: USD for linear, coin for inverse. */
export function notional(kind: ContractKind, contractSize: number, size: number, price: number): number {
  return kind === 'linear' ? Math.abs(size) * contractSize * price : (Math.abs(size) * contractSize) / price;
}

/** Fees: Kraken's base tier, 0.02 % maker and 0.05 % taker, charged on notional. */
export const MAKER_FEE = 0.0002;
export const TAKER_FEE = 0.0005;

export function feeFor(kind: ContractKind, contractSize: number, size: number, price: number, maker: boolean): number {
  return notional(kind, contractSize, size, price) * (maker ? MAKER_FEE : TAKER_FEE);
}
