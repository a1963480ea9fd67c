import type { Credentials, SignatureTrace } from '../client';
import { diagnoseSignature, fingerprint, validateApiKey, validateSecret, type Diagnosis } from '../signing';

/**
 * Plain-words explanation of an `authenticationError` or a nonce error. The server cannot say which
 * signature mistake was made, so the signature that was sent is re-checked locally with the stored
 * secret (the signature doctor): if our signature is right, the secret on the server is different.
 */

export type RejectionKind = 'authentication' | 'nonce';

export interface RejectionInput {
  /** The Kraken error value, e.g. `authenticationError`, `nonceBelowThreshold`. */
  readonly krakenError: string;
  /** The signature that was sent; absent when the request went out unsigned. */
  readonly signature?: SignatureTrace;
  /** The URL path exactly as sent (no query). */
  readonly path: string;
  /** The credentials stored for the environment, used only to re-check the signature. */
  readonly credentials?: Credentials;
  readonly environment: { readonly label: string; readonly kind: string };
  /** Why the request was (not) signed: `directive` means `# @no-sign` / `# @sign` decided. */
  readonly signReason?: 'directive' | 'catalog' | 'unknown-endpoint';
}

export interface DoctorFinding {
  readonly verdict: Diagnosis['verdict'];
  readonly mistake: string | null;
  readonly summary: string;
  readonly fix: string | null;
}

export interface RejectionExplanation {
  readonly kind: RejectionKind;
  readonly title: string;
  /** The most likely cause, in one or two sentences. */
  readonly summary: string;
  /** What to check, most likely first. */
  readonly causes: readonly string[];
  /** The local re-check of the signature, when one was possible. */
  readonly doctor?: DoctorFinding;
}

const AUTH_ERRORS = new Set(['authenticationError', 'unauthorized', 'Unauthorized', 'apiKeyInvalid']);
const NONCE_ERRORS = new Set(['nonceBelowThreshold', 'nonceDuplicate', 'invalidArgument: nonce', 'invalidNonce']);

export function rejectionKindOf(krakenError: string | undefined): RejectionKind | undefined {
  if (krakenError === undefined) return undefined;
  if (AUTH_ERRORS.has(krakenError)) return 'authentication';
  if (NONCE_ERRORS.has(krakenError) || /^nonce/i.test(krakenError)) return 'nonce';
  return undefined;
}

export function explainRejection(input: RejectionInput): RejectionExplanation | undefined {
  const kind = rejectionKindOf(input.krakenError);
  if (kind === 'nonce') return explainNonce(input);
  if (kind === 'authentication') return explainAuthentication(input);
  return undefined;
}

function explainNonce(input: RejectionInput): RejectionExplanation {
  const nonce = input.signature?.nonce ?? '';
  const sent = nonce === '' ? 'no nonce' : `nonce ${nonce}`;
  const causes = [
    'Another program (a bot, a notebook, another editor window) uses the same API key with larger nonces. Give each program its own key: every key has its own nonce counter.',
    'The key was used earlier with a larger nonce scheme (for example nanoseconds or time × 1e8); once a key has seen a large nonce, smaller ones stay below its threshold. Create a new key pair to reset it.',
    'Two requests were signed with the same nonce (parallel requests in the same millisecond). Let one nonce source hand out every nonce for the key.',
  ];
  if (input.krakenError === 'nonceDuplicate') causes.unshift(`This exact nonce (${nonce}) was already used with this key; a signed request can be sent only once. Send the request again to get a fresh nonce (a copied cURL command works only once).`);
  if (input.krakenError === 'invalidArgument: nonce') causes.unshift('The nonce is not a plain whole number; send digits only (milliseconds × 1000 plus a counter is what this extension uses).');
  return {
    kind: 'nonce',
    title: `${input.krakenError}: the signature was accepted, the nonce was not`,
    summary: `Kraken checks the nonce only after the signature verified, so the key and secret are fine. The request carried ${sent}, which is not above the highest nonce this key has already used.`,
    causes,
  };
}

function explainAuthentication(input: RejectionInput): RejectionExplanation {
  const env = input.environment;
  if (!input.signature) {
    const directive = input.signReason === 'directive';
    return {
      kind: 'authentication',
      title: 'authenticationError: the request was sent without a signature',
      summary: directive
        ? 'The request has `# @no-sign`, so it went out without APIKey and Authent headers, and this endpoint needs them.'
        : 'The request went out without APIKey and Authent headers (the endpoint is not known to be private). Add `# @sign` to sign it.',
      causes: [directive ? 'Remove `# @no-sign` from the request.' : 'Add `# @sign` above the request line.'],
    };
  }
  if (!input.credentials) {
    return {
      kind: 'authentication',
      title: 'authenticationError: Kraken could not verify the signature',
      summary: `The credentials of ${env.label} were not available to re-check the signature locally.`,
      causes: genericCauses(env.kind),
    };
  }
  const diagnosis = diagnoseSignature({
    path: input.path,
    postData: input.signature.postData,
    nonce: input.signature.nonce,
    secret: input.credentials.secret,
    apiKey: input.credentials.apiKey,
    authent: input.signature.authent,
  });
  const doctor: DoctorFinding = { verdict: diagnosis.verdict, mistake: diagnosis.mistake, summary: diagnosis.summary, fix: diagnosis.fix };
  const remarks = [
    ...validateSecret(input.credentials.secret, { apiKey: input.credentials.apiKey }).problems.map((p) => `The stored secret: ${p.message}`),
    ...validateApiKey(input.credentials.apiKey).problems.map((p) => `The stored API key: ${p.message}`),
  ];
  if (diagnosis.verdict === 'correct') {
    return {
      kind: 'authentication',
      title: 'authenticationError: the secret does not match the API key',
      summary:
        `The signature was re-computed from the stored secret and it is correct: the message, the SHA-256 and the HMAC all follow Kraken's recipe. ` +
        `So Kraken holds a different secret for the key ${fingerprint(input.credentials.apiKey)}: the secret stored for ${env.label} does not belong to this API key.`,
      causes: secretMismatchCauses(env.kind, remarks),
      doctor,
    };
  }
  return {
    kind: 'authentication',
    title: 'authenticationError: the signature sent does not match the stored secret',
    summary: `${diagnosis.summary}${diagnosis.fix ? ` ${diagnosis.fix}` : ''}`,
    causes: [...remarks, ...genericCauses(env.kind)],
    doctor,
  };
}

/** Most likely first: on Local the simulator's own key pair, then what the credential checks noticed. */
function secretMismatchCauses(kind: string, remarks: readonly string[]): string[] {
  const causes = [
    ...remarks,
    'Set the credentials again and paste the secret (private key) that was shown together with this API key, in full: it is base64 text that usually ends in "=" or "==".',
    'Check that the key is a Futures (Derivatives) key from Kraken Futures → Settings → API, not a Spot key: Spot keys are unknown to the Futures API.',
    'Check that the key still exists and was not deleted or regenerated (a regenerated key has a new secret).',
  ];
  if (kind === 'local') {
    causes.unshift("The local simulator accepts only its own key pair. Restore the simulator's credentials for the Local environment (its secret file is named in the simulator's output).");
  }
  return causes;
}

function genericCauses(kind: string): string[] {
  return [
    'The secret stored for this environment may not belong to its API key: set the credentials again.',
    'The key may be a Spot key, or one created for another environment; Futures keys come from Kraken Futures → Settings → API.',
    ...(kind === 'local' ? ['The local simulator accepts only its own key pair.'] : []),
  ];
}
