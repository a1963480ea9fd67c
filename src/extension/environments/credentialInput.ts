import { validateApiKey, validateSecret, type CheckSeverity, type SecretProblemCode } from '../../core/signing';
import { UserFacingError } from '../shared/userFacingError';

/**
 * Turns the signing core's credential checks into what a person sees while pasting a key pair:
 * the first error (it blocks), else the first warning or note. No message contains any character
 * of the value checked. Pure: no vscode import.
 */

export interface InputProblem {
  readonly message: string;
  readonly severity: CheckSeverity;
}

const NOT_BASE64: ReadonlySet<SecretProblemCode> = new Set([
  'base64url-alphabet', 'invalid-character', 'misplaced-padding', 'missing-padding', 'excess-padding', 'impossible-length', 'docs-example-secret',
]);

const SEVERITY_ORDER: Readonly<Record<CheckSeverity, number>> = { error: 0, warning: 1, info: 2 };

/** The problems of one field, most serious first, with the kind of mistake named up front. */
export function credentialProblems(field: 'apiKey' | 'secret', text: string, apiKey?: string): InputProblem[] {
  const problems =
    field === 'apiKey'
      ? validateApiKey(text).problems.map((p) => ({ severity: p.severity, message: p.message }))
      : validateSecret(text, apiKey === undefined ? {} : { apiKey }).problems.map((p) => ({
          severity: p.severity,
          message: NOT_BASE64.has(p.code) ? `Not valid base64: ${p.message}` : p.code === 'spot-shape' ? `This looks like a Spot API secret. ${p.message}` : p.message,
        }));
  return [...problems].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

/** The one problem shown under an input box, if any. */
export function credentialInputProblem(field: 'apiKey' | 'secret', text: string, apiKey?: string): InputProblem | undefined {
  return credentialProblems(field, text, apiKey)[0];
}

/** Throws a `UserFacingError` listing every blocking problem of the pair; warnings do not block. */
export function assertUsableCredentials(environmentLabel: string, apiKey: string, secret: string): void {
  const errors = [
    ...credentialProblems('apiKey', apiKey).filter((p) => p.severity === 'error'),
    ...credentialProblems('secret', secret, apiKey).filter((p) => p.severity === 'error'),
  ];
  if (errors.length > 0) {
    throw new UserFacingError(`The ${environmentLabel} credentials were not saved. ${errors.map((p) => p.message).join(' ')}`);
  }
}
