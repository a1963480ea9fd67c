import { createHash } from 'node:crypto';

/**
 * Strict checks of an API secret and key before they are used. Node's base64 decoder is lenient
 * (it skips bad characters and missing padding), so a damaged secret still "works" in Node and
 * yields a signature no other tool reproduces. Every problem gets a stable `code` and one sentence a
 * person can act on. No message ever contains the secret text, or even one of its characters.
 */

export type CheckSeverity = 'error' | 'warning' | 'info';

export type SecretProblemCode =
  | 'empty'
  | 'surrounding-whitespace'
  | 'inner-whitespace'
  | 'quoted'
  | 'base64url-alphabet'
  | 'invalid-character'
  | 'misplaced-padding'
  | 'missing-padding'
  | 'excess-padding'
  | 'impossible-length'
  | 'docs-example-secret'
  | 'probably-truncated'
  | 'non-canonical-ending'
  | 'looks-hex'
  | 'same-as-api-key'
  | 'decoded-short'
  | 'decoded-long'
  | 'spot-shape';

export type ApiKeyProblemCode =
  | 'empty'
  | 'surrounding-whitespace'
  | 'inner-whitespace'
  | 'quoted'
  | 'not-header-safe'
  | 'unusual-character'
  | 'looks-like-secret';

export interface CredentialProblem<Code extends string> {
  readonly code: Code;
  readonly severity: CheckSeverity;
  readonly message: string;
}

export type SecretProblem = CredentialProblem<SecretProblemCode>;
export type ApiKeyProblem = CredentialProblem<ApiKeyProblemCode>;

export interface SecretCheck {
  /** True when no problem has severity `error`: the secret can be used to sign. */
  readonly ok: boolean;
  readonly problems: readonly SecretProblem[];
  /** Number of key bytes, when the text is valid base64. */
  readonly decodedLength?: number;
}

export interface ApiKeyCheck {
  readonly ok: boolean;
  readonly problems: readonly ApiKeyProblem[];
}

/** Kraken API secrets are 88 base64 characters (64–66 bytes). */
const TYPICAL_SECRET_LENGTH = 88;
/** SHA-256 of the example secret in Kraken's REST guide (87 characters, invalid base64). */
const DOCS_EXAMPLE_SECRET_SHA256 = '3348a210571dae24b01d779fc2708651bf7f416d3f9938068c91790e86407923';
const BASE64_CHAR = /[A-Za-z0-9+/]/;
const BASE64_TEXT = /^[A-Za-z0-9+/]*={0,2}$/;
const HEX_TEXT = /^[0-9a-fA-F]+$/;
const WHITESPACE = /\s/;

function whitespaceName(ch: string): string {
  if (ch === ' ') return 'space';
  if (ch === '\t') return 'tab';
  if (ch === '\n' || ch === '\r') return 'line break';
  return 'invisible whitespace character';
}

function describeCharacter(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  if (code < 0x20 || code === 0x7f) return 'a control character';
  if (code > 0x7e) return 'a non-ASCII character, often a typographic quote or dash picked up from a document';
  return 'a punctuation character';
}

/** Finds leading/trailing whitespace, returning problems and the trimmed text. */
function checkSurroundingWhitespace<Code extends string>(
  text: string,
  what: string,
  code: Code,
): { problems: CredentialProblem<Code>[]; trimmed: string } {
  const problems: CredentialProblem<Code>[] = [];
  const trimmed = text.trim();
  if (trimmed === text) return { problems, trimmed };
  const leading = text.slice(0, text.length - text.trimStart().length);
  const trailing = text.slice(text.trimEnd().length);
  const parts: string[] = [];
  if (leading) parts.push(`a leading ${whitespaceName(leading[0])}`);
  if (trailing) parts.push(`a trailing ${whitespaceName(trailing[trailing.length - 1])}`);
  problems.push({
    code,
    severity: 'error',
    message: `The ${what} has ${parts.join(' and ')}; remove it (copy the value again without the surrounding blank).`,
  });
  return { problems, trimmed };
}

function stripMatchingQuotes(text: string): string | undefined {
  const first = text[0];
  const last = text[text.length - 1];
  const quotes = `"'\`“”‘’`;
  if (text.length >= 2 && quotes.includes(first) && quotes.includes(last)) return text.slice(1, -1);
  return undefined;
}

function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Value (0–63) of one standard-alphabet base64 character. */
function base64Value(ch: string): number {
  return 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.indexOf(ch);
}

