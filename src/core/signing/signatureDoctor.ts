import { validateSecret, type SecretProblem } from './credentialCheck';
import { decodeSecretKey, endpointPathOf } from './sign';
import { RECIPES, type MistakeId, type RecipeInput } from './signatureRecipes';
import { signWithTrace } from './signatureTrace';

/**
 * The signature doctor: given what a client sent, recompute the correct Authent and every known
 * wrong recipe, and name the one that reproduces the value. The server can only say
 * "authenticationError"; this says which mistake it was.
 */

export type DoctorMistakeId = MistakeId | 'wrong-header-name';

export interface DiagnoseInput {
  /** The request path as sent (no query), e.g. `/derivatives/api/v3/openpositions`. */
  readonly path: string;
  readonly postData: string;
  /** The Nonce header value sent, or '' / undefined when none was sent. */
  readonly nonce?: string;
  readonly secret: string;
  readonly apiKey?: string;
  /** The Authent value the client sent. */
  readonly authent: string;
  /** The header name the value was sent under, when known (e.g. `Authentification`). */
  readonly headerName?: string;
}

export interface ComparisonLine {
  readonly label: string;
  readonly value: string;
}

export interface Diagnosis {
  readonly verdict: 'correct' | 'mistake-found' | 'no-match';
  /** Stable id of the mistake, or null when the value is correct or matches nothing known. */
  readonly mistake: DoctorMistakeId | null;
  /** One sentence saying what happened. */
  readonly summary: string;
  /** One sentence saying what to change, or null when nothing needs to change. */
  readonly fix: string | null;
  /** Which variant of the mistake matched, when the recipe has several. */
  readonly detail?: string;
  /** The message the wrong recipe hashed, when it differs from the correct one. */
  readonly signedMessage?: string;
  readonly expected: {
    readonly authent: string;
    readonly endpointPath: string;
    readonly message: string;
    readonly sha256Hex: string;
    readonly sha256Base64: string;
  };
  /** What the received value looks like (length and encoding). */
  readonly receivedShape: string;
  /** A second problem found alongside the main one (the header name). */
  readonly headerProblem?: string;
  readonly secretProblems: readonly SecretProblem[];
  /** When nothing matched: the intermediate values to compare with the client's own. */
  readonly compare: readonly ComparisonLine[];
  /** The recipes that could make a difference for these inputs and were tried. */
  readonly recipesTried: readonly MistakeId[];
}

export class SignatureInputError extends Error {
  override readonly name = 'SignatureInputError';
}

/** The `/derivatives` form of a path, when the request went to the derivatives API. */
function fullPathOf(path: string): string {
  if (path.startsWith('/derivatives')) return path;
  return /^\/api\/v\d+\//.test(path) ? `/derivatives${path}` : path;
}

export function describeAuthentShape(value: string): string {
  const n = value.length;
  if (/^[0-9a-fA-F]+$/.test(value) && (n === 128 || n === 64)) {
    return `${n} hex characters: a ${n === 128 ? 'SHA-512' : 'SHA-256'} value written as hex`;
  }
  if (/[-_]/.test(value) && /^[A-Za-z0-9_-]+=*$/.test(value)) return `${n} base64url characters`;
  if (/^[A-Za-z0-9+/]+=*$/.test(value)) {
    if (n === 88) return '88 base64 characters: the right shape for an HMAC-SHA512';
    if (n === 44) return '44 base64 characters: the size of an HMAC-SHA256 or SHA-256 value, not HMAC-SHA512';
    return `${n} base64 characters (a correct Authent has 88)`;
  }
  return `${n} characters that are not base64 (a correct Authent is 88 base64 characters)`;
}

function headerProblemOf(headerName: string | undefined): string | undefined {
  if (headerName === undefined || headerName.trim().toLowerCase() === 'authent') return undefined;
  return `The signature was sent in a header named '${headerName.trim()}'; the server reads only 'Authent' (with 'APIKey' for the key), so send it under that name.`;
}

function validateInput(input: DiagnoseInput): void {
  if (!input.path.startsWith('/')) throw new SignatureInputError(`The path must start with '/', e.g. '/derivatives/api/v3/openpositions' (got '${input.path}').`);
  if (/[?#]/.test(input.path)) throw new SignatureInputError("The path must not contain '?' or '#': pass the query string as postData instead.");
}

export function diagnoseSignature(input: DiagnoseInput): Diagnosis {
  validateInput(input);
  const nonce = input.nonce ?? '';
  const received = input.authent.trim(); // HTTP strips blanks around header values
  const correct = signWithTrace({ path: input.path, postData: input.postData, nonce, apiKey: input.apiKey ?? '', secret: input.secret });
  const expected = { authent: correct.authent, endpointPath: correct.endpointPath, message: correct.message, sha256Hex: correct.sha256Hex, sha256Base64: correct.sha256Base64 };
  const secretProblems = validateSecret(input.secret, input.apiKey === undefined ? {} : { apiKey: input.apiKey }).problems;
  const headerProblem = headerProblemOf(input.headerName);
  const base = { expected, receivedShape: describeAuthentShape(received), secretProblems, ...(headerProblem ? { headerProblem } : {}) };

  if (received === correct.authent) {
    if (headerProblem) {
      return { ...base, verdict: 'mistake-found', mistake: 'wrong-header-name', summary: 'The signature is correct, but it was sent under the wrong header name.', fix: headerProblem, compare: [], recipesTried: [] };
    }
    return { ...base, verdict: 'correct', mistake: null, summary: 'The signature is correct for these inputs.', fix: null, compare: [], recipesTried: [] };
  }

  const recipeInput: RecipeInput = {
    fullPath: fullPathOf(input.path),
    endpointPath: endpointPathOf(input.path),
    postData: input.postData,
    nonce,
    key: decodeSecretKey(input.secret),
    secretText: input.secret,
  };
  const recipesTried: MistakeId[] = [];
  for (const recipe of RECIPES) {
    // A variant that equals the correct value is not a mistake for these inputs.
    const candidates = recipe.compute(recipeInput).filter((c) => c.authent !== correct.authent);
    if (candidates.length === 0) continue;
    recipesTried.push(recipe.id);
    const hit = candidates.find((c) => c.authent === received);
    if (!hit) continue;
    return {
      ...base,
      verdict: 'mistake-found',
      mistake: recipe.id,
      summary: `${recipe.title}.`,
      fix: recipe.fix,
      ...(hit.detail ? { detail: hit.detail } : {}),
      ...(hit.message !== undefined && hit.message !== correct.message ? { signedMessage: hit.message } : {}),
      compare: [],
      recipesTried,
    };
  }

  const compare: ComparisonLine[] = [
    { label: 'message (postData + nonce + endpointPath)', value: correct.message },
    { label: 'SHA-256 of the message, hex', value: correct.sha256Hex },
    { label: 'SHA-256 of the message, base64', value: correct.sha256Base64 },
    { label: 'HMAC key length (decoded secret), bytes', value: String(recipeInput.key.length) },
    { label: 'expected Authent', value: correct.authent },
  ];
  return {
    ...base,
    verdict: 'no-match',
    mistake: null,
    summary: `The signature is wrong and matches none of the ${recipesTried.length} known mistakes tried for these inputs.`,
    fix: 'Print the message, the SHA-256 and the key length from your code and compare them with the values listed, in order; the first that differs is the broken step. Also check the secret belongs to this API key and to Futures (not Spot).',
    compare,
    recipesTried,
  };
}
