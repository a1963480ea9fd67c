import { rangeOnLine } from './ranges';
import { templateOnLine } from './templateScanner';
import type { Diagnostic, RequestLine, Token } from './types';

/** Parses `[METHOD] target[?query] [HTTP/1.1]` on one line. */

export const KNOWN_METHODS: readonly string[] = ['GET', 'POST', 'PUT', 'DELETE'];

/** Exactly the characters of the regex class `\s`, without a regex call per character. */
function isBlank(code: number): boolean {
  return (
    code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

/** Index of the first whitespace at or after `from` that is not inside `{{ }}`; `text.length` if none. */
function endOfWord(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    if (text.startsWith('{{', i)) {
      const close = text.indexOf('}}', i + 2);
      if (close < 0) return text.length;
      i = close + 2;
      continue;
    }
    if (isBlank(text.charCodeAt(i))) return i;
    i++;
  }
  return i;
}

function skipSpace(text: string, from: number): number {
  let i = from;
  while (i < text.length && isBlank(text.charCodeAt(i))) i++;
  return i;
}

/** Index of the first `?` outside `{{ }}`, or -1. */
function queryMark(text: string): number {
  let i = 0;
  while (i < text.length) {
    if (text.startsWith('{{', i)) {
      const close = text.indexOf('}}', i + 2);
      if (close < 0) return -1;
      i = close + 2;
      continue;
    }
    if (text[i] === '?') return i;
    i++;
  }
  return -1;
}

/** A line looks like a request line when it starts with a method word followed by a path or URL. */
export function looksLikeRequestLine(text: string): boolean {
  return /^\s*(?:[A-Za-z]+\s+)?(?:\/|https?:\/\/|\{\{)/i.test(text);
}

export function parseRequestLine(text: string, line: number, diagnostics: Diagnostic[]): RequestLine {
  const start = skipSpace(text, 0);
  const firstEnd = endOfWord(text, start);
  const firstWord = text.slice(start, firstEnd);
  let method: Token | undefined;
  let targetStart = start;
  if (/^[A-Za-z]+$/.test(firstWord)) {
    method = { text: firstWord, range: rangeOnLine(line, start, firstEnd) };
    targetStart = skipSpace(text, firstEnd);
    const known = KNOWN_METHODS.includes(firstWord.toUpperCase());
    if (!known && targetStart >= text.length) {
      diagnostics.push({
        range: method.range,
        severity: 'error',
        message: `Expected a request line such as \`GET /derivatives/api/v3/tickers\`, found \`${firstWord}\`.`,
        code: 'bad-request-line',
      });
      return { range: method.range, method, target: templateOnLine('', line, firstEnd, diagnostics) };
    }
    if (!known) {
      diagnostics.push({
        range: method.range,
        severity: 'error',
        message: `Unknown method \`${firstWord}\`: the Kraken Futures API uses ${KNOWN_METHODS.join(', ')}.`,
        code: 'unknown-method',
      });
    }
  }
  const targetEnd = endOfWord(text, targetStart);
  const whole = text.slice(targetStart, targetEnd);
  const lineRange = rangeOnLine(line, start, text.trimEnd().length);
  if (whole === '') {
    diagnostics.push({
      range: lineRange,
      severity: 'error',
      message: `Missing path after \`${firstWord}\`: write e.g. \`${firstWord.toUpperCase()} /derivatives/api/v3/tickers\`.`,
      code: 'missing-target',
    });
  } else if (!/^(\/|https?:\/\/|\{\{)/i.test(whole)) {
    diagnostics.push({
      range: rangeOnLine(line, targetStart, targetEnd),
      severity: 'error',
      message: `Expected a path starting with \`/\` or a full \`https://\` URL, found \`${whole}\`.`,
      code: 'bad-target',
    });
  }
  const trailing = text.slice(targetEnd).trim();
  if (trailing !== '' && !/^HTTP\/[\d.]+$/i.test(trailing)) {
    const from = targetEnd + (text.slice(targetEnd).length - text.slice(targetEnd).trimStart().length);
    diagnostics.push({
      range: rangeOnLine(line, from, from + trailing.length),
      severity: 'error',
      message: 'Unexpected text after the path: put parameters on their own `key = value` lines or in the query string.',
      code: 'trailing-text',
    });
  }
  const mark = queryMark(whole);
  const pathText = mark < 0 ? whole : whole.slice(0, mark);
  const target = templateOnLine(pathText, line, targetStart, diagnostics);
  const queryText = mark < 0 ? '' : whole.slice(mark + 1);
  const query = queryText === '' ? undefined : templateOnLine(queryText, line, targetStart + mark + 1, diagnostics);
  return { range: lineRange, target, ...(method ? { method } : {}), ...(query ? { query } : {}) };
}
