import { randomUUID } from 'node:crypto';

/**
 * `{{$timestamp}}` and friends. The clock, uuid, nonce and random sources are injectable so tests
 * and the fuzz run are deterministic.
 */

export interface SystemSources {
  /** Milliseconds since the epoch. */
  readonly nowMs: () => number;
  readonly uuid: () => string;
  /** A strictly increasing nonce string. */
  readonly nonce: () => string;
  /** Uniform in [0, 1). */
  readonly random: () => number;
}

export interface SystemVariableSpec {
  readonly name: string;
  readonly usage: string;
  readonly doc: string;
}

export const SYSTEM_VARIABLES: readonly SystemVariableSpec[] = [
  { name: 'timestamp', usage: '$timestamp', doc: 'Unix time in seconds.' },
  { name: 'timestampMs', usage: '$timestampMs', doc: 'Unix time in milliseconds.' },
  { name: 'isoTimestamp', usage: '$isoTimestamp', doc: 'The current time as ISO-8601 UTC, e.g. `2026-03-02T06:10:31.954Z` (the format of `processBefore`, `lastFillTime`).' },
  { name: 'uuid', usage: '$uuid', doc: 'A random UUID v4 (for example a unique `cliOrdId`).' },
  { name: 'nonce', usage: '$nonce', doc: 'A strictly increasing number: milliseconds × 1000 plus a counter.' },
  { name: 'randomInt', usage: '$randomInt min max', doc: 'A random integer from `min` (included) to `max` (excluded).' },
];

let lastNonce = 0;

/** Milliseconds × 1000 plus a counter, so two nonces taken in the same millisecond still increase. */
function defaultNonce(): string {
  lastNonce = Math.max(lastNonce + 1, Date.now() * 1000);
  return String(lastNonce);
}

export const DEFAULT_SYSTEM_SOURCES: SystemSources = {
  nowMs: () => Date.now(),
  uuid: () => randomUUID(),
  nonce: defaultNonce,
  random: () => Math.random(),
};

export type SystemValue = { readonly value: string } | { readonly error: string };

/** Evaluates the expression after `$`, e.g. `timestamp` or `randomInt 1 100`. */
export function evaluateSystemVariable(expression: string, sources: SystemSources): SystemValue {
  const [name = '', ...args] = expression.trim().split(/\s+/);
  const noArgs = (value: () => string): SystemValue => (args.length === 0 ? { value: value() } : { error: `\`$${name}\` takes no arguments.` });
  // An injected clock is outside this module's control; a bad one must not make resolution throw.
  const now = sources.nowMs();
  if ((name === 'timestamp' || name === 'timestampMs' || name === 'isoTimestamp') && !Number.isFinite(new Date(now).getTime())) {
    return { error: `The clock gave ${now}, which is not a time.` };
  }
  switch (name) {
    case 'timestamp':
      return noArgs(() => String(Math.floor(now / 1000)));
    case 'timestampMs':
      return noArgs(() => String(Math.floor(now)));
    case 'isoTimestamp':
      return noArgs(() => new Date(now).toISOString());
    case 'uuid':
      return noArgs(() => sources.uuid());
    case 'nonce':
      return noArgs(() => sources.nonce());
    case 'randomInt': {
      const [min, max] = args.map(Number);
      if (args.length !== 2 || !Number.isSafeInteger(min) || !Number.isSafeInteger(max)) {
        return { error: '`$randomInt` needs two integers: `{{$randomInt min max}}`.' };
      }
      if ((min as number) >= (max as number)) return { error: `\`$randomInt ${min} ${max}\`: min must be below max (max is excluded).` };
      return { value: String(Math.floor((min as number) + sources.random() * ((max as number) - (min as number)))) };
    }
    default:
      return { error: `Unknown system variable \`$${name}\`; known ones are ${SYSTEM_VARIABLES.map((v) => `\`$${v.name}\``).join(', ')}.` };
  }
}