function checkPadding(text: string, problems: SecretProblem[]): boolean {
  const firstPad = text.indexOf('=');
  const body = firstPad === -1 ? text : text.slice(0, firstPad);
  const padding = firstPad === -1 ? '' : text.slice(firstPad);
  if (/[^=]/.test(padding)) {
    problems.push({ code: 'misplaced-padding', severity: 'error', message: "The secret has '=' before its end; '=' may only appear as padding at the very end, so part of it was probably pasted twice or joined from two values." });
    return false;
  }
  if (body.length % 4 === 1) {
    problems.push({ code: 'impossible-length', severity: 'error', message: `The secret has ${body.length} characters before any padding, a length no base64 text can have; one character is missing or extra, so copy it again.` });
    return false;
  }
  const expected = (4 - (body.length % 4)) % 4;
  if (padding.length < expected) {
    const missing = expected - padding.length;
    problems.push({ code: 'missing-padding', severity: 'error', message: `The secret's length is not a multiple of 4: it needs ${missing === 1 ? "one more '='" : "two more '='"} at the end; strict decoders (Python) reject it while Node decodes it leniently, so tools disagree on the signature.` });
    return false;
  }
  if (padding.length > expected) {
    problems.push({ code: 'excess-padding', severity: 'error', message: `The secret ends with ${padding.length} '=' where ${expected} belong; remove the extra '=' (or copy the secret again).` });
    return false;
  }
  const last = body[body.length - 1];
  const unusedBits = body.length % 4 === 2 ? 0x0f : body.length % 4 === 3 ? 0x03 : 0;
  if (unusedBits !== 0 && (base64Value(last) & unusedBits) !== 0) {
    problems.push({ code: 'non-canonical-ending', severity: 'warning', message: 'The last character before the padding carries bits that base64 throws away, which an encoder never produces; the secret was probably altered or cut short, so copy it again.' });
  }
  return true;
}

export function validateSecret(secret: string, context: { readonly apiKey?: string } = {}): SecretCheck {
  const problems: SecretProblem[] = [];
  const finish = (decodedLength?: number): SecretCheck => ({
    ok: !problems.some((p) => p.severity === 'error'),
    problems,
    ...(decodedLength === undefined ? {} : { decodedLength }),
  });
  if (secret.trim() === '') {
    problems.push({ code: 'empty', severity: 'error', message: secret === '' ? 'The secret is empty; provide the API secret shown when the Futures key pair was created.' : 'The secret is only whitespace; provide the API secret shown when the Futures key pair was created.' });
    return finish();
  }
  const surrounding = checkSurroundingWhitespace(secret, 'secret', 'surrounding-whitespace' as const);
  problems.push(...surrounding.problems);
  let text = surrounding.trimmed;
  const unquoted = stripMatchingQuotes(text);
  if (unquoted !== undefined) {
    problems.push({ code: 'quoted', severity: 'error', message: 'The secret is wrapped in quotes; remove them (they are not part of the secret).' });
    text = unquoted.trim();
  }
  const inner = text.match(WHITESPACE);
  if (inner?.index !== undefined) {
    problems.push({ code: 'inner-whitespace', severity: 'error', message: `The secret contains a ${whitespaceName(inner[0])} at position ${inner.index + 1}; it was probably wrapped when copied, so join it into one line.` });
    text = text.replace(/\s+/g, '');
  }
  if (context.apiKey !== undefined && text === context.apiKey.trim()) {
    problems.push({ code: 'same-as-api-key', severity: 'error', message: 'The secret is identical to the API key; the secret is the second (longer, private) value shown when the key pair was created.' });
  }
  if (sha256Hex(text) === DOCS_EXAMPLE_SECRET_SHA256) {
    problems.push({ code: 'docs-example-secret', severity: 'error', message: "This is the example secret from Kraken's REST guide, which is not valid base64 (87 characters); use your own Futures API secret, or the WebSocket guide's example secret for test vectors." });
    return finish();
  }
  if (!BASE64_TEXT.test(text)) {
    const bad = [...text].filter((ch) => ch !== '=' && !BASE64_CHAR.test(ch));
    const urlOnly = bad.every((ch) => ch === '-' || ch === '_');
    if (bad.length > 0 && urlOnly && !/[+/]/.test(text)) {
      problems.push({ code: 'base64url-alphabet', severity: 'error', message: "The secret uses '-' or '_', the base64url alphabet; Kraken secrets are standard base64 with '+' and '/', so copy the original secret rather than a converted one." });
    } else if (bad.length > 0) {
      const position = [...text].findIndex((ch) => ch !== '=' && !BASE64_CHAR.test(ch)) + 1;
      problems.push({ code: 'invalid-character', severity: 'error', message: `The secret contains ${bad.length === 1 ? 'a character' : `${bad.length} characters`} outside base64, the first at position ${position}: ${describeCharacter(bad[0])}; copy the secret again from the original.` });
    }
    if (bad.length > 0) return finish();
  }
  if (text.length >= TYPICAL_SECRET_LENGTH - 2 && text.length < TYPICAL_SECRET_LENGTH && !text.endsWith('=')) {
    problems.push({ code: 'probably-truncated', severity: 'warning', message: `The secret has ${text.length} characters where Kraken API secrets have ${TYPICAL_SECRET_LENGTH}; part of it was probably lost when copying.` });
  }
  if (!checkPadding(text, problems)) return finish();
  if (HEX_TEXT.test(text) && text.length >= 32 && text.length % 2 === 0) {
    problems.push({ code: 'looks-hex', severity: 'warning', message: 'The secret consists only of hex digits, which looks like a hex-encoded value rather than the base64 secret Kraken shows; use the secret exactly as Kraken displayed it.' });
  }
  const padding = text.length - text.replace(/=+$/, '').length;
  const decodedLength = (text.length / 4) * 3 - padding;
  if (decodedLength < 32) {
    problems.push({ code: 'decoded-short', severity: 'warning', message: `The secret decodes to only ${decodedLength} bytes where Kraken secrets have 64–66; check that you copied all of it.` });
  } else if (decodedLength > 128) {
    problems.push({ code: 'decoded-long', severity: 'warning', message: `The secret decodes to ${decodedLength} bytes where Kraken secrets have 64–66; check that it is one secret and not two values pasted together.` });
  } else if (decodedLength === 64 && text.length === TYPICAL_SECRET_LENGTH) {
    // Spot private keys are exactly this shape, but some Futures secrets are too, so this is a hint
    // to consult only when the server rejects the key, never a verdict.
    problems.push({ code: 'spot-shape', severity: 'info', message: 'This secret has the shape of a Kraken Spot private key (64 bytes), which Futures secrets can share; if Futures answers authenticationError, check the key pair was created under Futures → Settings → API.' });
  }
  return finish(decodedLength);
}

