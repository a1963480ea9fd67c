/**
 * Multi-line JSON values (`json = {` ... `}` for batchorder): the parser follows bracket depth
 * across lines, and the resolver compacts the text before it is URL-encoded.
 */

export interface BracketState {
  depth: number;
  inString: boolean;
  escaped: boolean;
}

export function newBracketState(): BracketState {
  return { depth: 0, inString: false, escaped: false };
}

/** A value opens a JSON continuation when it starts with `{` or `[` but is not a `{{variable}}`. */
export function startsJsonValue(value: string): boolean {
  return value.startsWith('[') || (value.startsWith('{') && !value.startsWith('{{'));
}

/**
 * Advances the state over `text`; returns the index just after the character that brought the
 * depth back to zero, or -1 when the value continues past the end of `text`.
 * `{{` and `}}` of variables count as two brackets each and therefore cancel out.
 */
export function scanBrackets(state: BracketState, text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (state.inString) {
      if (state.escaped) state.escaped = false;
      else if (c === '\\') state.escaped = true;
      else if (c === '"') state.inString = false;
      continue;
    }
    if (c === '"') state.inString = true;
    else if (c === '{' || c === '[') state.depth++;
    else if (c === '}' || c === ']') {
      state.depth--;
      if (state.depth <= 0) return i + 1;
    }
  }
  return -1;
}

/**
 * Removes whitespace outside JSON strings. Unlike `JSON.stringify(JSON.parse(x))` this keeps
 * numbers exactly as written (`0.00010000`, 20-digit ids), which matters for what gets signed.
 */
export function compactJson(text: string): string {
  let out = '';
  let inString = false;
  let escaped = false;
  for (const c of text) {
    if (inString) {
      out += c;
      if (escaped) escaped = false;
      else if (c === '\\') escaped = true;
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
      out += c;
    } else if (c !== ' ' && c !== '\t' && c !== '\n' && c !== '\r') {
      out += c;
    }
  }
  return out;
}

/** `undefined` when the text is valid JSON, else the parser's message. */
export function jsonSyntaxError(text: string): string | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
