import { formatNumber } from '../catalog';

/**
 * Exact arithmetic on decimal text, for grid checks: `0.3 % 0.1` in floating point is not 0, and a
 * size like 0.0003 must be judged against the step 0.0001 exactly as Kraken will.
 */

interface ScaledDecimal {
  /** The value times 10^scale. */
  readonly units: bigint;
  readonly scale: number;
}

/** Plain decimal text as a person types it: optional sign, digits, optional fraction. No exponent. */
const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?$/;

export function isDecimalText(text: string): boolean {
  const match = DECIMAL.exec(text.trim());
  return match !== null && ((match[2] ?? '') !== '' || (match[3] ?? '') !== '');
}

function parse(text: string): ScaledDecimal | undefined {
  const match = DECIMAL.exec(text.trim());
  if (!match || ((match[2] ?? '') === '' && (match[3] ?? '') === '')) return undefined;
  const fraction = match[3] ?? '';
  return { units: BigInt(`${match[1] === '-' ? '-' : ''}${match[2] || '0'}${fraction}`), scale: fraction.length };
}

function rescale(value: ScaledDecimal, scale: number): bigint {
  return value.units * 10n ** BigInt(scale - value.scale);
}

function render(units: bigint, scale: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = scale > 0 ? digits.slice(digits.length - scale).replace(/0+$/, '') : '';
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** The grid values just below and just above `text` on multiples of `step` (equal when on the grid). */
export function gridNeighbours(text: string, step: number): { below: string; above: string } | undefined {
  const value = parse(text);
  const unit = Number.isFinite(step) && step > 0 ? parse(formatNumber(step)) : undefined;
  if (!value || !unit || unit.units === 0n) return undefined;
  const scale = Math.max(value.scale, unit.scale);
  const v = rescale(value, scale);
  const u = rescale(unit, scale);
  let floor = (v / u) * u;
  if (floor > v) floor -= u; // BigInt division truncates towards zero
  const ceil = floor === v ? v : floor + u;
  return { below: render(floor, scale), above: render(ceil, scale) };
}

export function isOnGrid(text: string, step: number): boolean | undefined {
  const neighbours = gridNeighbours(text, step);
  return neighbours && neighbours.below === neighbours.above;
}

/** Number of decimals a step needs when printed (0.0001 → 4, 10 → 0). */
export function decimalsOf(step: number): number {
  const text = formatNumber(step);
  const at = text.indexOf('.');
  return at < 0 ? 0 : text.length - at - 1;
}

/** `value` rounded to the nearest multiple of `step`, as plain decimal text. */
export function roundToGrid(value: number, step: number): string {
  if (!Number.isFinite(value) || !Number.isFinite(step) || step <= 0) return formatNumber(value);
  const decimals = decimalsOf(step);
  const rounded = Math.round(value / step) * step;
  return formatNumber(Number(rounded.toFixed(decimals)));
}
