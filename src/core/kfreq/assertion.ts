import { readResponse, valueToText, type StoredResponse } from './responsePath';

/**
 * `# @assert <subject> <operator> [expected]` checks on a response; the CLI counts each one as a
 * test case. Subjects: `status`, `headers.<Name>`, `body`, `body.<path>` (with `[0]` indices).
 */

export const ASSERT_OPERATORS = ['==', '!=', '<=', '>=', '<', '>', '!contains', 'contains', '!exists', 'exists'] as const;
export type AssertOperator = (typeof ASSERT_OPERATORS)[number];

export interface ParsedAssert {
  readonly subject: string;
  readonly operator: AssertOperator;
  /** Raw expected text (may still contain `{{variables}}`); absent for `exists` / `!exists`. */
  readonly expected?: string;
}

const ASSERT = /^(\S+)\s+(==|!=|<=|>=|<|>|!contains|contains|!exists|exists)(?:\s+([\s\S]*))?$/;
const SUBJECT = /^(status|headers|body)(?=$|[.[])/;

export function parseAssert(text: string): ParsedAssert | { readonly error: string } {
  const match = ASSERT.exec(text.trim());
  if (!match) {
    return { error: `Cannot read the check \`${text.trim()}\`: write \`<subject> <operator> <value>\`, e.g. \`body.result == success\` (operators: ${ASSERT_OPERATORS.join(' ')}).` };
  }
  const subject = match[1] ?? '';
  const operator = match[2] as AssertOperator;
  const expected = match[3];
  if (!SUBJECT.test(subject)) return { error: `The subject \`${subject}\` must be \`status\`, \`headers.<name>\`, \`body\` or \`body.<path>\`.` };
  const unary = operator === 'exists' || operator === '!exists';
  if (unary && expected !== undefined) return { error: `\`${operator}\` takes no value; remove \`${expected}\`.` };
  if (!unary && expected === undefined) return { error: `\`${operator}\` needs a value to compare with.` };
  return expected === undefined ? { subject, operator } : { subject, operator, expected };
}

export interface AssertOutcome {
  readonly passed: boolean;
  /** One line a person can read: what was checked and, on failure, what was found instead. */
  readonly message: string;
  readonly actual?: unknown;
}

/** Strips one pair of surrounding double quotes, so `== ""` and `== "a b "` can be written. */
function unquote(text: string): string {
  return text.length >= 2 && text.startsWith('"') && text.endsWith('"') ? text.slice(1, -1) : text;
}

function asNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return undefined;
}

/** Kraken sends numbers both as JSON numbers and as strings (`"0E-11"`), so numbers compare by value. */
function looselyEqual(actual: unknown, expected: string): boolean {
  const a = asNumber(actual);
  const b = asNumber(expected);
  if (a !== undefined && b !== undefined) return a === b;
  if (actual !== null && typeof actual === 'object') {
    try {
      return JSON.stringify(actual) === JSON.stringify(JSON.parse(expected));
    } catch {
      return false;
    }
  }
  return valueToText(actual) === expected;
}

function contains(actual: unknown, expected: string): boolean {
  if (typeof actual === 'string') return actual.includes(expected);
  if (Array.isArray(actual)) return actual.some((item) => looselyEqual(item, expected));
  if (actual !== null && typeof actual === 'object') return Object.prototype.hasOwnProperty.call(actual, expected);
  return false;
}

function show(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : valueToText(value);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

/** @param expected the expected text with variables already substituted */
export function evaluateAssert(check: ParsedAssert, response: StoredResponse, expected: string | undefined): AssertOutcome {
  const label = `${check.subject} ${check.operator}${expected === undefined ? '' : ` ${expected}`}`;
  const read = readResponse(response, check.subject);
  if ('error' in read) return { passed: false, message: `${label}: ${read.error}` };
  if (!read.found) {
    return check.operator === '!exists' ? { passed: true, message: label } : { passed: false, message: `${label}: the response has no ${read.missing}` };
  }
  const actual = read.value;
  const want = unquote(expected ?? '');
  let passed: boolean;
  switch (check.operator) {
    case 'exists':
      passed = true;
      break;
    case '!exists':
      passed = false;
      break;
    case '==':
      passed = looselyEqual(actual, want);
      break;
    case '!=':
      passed = !looselyEqual(actual, want);
      break;
    case 'contains':
      passed = contains(actual, want);
      break;
    case '!contains':
      passed = !contains(actual, want);
      break;
    default: {
      const a = asNumber(actual);
      const b = asNumber(want);
      if (a === undefined || b === undefined) return { passed: false, message: `${label}: cannot compare ${show(actual)} with ${show(want)} as numbers`, actual };
      passed = check.operator === '<' ? a < b : check.operator === '<=' ? a <= b : check.operator === '>' ? a > b : a >= b;
    }
  }
  return { passed, message: passed ? label : `${label}: found ${show(actual)}`, actual };
}
