/**
 * Strict parsing of a raw query string or form body. Kraken's front end rejects a string it cannot
 * decode (a stray `%`, invalid UTF-8) and characters that must be encoded in a URL (unencoded JSON
 * such as `{"a":1}`) with HTTP 400, so those are errors here, not silently repaired.
 */

export type RawParams = Map<string, string[]>;

export type RawParseResult =
  | { readonly ok: true; readonly params: RawParams }
  | { readonly ok: false; readonly message: string };

/** Characters RFC 3986 allows unencoded in a query: unreserved, sub-delims, `:@/?` and `%`. */
const QUERY_SAFE = /^[A-Za-z0-9\-._~!$&'()*+,;=:@/?%]*$/;

function decode(text: string): string | undefined {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

export function parseRawParams(raw: string, where: 'query' | 'body'): RawParseResult {
  const params: RawParams = new Map();
  if (raw === '') return { ok: true, params };
  if (where === 'query' && !QUERY_SAFE.test(raw)) {
    return { ok: false, message: 'Bad Request: the URL contains invalid characters (please encode the json URL parameter)' };
  }
  for (const segment of raw.split('&')) {
    if (segment === '') continue;
    const eq = segment.indexOf('=');
    const name = decode(eq < 0 ? segment : segment.slice(0, eq));
    const value = eq < 0 ? '' : decode(segment.slice(eq + 1));
    if (name === undefined || value === undefined) {
      return { ok: false, message: `Bad Request: malformed percent-encoding in "${segment.slice(0, 40)}"` };
    }
    const list = params.get(name);
    if (list) list.push(value);
    else params.set(name, [value]);
  }
  return { ok: true, params };
}

/** The pre-2024 signing input: the whole parameter string form-decoded (`+` and `%XX`). */
export function legacyDecoded(raw: string): string | undefined {
  return decode(raw);
}
