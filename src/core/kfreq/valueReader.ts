import { newBracketState, scanBrackets, startsJsonValue } from './jsonValue';
import { rangeOnLine } from './ranges';
import { scanReferences } from './templateScanner';
import type { Diagnostic, Range, TemplateText, VariableRef } from './types';

/**
 * Reads the value of `key = value` or `@name = value`: the rest of the line, or for a value that
 * opens a JSON object/array, every following line until the brackets balance. A `###` separator
 * always ends the value, so an unclosed JSON value cannot swallow the next request.
 */

export interface ReadValue {
  readonly value: TemplateText;
  /** Last source line the value occupies. */
  readonly lastLine: number;
  readonly multiline: boolean;
}

export const SEPARATOR = /^\s*###/;

export function readValue(lines: readonly string[], line: number, valueStart: number, diagnostics: Diagnostic[]): ReadValue {
  const source = lines[line] ?? '';
  const first = source.slice(valueStart).trimEnd();
  if (!startsJsonValue(first)) {
    return { value: single(first, line, valueStart, diagnostics), lastLine: line, multiline: false };
  }
  const state = newBracketState();
  const end = scanBrackets(state, first);
  if (end >= 0) {
    reportTrailing(first, end, line, valueStart, diagnostics);
    return { value: single(first.slice(0, end), line, valueStart, diagnostics), lastLine: line, multiline: false };
  }
  const parts = [first];
  const refs: VariableRef[] = [...scanReferences(first, line, valueStart, diagnostics)];
  let last = line;
  let closedAt = -1;
  for (let next = line + 1; next < lines.length; next++) {
    const text = lines[next] ?? '';
    if (SEPARATOR.test(text)) break;
    last = next;
    closedAt = scanBrackets(state, text);
    if (closedAt >= 0) {
      reportTrailing(text, closedAt, next, 0, diagnostics);
      const kept = text.slice(0, closedAt);
      parts.push(kept);
      refs.push(...scanReferences(kept, next, 0, diagnostics));
      break;
    }
    parts.push(text);
    refs.push(...scanReferences(text, next, 0, diagnostics));
  }
  const endCharacter = closedAt >= 0 ? closedAt : (lines[last] ?? '').length;
  const range: Range = { start: { line, character: valueStart }, end: { line: last, character: endCharacter } };
  if (closedAt < 0) {
    diagnostics.push({
      range: rangeOnLine(line, valueStart, valueStart + first.length),
      severity: 'error',
      message: `This JSON value is never closed: add the missing \`${state.inString ? '"' : first.startsWith('[') ? ']' : '}'}\` before the next request.`,
      code: 'unclosed-json',
    });
  }
  return { value: { text: parts.join('\n'), range, refs }, lastLine: last, multiline: last > line };
}

function single(text: string, line: number, start: number, diagnostics: Diagnostic[]): TemplateText {
  return { text, range: rangeOnLine(line, start, start + text.length), refs: scanReferences(text, line, start, diagnostics) };
}

function reportTrailing(text: string, end: number, line: number, offset: number, diagnostics: Diagnostic[]): void {
  const rest = text.slice(end);
  if (rest.trim() === '') return;
  const from = offset + end + (rest.length - rest.trimStart().length);
  diagnostics.push({
    range: rangeOnLine(line, from, offset + text.trimEnd().length),
    severity: 'error',
    message: 'Unexpected text after the end of the JSON value.',
    code: 'json-trailing-text',
  });
}
