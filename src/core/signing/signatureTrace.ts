import { createHash, createHmac } from 'node:crypto';
import { fingerprint, secretFingerprint } from './fingerprint';
import { decodeSecretKey, endpointPathOf, hmacKeyOf, type SignInput, type SignResult } from './sign';

/**
 * The signature worked step by step, for people comparing their own code with ours. Kept apart from
 * `sign()` so the fast path never builds strings it does not need.
 */

export type SignatureStepId =
  | 'postData'
  | 'nonce'
  | 'endpointPath'
  | 'challenge'
  | 'message'
  | 'sha256Hex'
  | 'sha256Base64'
  | 'secretKey'
  | 'hmacSha512'
  | 'headers';

export interface SignatureStep {
  readonly id: SignatureStepId;
  readonly label: string;
  readonly value: string;
  readonly note?: string;
}

export interface TracedSignResult extends SignResult {
  readonly trace: readonly SignatureStep[];
  readonly message: string;
  readonly sha256Hex: string;
  readonly sha256Base64: string;
}

/** The two hash steps shared by REST and WebSocket signing, as trace steps. */
export function hashSteps(secret: string | Buffer, message: string): { steps: SignatureStep[]; digest: Buffer; mac: string } {
  const digest = createHash('sha256').update(message, 'utf8').digest();
  const key = decodeSecretKey(secret);
  const mac = createHmac('sha512', hmacKeyOf(secret)).update(digest).digest('base64');
  const secretText = typeof secret === 'string' ? secret : secret.toString('base64');
  const steps: SignatureStep[] = [
    { id: 'sha256Hex', label: 'SHA-256(message), hex', value: digest.toString('hex'), note: 'shown in hex for comparison only: the HMAC takes the 32 raw bytes, not this text' },
    { id: 'sha256Base64', label: 'SHA-256(message), base64', value: digest.toString('base64') },
    { id: 'secretKey', label: 'HMAC key = base64-decoded secret', value: `${key.length} bytes (${secretFingerprint(secretText)})`, note: 'the secret itself is never shown; decode it with the standard base64 alphabet' },
    { id: 'hmacSha512', label: 'base64(HMAC-SHA512(key, SHA-256 bytes))', value: mac, note: `${mac.length} characters of standard base64` },
  ];
  return { steps, digest, mac };
}

function endpointPathNote(path: string, endpointPath: string): string {
  if (endpointPath !== path) return `removed the leading '/derivatives' from '${path}'`;
  return "nothing removed: only a leading '/derivatives' is stripped";
}

export function signWithTrace(input: SignInput): TracedSignResult {
  const nonce = input.nonce ?? '';
  const endpointPath = endpointPathOf(input.path);
  const message = input.postData + nonce + endpointPath;
  const hashed = hashSteps(input.secret, message);
  const authent = hashed.mac;
  const headers: Record<string, string> = { APIKey: input.apiKey, Authent: authent };
  if (nonce !== '') headers.Nonce = nonce;
  const shownHeaders = [`APIKey: ${input.apiKey === '' ? '(no key given)' : fingerprint(input.apiKey)}`, `Authent: ${authent}`];
  if (nonce !== '') shownHeaders.push(`Nonce: ${nonce}`);
  const trace: SignatureStep[] = [
    { id: 'postData', label: 'postData (parameters exactly as sent)', value: input.postData, note: input.postData === '' ? 'empty: the request has no parameters' : 'sign the encoded text you send, not decoded values' },
    { id: 'nonce', label: 'nonce', value: nonce, note: nonce === '' ? 'no nonce: nothing is hashed for it and the Nonce header is omitted' : 'the same string goes into the Nonce header' },
    { id: 'endpointPath', label: 'endpointPath', value: endpointPath, note: endpointPathNote(input.path, endpointPath) },
    { id: 'message', label: 'message = postData + nonce + endpointPath', value: message, note: 'plain concatenation, no separators, UTF-8' },
    ...hashed.steps,
    { id: 'headers', label: 'headers', value: shownHeaders.join('\n'), note: 'APIKey shown as a fingerprint; send the real key' },
  ];
  return {
    authent,
    endpointPath,
    headers,
    trace,
    message,
    sha256Hex: hashed.digest.toString('hex'),
    sha256Base64: hashed.digest.toString('base64'),
  };
}
