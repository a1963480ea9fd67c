import { validateApiKey, validateSecret } from '../../core/signing';
import { UserFacingError } from '../shared/userFacingError';

export const SIGNATURE_METHODS = ['GET', 'POST', 'PUT', 'DELETE'] as const;
export type SignatureMethod = (typeof SIGNATURE_METHODS)[number];

/** Everything needed to sign one request. The secret lives only as long as the command runs. */
export interface SignatureRequest {
  readonly method: SignatureMethod;
  readonly path: string;
  readonly postData: string;
  /** Empty when no nonce is used (then no `Nonce` header is sent). */
  readonly nonce: string;
  readonly apiKey: string;
  readonly secret: string;
}

/**
 * Each check returns `undefined` when the value is fine, else a message saying how to fix it.
 * The same checks back the input boxes and the command's arguments.
 */
export const signatureChecks = {
  method(value: string): string | undefined {
    return (SIGNATURE_METHODS as readonly string[]).includes(value) ? undefined : `Method must be one of ${SIGNATURE_METHODS.join(', ')}.`;
  },
  path(value: string): string | undefined {
    if (/^https?:\/\//i.test(value)) return 'Give only the path, without the host, e.g. /derivatives/api/v3/openpositions.';
    if (!value.startsWith('/')) return 'The path starts with "/", e.g. /derivatives/api/v3/openpositions.';
    if (value.includes('?')) return 'Leave the query string out of the path: it goes into postData (next step).';
    if (/\s/.test(value)) return 'The path contains whitespace; send and sign the URL-encoded path.';
    return undefined;
  },
  postData(value: string): string | undefined {
    if (value.startsWith('?')) return 'postData has no leading "?": give the parameter string exactly as sent, e.g. symbol=PF_XBTUSD&size=1.';
    if (/[\r\n]/.test(value)) return 'postData is a single line: the URL-encoded parameter string exactly as sent.';
    return undefined;
  },
  nonce(value: string): string | undefined {
    return /\s/.test(value) ? 'The nonce cannot contain whitespace (usually a millisecond timestamp, e.g. 1731680000000).' : undefined;
  },
  // Credentials are checked by the core, untrimmed, so a pasted blank is reported rather than hidden.
  apiKey(value: string): string | undefined {
    return validateApiKey(value).problems.find((p) => p.severity === 'error')?.message;
  },
  secret(value: string): string | undefined {
    return validateSecret(value).problems.find((p) => p.severity === 'error')?.message;
  },
} satisfies Record<keyof SignatureRequest, (value: string) => string | undefined>;

/**
 * Checks a complete set of values (for example the command's arguments) and returns the request,
 * or throws a UserFacingError naming the first bad field.
 */
export function toSignatureRequest(values: Record<keyof SignatureRequest, unknown>): SignatureRequest {
  const fields = Object.keys(signatureChecks) as (keyof SignatureRequest)[];
  const out: Record<string, string> = {};
  for (const field of fields) {
    const raw = values[field] ?? (field === 'nonce' || field === 'postData' ? '' : undefined);
    if (typeof raw !== 'string') throw new UserFacingError(`Show Signature Steps: "${field}" is missing or not text.`);
    const value = field === 'method' ? raw.toUpperCase() : UNTRIMMED.has(field) ? raw : raw.trim();
    const problem = signatureChecks[field](value);
    // The secret's value is never part of a message.
    if (problem) throw new UserFacingError(`Show Signature Steps: ${field}: ${problem}`);
    out[field] = value;
  }
  const sameAsKey = validateSecret(out.secret, { apiKey: out.apiKey }).problems.find((p) => p.severity === 'error');
  if (sameAsKey) throw new UserFacingError(`Show Signature Steps: secret: ${sameAsKey.message}`);
  return out as unknown as SignatureRequest;
}

/** Non-blocking remarks on the credentials (e.g. a secret that looks truncated), shown with the steps. */
export function credentialRemarks(request: SignatureRequest): string[] {
  return [...validateApiKey(request.apiKey).problems, ...validateSecret(request.secret, { apiKey: request.apiKey }).problems]
    .filter((p) => p.severity !== 'error')
    .map((p) => p.message);
}

/** Signed byte for byte (postData) or checked as given (credentials): never trimmed. */
const UNTRIMMED = new Set<keyof SignatureRequest>(['postData', 'apiKey', 'secret']);
