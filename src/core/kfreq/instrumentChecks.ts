import { formatNumber } from '../catalog';
import { didYouMean } from './didYouMean';
import type { Diagnostic, Range } from './types';

/**
 * Checks order values against instrument data (reference §7): prices on the tick size, sizes on
 * the size step (10^-contractValueTradePrecision) and not below the minimum, known symbols.
 * Runs only when the caller has an instrument list (e.g. from `/instruments`).
 */

export interface InstrumentInfo {
  readonly symbol: string;
  readonly tickSize?: number;
  /** The size step is 10^-n; 0 for PI_ contracts, 4 for PF_XBTUSD, may be negative. */
  readonly contractValueTradePrecision?: number;
  /** Smallest order size when known; otherwise one size step. */
  readonly minimumSize?: number;
  readonly tradeable?: boolean;
}

export interface SpannedValue {
  readonly text: string;
  readonly range: Range;
}

export interface OrderValues {
  readonly symbol?: SpannedValue;
  readonly prices: readonly (SpannedValue & { readonly param: string })[];
  readonly size?: SpannedValue;
  /** Prefix for messages about one instruction of a batch, e.g. `batchOrder[1]: `. */
  readonly label?: string;
}

export type InstrumentIndex = ReadonlyMap<string, InstrumentInfo>;

/** Symbols compare case-insensitively (`PI_XBTUSD` and `pi_xbtusd` are the same contract). */
export function indexInstruments(instruments: readonly InstrumentInfo[]): InstrumentIndex {
  return new Map(instruments.map((i) => [i.symbol.toUpperCase(), i]));
}

interface Decimal {
  readonly units: bigint;
  readonly scale: number;
}

function parseDecimal(text: string): Decimal | undefined {
  const match = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(text.trim());
  if (!match || ((match[2] ?? '') === '' && (match[3] ?? '') === '')) return undefined;
  const fraction = match[3] ?? '';
  const units = BigInt(`${match[1] === '-' ? '-' : ''}${match[2] || '0'}${fraction}`);
  return { units, scale: fraction.length };
}

/** Exact decimal arithmetic, because `0.3 % 0.1` in floating point is not 0. */
export function isMultipleOf(valueText: string, step: number): boolean | undefined {
  if (!Number.isFinite(step) || step <= 0) return undefined;
  const value = parseDecimal(valueText);
  const unit = parseDecimal(formatNumber(step));
  if (!value || !unit || unit.units === 0n) return undefined;
  const scale = Math.max(value.scale, unit.scale);
  const scaledValue = value.units * 10n ** BigInt(scale - value.scale);
  const scaledUnit = unit.units * 10n ** BigInt(scale - unit.scale);
  return scaledValue % scaledUnit === 0n;
}

export function sizeStepOf(instrument: InstrumentInfo): number | undefined {
  const precision = instrument.contractValueTradePrecision;
  return precision === undefined || !Number.isInteger(precision) ? undefined : Number(`1e${-precision}`);
}

export function checkSymbol(symbol: SpannedValue, instruments: InstrumentIndex, label = ''): Diagnostic | undefined {
  if (instruments.has(symbol.text.toUpperCase())) return undefined;
  const known = [...instruments.values()].map((i) => i.symbol);
  return {
    range: symbol.range,
    severity: 'warning',
    message: `${label}Unknown symbol \`${symbol.text}\`: it is not in the instrument list.${didYouMean(symbol.text, known)}`,
    code: 'unknown-symbol',
  };
}

export function checkOrderValues(values: OrderValues, instruments: InstrumentIndex): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const label = values.label ?? '';
  if (!values.symbol) return diagnostics;
  const unknown = checkSymbol(values.symbol, instruments, label);
  if (unknown) return [unknown];
  const instrument = instruments.get(values.symbol.text.toUpperCase()) as InstrumentInfo;
  const symbol = instrument.symbol;

  const tick = instrument.tickSize;
  for (const price of values.prices) {
    if (tick === undefined || isMultipleOf(price.text, tick) !== false) continue;
    diagnostics.push({
      range: price.range,
      severity: 'error',
      message: `${label}${price.param} ${price.text} is not a multiple of the tick size ${formatNumber(tick)} of ${symbol}; Kraken rejects it with invalidPrice.`,
      code: 'price-off-tick',
    });
  }

  const size = values.size;
  const step = sizeStepOf(instrument);
  if (size && step !== undefined) {
    const minimum = instrument.minimumSize ?? step;
    const amount = Number(size.text);
    if (Number.isFinite(amount) && amount < minimum) {
      diagnostics.push({
        range: size.range,
        severity: 'error',
        message: `${label}size ${size.text} is below the minimum ${formatNumber(minimum)} of ${symbol}; Kraken rejects it with invalidSize.`,
        code: 'size-below-minimum',
      });
    } else if (isMultipleOf(size.text, step) === false) {
      diagnostics.push({
        range: size.range,
        severity: 'error',
        message: `${label}size ${size.text} must be a multiple of ${formatNumber(step)} for ${symbol} (contractValueTradePrecision ${instrument.contractValueTradePrecision}).`,
        code: 'size-off-step',
      });
    }
  }
  return diagnostics;
}

/** Order values of the `send` instructions inside a batchorder `json` value. */
export function batchOrderValues(json: string, range: Range): OrderValues[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return [];
  }
  const list = (parsed as { batchOrder?: unknown } | null)?.batchOrder;
  if (!Array.isArray(list)) return [];
  const text = (value: unknown): string | undefined =>
    typeof value === 'string' ? value : typeof value === 'number' && Number.isFinite(value) ? formatNumber(value) : undefined;
  const values: OrderValues[] = [];
  list.forEach((item: unknown, position) => {
    if (item === null || typeof item !== 'object') return;
    const instruction = item as Record<string, unknown>;
    if (instruction.order !== 'send') return;
    const symbol = text(instruction.symbol);
    const size = text(instruction.size);
    const prices = ['limitPrice', 'stopPrice'].flatMap((param) => {
      const price = text(instruction[param]);
      return price === undefined ? [] : [{ param, text: price, range }];
    });
    values.push({
      label: `batchOrder[${position}]: `,
      prices,
      ...(symbol !== undefined ? { symbol: { text: symbol, range } } : {}),
      ...(size !== undefined ? { size: { text: size, range } } : {}),
    });
  });
  return values;
}
