import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { computeAuthent } from '../../core/signing';
import { NonceWindow } from './nonceWindow';
import { legacyDecoded } from './rawParams';

/**
 * Verifies `Authent` exactly as Kraken does (reference §2.9): over the raw query plus the raw body,
 * before any parsing, with only a leading `/derivatives` stripped from the path, compared in
 * constant time. The nonce is checked only after the signature holds, so nobody can burn a
 * key's nonces with unsigned requests.
 */

export type AuthFailure = 'authenticationError' | 'nonceBelowThreshold' | 'nonceDuplicate' | 'invalidArgument: nonce';

export type AuthVerdict = { readonly ok: true; readonly apiKey: string } | { readonly ok: false; readonly error: AuthFailure };

export interface SignedRequest {
  readonly path: string;
  readonly rawQuery: string;
  readonly rawBody: string;
  readonly headers: IncomingHttpHeaders;
}

export interface AuthenticatorOptions {
  readonly apiKey: string;
  readonly secret: string;
  /** Also accept a signature over the form-decoded parameters (the pre-2024 method). */
  readonly legacySignatures: boolean;
  readonly nonceWindow: number;
  /** The highest nonce accepted before a restart: it and everything below it stay refused. */
  readonly nonceFloor?: string;
  /** Told each time a nonce becomes the key's highest, so it can be made durable before the answer. */
  readonly onNonceAccepted?: (apiKey: string, nonce: string) => void;
}

const sha256 = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/** Equal-length digests keep the comparison constant-time whatever the attacker sends. */
function sameText(a: string, b: string): boolean {
  return timingSafeEqual(sha256(a), sha256(b));
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export class Authenticator {
  private readonly keyBytes: Buffer;
  private readonly nonces: NonceWindow;

  constructor(private readonly options: AuthenticatorOptions) {
    this.keyBytes = Buffer.from(options.secret, 'base64');
    this.nonces = new NonceWindow(options.nonceWindow);
    if (options.nonceFloor !== undefined && this.nonces.check(options.nonceFloor) === 'ok') this.nonces.accept(options.nonceFloor);
  }

  get apiKey(): string {
    return this.options.apiKey;
  }

  verify(req: SignedRequest): AuthVerdict {
    const apiKey = header(req.headers, 'apikey');
    const authent = header(req.headers, 'authent');
    if (apiKey === undefined || authent === undefined) return { ok: false, error: 'authenticationError' };
    const nonce = header(req.headers, 'nonce') ?? '';
    const knownKey = sameText(apiKey, this.options.apiKey);
    const postData = req.rawQuery + req.rawBody;
    let valid = sameText(authent, computeAuthent(this.keyBytes, postData, nonce, req.path));
    if (!valid && this.options.legacySignatures) {
      const decoded = legacyDecoded(postData);
      valid = decoded !== undefined && decoded !== postData && sameText(authent, computeAuthent(this.keyBytes, decoded, nonce, req.path));
    }
    if (!knownKey || !valid) return { ok: false, error: 'authenticationError' };
    if (nonce !== '') {
      const verdict = this.nonces.check(nonce);
      if (verdict === 'invalidNonce') return { ok: false, error: 'invalidArgument: nonce' };
      if (verdict !== 'ok') return { ok: false, error: verdict };
      this.nonces.accept(nonce);
      const value = BigInt(nonce).toString();
      if (this.nonces.highest() === value) this.options.onNonceAccepted?.(this.options.apiKey, value);
    }
    return { ok: true, apiKey };
  }
}