export function validateApiKey(key: string): ApiKeyCheck {
  const problems: ApiKeyProblem[] = [];
  const finish = (): ApiKeyCheck => ({ ok: !problems.some((p) => p.severity === 'error'), problems });
  if (key.trim() === '') {
    problems.push({ code: 'empty', severity: 'error', message: 'The API key is empty; provide the public key of your Futures key pair.' });
    return finish();
  }
  const surrounding = checkSurroundingWhitespace(key, 'API key', 'surrounding-whitespace' as const);
  problems.push(...surrounding.problems);
  let text = surrounding.trimmed;
  const unquoted = stripMatchingQuotes(text);
  if (unquoted !== undefined) {
    problems.push({ code: 'quoted', severity: 'error', message: 'The API key is wrapped in quotes; remove them (they are not part of the key).' });
    text = unquoted.trim();
  }
  const inner = text.match(WHITESPACE);
  if (inner?.index !== undefined) {
    problems.push({ code: 'inner-whitespace', severity: 'error', message: `The API key contains a ${whitespaceName(inner[0])} at position ${inner.index + 1}; join it into one line.` });
    text = text.replace(/\s+/g, '');
  }
  const unsafe = text.match(/[^\x21-\x7e]/);
  if (unsafe) {
    problems.push({ code: 'not-header-safe', severity: 'error', message: `The API key contains ${describeCharacter(unsafe[0])}, which cannot be sent in an HTTP header; copy the key again from the Futures API settings.` });
    return finish();
  }
  if (!BASE64_TEXT.test(text)) {
    problems.push({ code: 'unusual-character', severity: 'warning', message: "The API key contains characters Kraken keys do not use (they have only letters, digits, '+', '/' and '='); check it was copied from the Futures API settings." });
  } else if (text.length >= 80) {
    problems.push({ code: 'looks-like-secret', severity: 'warning', message: `The API key is ${text.length} characters long, the length of an API secret; the public key is the shorter of the two values (usually 56 characters).` });
  }
  return finish();
}
