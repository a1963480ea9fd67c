/**
 * Did Kraken accept the request? `result: "success"` only means it was assessed; whether an order
 * was placed is in a nested status (reference §4.0, §4.3), and order rejections come with HTTP 200.
 */

export interface ResponseVerdict {
  readonly ok: boolean;
  /** One line, e.g. `sendStatus.status = insufficientAvailableFunds`. */
  readonly reason: string;
}

/** Nested statuses that mean the instruction was carried out. */
export const ACCEPTED_STATUSES: ReadonlySet<string> = new Set(['placed', 'partiallyFilled', 'filled', 'cancelled', 'edited', 'noOrdersToCancel']);

const NESTED_STATUS_FIELDS = ['sendStatus', 'editStatus', 'cancelStatus'] as const;

function field(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>)[key] : undefined;
}

export function krakenVerdict(status: number, body: unknown): ResponseVerdict {
  if (status < 200 || status > 299) {
    const message = field(body, 'error') ?? field(field(body, 'errors'), '0') ?? '';
    return { ok: false, reason: `HTTP ${status}${typeof message === 'string' && message ? `: ${message}` : ''}` };
  }
  if (field(body, 'result') === 'error') {
    const error = field(body, 'error');
    const errors = field(body, 'errors');
    const first = Array.isArray(errors) ? field(errors[0], 'message') : undefined;
    return { ok: false, reason: `result = error: ${typeof error === 'string' ? error : typeof first === 'string' ? first : 'no error text'}` };
  }
  const errors = field(body, 'errors');
  if (Array.isArray(errors) && errors.length > 0) {
    const first = field(errors[0], 'message');
    return { ok: false, reason: `errors: ${typeof first === 'string' ? first : JSON.stringify(errors[0])}` };
  }
  for (const name of NESTED_STATUS_FIELDS) {
    const nested = field(field(body, name), 'status');
    if (typeof nested === 'string' && !ACCEPTED_STATUSES.has(nested)) return { ok: false, reason: `${name}.status = ${nested}` };
  }
  const batch = field(body, 'batchStatus');
  if (Array.isArray(batch)) {
    const rejected = batch.map((entry, i) => [i, field(entry, 'status')] as const).filter(([, s]) => typeof s === 'string' && !ACCEPTED_STATUSES.has(s));
    if (rejected.length > 0) return { ok: false, reason: rejected.map(([i, s]) => `batchStatus[${i}].status = ${String(s)}`).join(', ') };
  }
  const result = field(body, 'result');
  return { ok: true, reason: typeof result === 'string' ? `result = ${result}` : `HTTP ${status}` };
}
