import { createHash, createHmac } from 'node:crypto';

/**
 * Kraken Futures REST signing:
 *   Authent = base64(HMAC-SHA512(base64decode(secret), SHA256(postData + nonce + endpointPath)))
 * endpointPath is the request path with only a leading `/derivatives` removed.
 */

const DERIVATIVES_PREFIX = '/derivatives';

export interface SignInput {
  /** The URL path exactly as sent, e.g. `/derivatives/api/v3/sendorder` (no query string). */
  readonly path: string;
  /** The URL-encoded parameter string exactly as sent (query for GET, form body for POST). */
  readonly postData: string;
  /** Optional nonce; when present it is hashed and sent in the `Nonce` header. */
  readonly nonce?: string;
  readonly apiKey: string;
  /**
   * The base64 API secret (validate it with `validateSecret` first), or the already decoded key
   * bytes when the caller keeps them (see `decodeSecretKey`).
   */
  readonly secret: string | Buffer;
}

export interface SignResult {
  readonly authent: string;
  readonly endpointPath: string;
  /** Headers to send: APIKey, Authent and (when a nonce is used) Nonce. */
  readonly headers: Readonly<Record<string, string>>;
}

export function endpointPathOf(path: string): string {
  return path.startsWith(DERIVATIVES_PREFIX) ? path.slice(DERIVATIVES_PREFIX.length) : path;
}

// One-entry memo: a client signs many requests with the same secret, and base64-decoding it on
// every call costs a noticeable share of a signature. One entry (not a map) so that at most one
// decoded secret lingers in module memory, and only one the caller is actively using.
let memoSecretText: string | undefined;
let memoSecretKey: Buffer | undefined;

/** The HMAC key for a base64 secret (lenient Node decoding; validate with `validateSecret` first). */
export function decodeSecretKey(secret: string | Buffer): Buffer {
  if (typeof secret !== 'string') return secret;
  if (secret !== memoSecretText || memoSecretKey === undefined) {
    memoSecretKey = Buffer.from(secret, 'base64');
    memoSecretText = secret;
  }
  return memoSecretKey;
}

/** The fast path: no trace, two hash operations. */
export function computeAuthent(secret: string | Buffer, postData: string, nonce: string, path: string): string {
  const digest = createHash('sha256').update(postData + nonce + endpointPathOf(path), 'utf8').digest();
  return createHmac('sha512', decodeSecretKey(secret)).update(digest).digest('base64');
}

export function sign(input: SignInput): SignResult {
  const nonce = input.nonce ?? '';
  const authent = computeAuthent(input.secret, input.postData, nonce, input.path);
  const headers: Record<string, string> = { APIKey: input.apiKey, Authent: authent };
  if (nonce !== '') headers.Nonce = nonce;
  return { authent, endpointPath: endpointPathOf(input.path), headers };
}
