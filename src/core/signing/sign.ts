import { createHash, createHmac, createSecretKey, type KeyObject } from 'node:crypto';

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

// One-entry memo of the last secret: a client signs many requests with the same secret, and a
// prepared KeyObject makes each HMAC about a third faster than handing node:crypto raw key bytes
// (measured by bench/signing.bench.ts). One entry, not a map, so at most one decoded secret —
// the one the caller is actively using — lingers in module memory.
interface SecretMemo {
  readonly text: string | undefined;
  readonly bytes: Buffer;
  readonly key: KeyObject;
}
let memo: SecretMemo | undefined;

function remember(secret: string | Buffer): SecretMemo {
  if (memo !== undefined) {
    const same = typeof secret === 'string' ? memo.text === secret : memo.text === undefined && memo.bytes.equals(secret);
    if (same) return memo;
  }
  // A Buffer is copied so that a caller reusing its buffer cannot change the remembered key.
  const bytes = typeof secret === 'string' ? Buffer.from(secret, 'base64') : Buffer.from(secret);
  memo = { text: typeof secret === 'string' ? secret : undefined, bytes, key: createSecretKey(bytes) };
  return memo;
}

/**
 * The HMAC key bytes for a base64 secret (lenient Node decoding; validate with `validateSecret`
 * first). The returned Buffer is shared with the memo: read it, do not modify it.
 */
export function decodeSecretKey(secret: string | Buffer): Buffer {
  return remember(secret).bytes;
}

/** The prepared HMAC key for a secret (memoised). */
export function hmacKeyOf(secret: string | Buffer): KeyObject {
  return remember(secret).key;
}

/** The fast path: no trace, two hash operations. */
export function computeAuthent(secret: string | Buffer, postData: string, nonce: string, path: string): string {
  const digest = createHash('sha256').update(postData + nonce + endpointPathOf(path), 'utf8').digest();
  return createHmac('sha512', hmacKeyOf(secret)).update(digest).digest('base64');
}

export function sign(input: SignInput): SignResult {
  const nonce = input.nonce ?? '';
  const authent = computeAuthent(input.secret, input.postData, nonce, input.path);
  const headers: Record<string, string> = { APIKey: input.apiKey, Authent: authent };
  if (nonce !== '') headers.Nonce = nonce;
  return { authent, endpointPath: endpointPathOf(input.path), headers };
}
