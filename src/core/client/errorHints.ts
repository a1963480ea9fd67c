/**
 * What to do about each Kraken `error` value (reference §5.2, plus values seen in the wild).
 * The text never repeats request data, so it is safe to show and log.
 */

const AUTH_HINT =
  'Kraken could not verify the request. Check that the key is a Futures (Derivatives) key, not a Spot key; ' +
  'that the whole secret was copied; and that the signature covers exactly the URL-encoded parameter string ' +
  'that was sent, with /derivatives removed from the path. "Show Signature Steps" walks through it.';

const HINTS: Readonly<Record<string, string>> = {
  accountInactive: 'The Futures account is inactive (or has no history yet): open or fund it in the Kraken Futures web app first.',
  apiLimitExceeded: 'Rate limit reached (500 cost units per 10 s on /derivatives). Wait a few seconds; reads are retried automatically after a pause.',
  authenticationError: AUTH_HINT,
  unauthorized: AUTH_HINT,
  insufficientFunds: 'The amount is more than the source account has available.',
  invalidAccount: 'fromAccount/toAccount must be cash, flex, or a margin-account key such as fi_xbtusd.',
  invalidAmount: 'The amount must be a positive number in plain decimal notation.',
  invalidArgument: 'An argument has a wrong type or value. Check it against the endpoint reference (hover the parameter in a .kfreq file).',
  invalidUnit: 'The currency unit is not known; use a code such as xbt, eth or usd.',
  'Json Parse Error': 'The json field is not valid JSON. Send real JSON (double quotes, lowercase true/false), URL-encoded in the json= form field; batchOrderParams() builds it.',
  marketUnavailable: 'The market is currently unavailable. Try again later.',
  nonceBelowThreshold: 'The nonce is not above the last one this key used, probably because another program uses the same key with larger nonces. Use a separate key per program, or advance the nonce.',
  nonceDuplicate: 'This nonce was already used. Two requests must never share a nonce; let the client generate them.',
  notFound: 'Nothing was found for the given id or symbol.',
  requiredArgumentMissing: 'A required argument is missing. For batchorder the instructions must be inside the json= form field, not separate parameters.',
  'Server Error': 'Kraken failed while processing the request. Try again later.',
  Unavailable: 'The endpoint is temporarily unavailable. Try again later.',
  unknownError: 'Kraken reported an unknown error. Try again; if it persists, contact Kraken support with the serverTime.',
  'Bad Request': 'The request was malformed: every parameter must be URL-encoded (JSON inside json= too).',
  BAD_REQUEST: 'The request was malformed. Check required parameters (e.g. orderbook needs symbol) and that values are URL-encoded.',
  INSUFFICIENT_MARGIN: 'Not enough margin for this order. Reduce the size or add collateral.',
  contractNotFound: 'No contract has this symbol. List them with the instruments endpoint.',
};

/** Rules for messages that carry data after a fixed part (`BAD_REQUEST: UUID string too large`). */
const CONTAINS: ReadonlyArray<readonly [string, string]> = [
  ['UUID string too large', 'orderIds must be repeated keys (orderIds=a&orderIds=b), not a serialised list.'],
];

/**
 * A hint for a Kraken error value: exact match first, then the part before a colon
 * (`invalidArgument: symbol` → `invalidArgument`, naming the argument), then known fragments.
 */
export function hintForKrakenError(error: string): string | undefined {
  const exact = HINTS[error];
  if (exact) return exact;
  for (const [fragment, hint] of CONTAINS) if (error.includes(fragment)) return hint;
  const colon = error.indexOf(':');
  if (colon > 0) {
    const prefix = error.slice(0, colon).trim();
    const detail = error.slice(colon + 1).trim();
    const hint = HINTS[prefix];
    if (hint) return detail ? `${hint} (Kraken names: ${detail})` : hint;
  }
  return undefined;
}

/** True for values meaning "try again later" rather than "fix the request". */
export function isTransientKrakenError(error: string): boolean {
  return error === 'Server Error' || error === 'Unavailable';
}
