/**
 * Prices and sizes are binary floats; every stored value is snapped to its instrument's grid so
 * repeated additions (0.1 + 0.2) never drift into values the exchange could not have produced.
 */

const POWERS = Array.from({ length: 13 }, (_, d) => 10 ** d);

export function roundTo(value: number, decimals: number): number {
  if (!Number.isFinite(value)) return value;
  const d = Math.max(0, Math.min(12, decimals));
  const scaled = value * POWERS[d];
  // Integer ÷ power of ten is correctly rounded, i.e. the double nearest the decimal; the
  // slower toFixed path is only needed where the scaled value leaves the exact-integer range.
  return Math.abs(scaled) < 4e15 ? Math.round(scaled) / POWERS[d] : Number(value.toFixed(d));
}

/** Decimal places needed to write `step` exactly (0.5 -> 1, 0.0001 -> 4, 1 -> 0). */
export function decimalsOf(step: number): number {
  if (Number.isInteger(step)) return 0;
  const text = step.toExponential();
  const [mantissa, exponent] = text.split('e');
  const mantissaDecimals = (mantissa.split('.')[1] ?? '').length;
  return Math.max(0, mantissaDecimals - Number(exponent));
}

export function isMultipleOf(value: number, step: number): boolean {
  const ratio = value / step;
  return Math.abs(ratio - Math.round(ratio)) < 1e-7;
}

export function floorToStep(value: number, step: number): number {
  return roundTo(Math.floor(value / step + 1e-9) * step, decimalsOf(step));
}

export function ceilToStep(value: number, step: number): number {
  return roundTo(Math.ceil(value / step - 1e-9) * step, decimalsOf(step));
}

export function roundToStep(value: number, step: number): number {
  return roundTo(Math.round(value / step) * step, decimalsOf(step));
}
