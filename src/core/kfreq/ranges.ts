import type { Position, Range } from './types';

/** Range helpers shared by the parser, diagnostics and the completion model. */

export function rangeOnLine(line: number, startCharacter: number, endCharacter: number): Range {
  return { start: { line, character: startCharacter }, end: { line, character: endCharacter } };
}

export function spanRanges(first: Range, last: Range): Range {
  return { start: first.start, end: last.end };
}

export function comparePositions(a: Position, b: Position): number {
  return a.line !== b.line ? a.line - b.line : a.character - b.character;
}

/** Inclusive at both ends, so a cursor just after the last character still counts as inside. */
export function rangeContains(range: Range, position: Position): boolean {
  return comparePositions(range.start, position) <= 0 && comparePositions(position, range.end) <= 0;
}

export function formatPosition(position: Position): string {
  return `${position.line + 1}:${position.character + 1}`;
}
