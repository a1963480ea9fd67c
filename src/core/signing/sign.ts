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
  /** The base64 API secret. Validate it with `validateSecret` first. */
  readonly secret: string;
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

/** The fast path: no trace, two hash operations. */
export function computeAuthent(secret: string | Buffer, postData: string, nonce: string, path: string): string {
  const key = typeof secret === 'string' ? Buffer.from(secret, 'base64') : secret;
  const digest = createHash('sha256').update(postData + nonce + endpointPathOf(path), 'utf8').digest();
  return createHmac('sha512', key).update(digest).digest('base64');
}

export function sign(input: SignInput): SignResult {
  const nonce = input.nonce ?? '';
  const authent = computeAuthent(input.secret, input.postData, nonce, input.path);
  const headers: Record<string, string> = { APIKey: input.apiKey, Authent: authent };
  if (nonce !== '') headers.Nonce = nonce;
  return { authent, endpointPath: endpointPathOf(input.path), headers };
}
