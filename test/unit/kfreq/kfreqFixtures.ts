import type { Diagnostic } from '../../../src/core/kfreq';
import type { SystemSources } from '../../../src/core/kfreq';

/**
 * Small builders for the kfreq tests: indented template literals become files, and fixed system
 * sources make `{{$timestamp}}` and friends deterministic.
 */

/** Removes the common indentation and the first/last empty lines of a template literal. */
export function kfreq(strings: TemplateStringsArray, ...values: unknown[]): string {
  const raw = strings.reduce((text, part, i) => text + part + (i < values.length ? String(values[i]) : ''), '');
  const lines = raw.split('\n');
  while (lines.length > 0 && lines[0]?.trim() === '') lines.shift();
  while (lines.length > 0 && lines[lines.length - 1]?.trim() === '') lines.pop();
  const indent = Math.min(...lines.filter((l) => l.trim() !== '').map((l) => l.length - l.trimStart().length));
  return lines.map((l) => l.slice(indent)).join('\n');
}

export function codes(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => d.code);
}

export function fixedSources(overrides: Partial<SystemSources> = {}): SystemSources {
  let nonce = 1_700_000_000_000_000;
  let uuid = 0;
  return {
    nowMs: () => 1_700_000_000_123,
    uuid: () => `00000000-0000-4000-8000-${String(++uuid).padStart(12, '0')}`,
    nonce: () => String(++nonce),
    random: () => 0.5,
    ...overrides,
  };
}

export const INSTRUMENTS = [
  { symbol: 'PF_XBTUSD', tickSize: 1, contractValueTradePrecision: 4 },
  { symbol: 'PI_XBTUSD', tickSize: 0.5, contractValueTradePrecision: 0 },
  { symbol: 'PF_ETHUSD', tickSize: 0.1, contractValueTradePrecision: 3, minimumSize: 0.01 },
];
