/**
 * The ONE place a Kraken parameter string is built.
 *
 * Kraken signs the parameter string exactly as it appears in the request (reference §2.4), so the
 * client builds it once, sends that exact text and signs that exact text. Encoding is
 * `encodeURIComponent` plus the five characters it leaves alone (`! ' ( ) *`): the WHATWG URL
 * parser re-encodes `'` in query strings, and a string that changes on the way out no longer
 * matches its signature.
 */

export type ParamValue = string | number | boolean | readonly (string | number | boolean)[] | null | undefined;

/** Either ordered pairs (repeat a key to repeat it on the wire) or a record (arrays become repeated keys). */
export type ParamInput = ReadonlyArray<readonly [string, string]> | Readonly<Record<string, ParamValue>>;

export function encodeParamComponent(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}

/**
 * Numbers are written in plain decimal notation: `String(1e-7)` is `"1e-7"`, which the exchange
 * does not document as accepted, while `0.0000001` always is.
 */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`Cannot send ${value} as a parameter value: it is not a finite number.`);
  const text = String(value);
  const match = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!match) return text;
  const [, sign, intPart, fracPart = '', expText] = match;
  const digits = intPart + fracPart;
  const point = intPart.length + Number(expText);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return sign + digits + '0'.repeat(point - digits.length);
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

function formatScalar(value: string | number | boolean): string {
  if (typeof value === 'number') return formatNumber(value);
  // Lowercase booleans: whether Kraken accepts `True` is unconfirmed (reference §2.4).
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return value;
}

/** Turns either input shape into ordered `[name, text]` pairs; `null`/`undefined` values are left out. */
export function paramPairs(params: ParamInput): Array<[string, string]> {
  if (Array.isArray(params)) return (params as ReadonlyArray<readonly [string, string]>).map(([k, v]) => [k, String(v)]);
  const pairs: Array<[string, string]> = [];
  for (const [name, value] of Object.entries(params as Readonly<Record<string, ParamValue>>)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) {
      for (const item of value as readonly (string | number | boolean)[]) pairs.push([name, formatScalar(item)]);
    } else {
      pairs.push([name, formatScalar(value as string | number | boolean)]);
    }
  }
  return pairs;
}

/**
 * `a=1&b=x%20y&ids=1&ids=2`: insertion order kept, `%20` for spaces, repeated keys for arrays,
 * booleans lowercase, empty values kept (`limitPrice=`) because dropping them changes what is signed.
 */
export function buildParamString(params: ParamInput): string {
  return paramPairs(params)
    .map(([name, value]) => `${encodeParamComponent(name)}=${encodeParamComponent(value)}`)
    .join('&');
}

function decodeComponent(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    // A malformed escape (`%zz`) is kept as written rather than losing the parameter.
    return text;
  }
}

/** Splits a raw query or form body into decoded pairs (`+` is a space, as in form bodies). */
export function parseParamString(text: string): Array<[string, string]> {
  const raw = text.startsWith('?') ? text.slice(1) : text;
  if (raw === '') return [];
  return raw
    .split('&')
    .filter((segment) => segment !== '')
    .map((segment) => {
      const eq = segment.indexOf('=');
      return eq < 0
        ? [decodeComponent(segment), '']
        : [decodeComponent(segment.slice(0, eq)), decodeComponent(segment.slice(eq + 1))];
    });
}

/** Groups pairs by name, keeping the order of repeated values (the input of `RateCost.dynamic`). */
export function paramMapOf(pairs: ReadonlyArray<readonly [string, string]>): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const [name, value] of pairs) {
    const values = map.get(name);
    if (values) values.push(value);
    else map.set(name, [value]);
  }
  return map;
}
