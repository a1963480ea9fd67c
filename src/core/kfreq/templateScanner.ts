import { rangeOnLine } from './ranges';
import type { Diagnostic, TemplateText, VariableKind, VariableRef } from './types';

/** Finds `{{ ... }}` references in one line segment and classifies them. */

const REQUEST_REF = /^([A-Za-z_][\w-]*)\.response(?=$|[.[])/;

export function classifyExpression(expression: string): { kind: VariableKind; name: string } {
  if (expression.startsWith('$')) {
    const name = /^\$(\S*)/.exec(expression)?.[1] ?? '';
    return { kind: 'system', name };
  }
  const request = REQUEST_REF.exec(expression);
  if (request) return { kind: 'request', name: request[1] ?? '' };
  return { kind: 'file', name: expression };
}

/**
 * @param segment the text to scan (part of one source line)
 * @param line the source line the segment is on
 * @param offset the character at which the segment starts on that line
 */
const NO_REFS: VariableRef[] = [];

export function scanReferences(segment: string, line: number, offset: number, diagnostics: Diagnostic[]): readonly VariableRef[] {
  // Most values hold no variable; they share one empty list instead of allocating their own.
  if (segment.indexOf('{{') < 0) return NO_REFS;
  const refs: VariableRef[] = [];
  let from = 0;
  for (;;) {
    const open = segment.indexOf('{{', from);
    if (open < 0) break;
    const close = segment.indexOf('}}', open + 2);
    if (close < 0) {
      diagnostics.push({
        range: rangeOnLine(line, offset + open, offset + segment.length),
        severity: 'error',
        message: 'Unclosed variable reference: add `}}` to end it.',
        code: 'unclosed-variable',
      });
      break;
    }
    const inner = segment.slice(open + 2, close);
    const leading = inner.length - inner.trimStart().length;
    const expression = inner.trim();
    const range = rangeOnLine(line, offset + open, offset + close + 2);
    if (expression === '') {
      diagnostics.push({ range, severity: 'error', message: 'Empty variable reference `{{}}`: write a variable name between the braces.', code: 'empty-variable' });
    } else {
      const innerStart = offset + open + 2 + leading;
      refs.push({ expression, ...classifyExpression(expression), range, innerRange: rangeOnLine(line, innerStart, innerStart + expression.length) });
    }
    from = close + 2;
  }
  return refs;
}

export function templateOnLine(segment: string, line: number, offset: number, diagnostics: Diagnostic[]): TemplateText {
  return {
    text: segment,
    range: rangeOnLine(line, offset, offset + segment.length),
    refs: scanReferences(segment, line, offset, diagnostics),
  };
}
