import { validateSecret, type SecretProblem } from './credentialCheck';
import { decodeSecretKey, endpointPathOf } from './sign';
import { INPUT_MISTAKES, MAC_MISTAKES, macCandidates, MESSAGE_MISTAKES, RECIPES, WHOLE_RECIPE_MISTAKES, type MistakeId, type RecipeCandidate, type RecipeInput, type SignatureRecipe } from './signatureRecipes';
import { signWithTrace } from './signatureTrace';

/**
 * The signature doctor: given what a client sent, recompute the correct Authent and every known
 * wrong recipe, and name the one that reproduces the value. The server can only say
 * "authenticationError"; this says which mistake it was.
 */

export type DoctorMistakeId = MistakeId | 'wrong-header-name';
/** Two independent mistakes found together: the message mistake's id, '+', the other's id. */
export type CombinedMistakeId = `${MistakeId}+${MistakeId}`;

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
  /**
   * Stable id of the mistake, or null when the value is correct or matches nothing known. When
   * no single mistake explains the value but two together do, both ids joined with '+'
   * (message mistake first, e.g. `derivatives-kept+hex-output`).
   */
  readonly mistake: DoctorMistakeId | CombinedMistakeId | null;
  /** Only for two mistakes combined: both ids, in the order of `mistake`. */
  readonly mistakes?: readonly MistakeId[];
  /** Only for two mistakes combined: one fix per mistake, in the same order (`fix` joins them). */
  readonly fixes?: readonly string[];
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

  const combined = findCombination(recipeInput, received);
  if (combined) {
    const [first, second] = combined.recipes;
    return {
      ...base,
      verdict: 'mistake-found',
      mistake: `${first.id}+${second.id}`,
      mistakes: [first.id, second.id],
      summary: `Two mistakes combined: ${lowerFirst(first.title)}, and ${lowerFirst(second.title)}.`,
      fix: `${first.fix} ${second.fix}`,
      fixes: [first.fix, second.fix],
      ...(combined.detail ? { detail: combined.detail } : {}),
      ...(combined.message !== undefined && combined.message !== correct.message ? { signedMessage: combined.message } : {}),
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

function lowerFirst(text: string): string {
  // Titles start with a capital ('The nonce…', 'HMAC-SHA256…'); keep acronyms and quoted paths as they are.
  return /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}

function recipeById(id: MistakeId): SignatureRecipe {
  const recipe = RECIPES.find((r) => r.id === id);
  if (!recipe) throw new Error(`no recipe '${id}'`);
  return recipe;
}

interface Combination {
  readonly recipes: readonly [SignatureRecipe, SignatureRecipe];
  readonly message?: string;
  readonly detail?: string;
}

/**
 * Two independent mistakes: a wrong message (each message mistake's candidates) run through a
 * wrong MAC or encoding, or a wrong input (kept '/derivatives', decoded postData) fed to the Spot or
 * tutorial recipe. Tried only when no single mistake matched.
 */
function findCombination(input: RecipeInput, received: string): Combination | undefined {
  const correctMessage = input.postData + input.nonce + input.endpointPath;
  for (const messageId of MESSAGE_MISTAKES) {
    const messageRecipe = recipeById(messageId);
    const wrongMessages = messageRecipe.compute(input).filter((c): c is RecipeCandidate & { message: string } => c.message !== undefined && c.message !== correctMessage);
    for (const wrong of wrongMessages) {
      for (const macId of MAC_MISTAKES) {
        if (macCandidates(macId, input, wrong.message).some((c) => c.authent === received)) {
          return { recipes: [messageRecipe, recipeById(macId)], message: wrong.message, ...(wrong.detail ? { detail: wrong.detail } : {}) };
        }
      }
    }
  }
  for (const [inputId, transform] of Object.entries(INPUT_MISTAKES) as [MistakeId, (i: RecipeInput) => RecipeInput | undefined][]) {
    const changed = transform(input);
    if (!changed) continue;
    for (const wholeId of WHOLE_RECIPE_MISTAKES) {
      const recipe = recipeById(wholeId);
      const hit = recipe.compute(changed).find((c) => c.authent === received);
      if (hit) {
        return { recipes: [recipeById(inputId), recipe], ...(hit.message !== undefined ? { message: hit.message } : {}), ...(hit.detail ? { detail: hit.detail } : {}) };
      }
    }
  }
  return undefined;
}
