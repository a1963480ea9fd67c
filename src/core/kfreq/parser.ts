import { collectDirectives, parseDirective } from './directives';
import { rangeOnLine } from './ranges';
import { looksLikeRequestLine, parseRequestLine } from './requestLine';
import type { Comment, Diagnostic, Directive, FileVariable, KfreqFile, KfreqRequest, Param, RequestLine, Token } from './types';
import { readValue } from './valueReader';

/**
 * Parses a `.kfreq` file. Pure and total: any text gives a tree, and problems become diagnostics
 * with ranges instead of exceptions, so the editor can show them while the user is still typing.
 */

const NON_BLANK = /\S/;
const HASH = 0x23;
const SLASH = 0x2f;
const AT = 0x40;
const VARIABLE_NAME = /^[A-Za-z_][\w-]*$/;
const PARAM_NAME = /^[A-Za-z0-9_.[\]-]+$/;

interface OpenBlock {
  readonly startLine: number;
  readonly title?: Token;
  requestLine?: RequestLine;
  readonly params: Param[];
  readonly directives: Directive[];
}

export function parseKfreq(text: string): KfreqFile {
  const lines = text.split(/\r\n|\r|\n/);
  const diagnostics: Diagnostic[] = [];
  const requests: KfreqRequest[] = [];
  const fileVariables: FileVariable[] = [];
  const comments: Comment[] = [];
  const strayDirectives: Directive[] = [];
  let block: OpenBlock = { startLine: 0, params: [], directives: [] };

  const closeBlock = (lastLine: number): void => {
    const range = { start: { line: block.startLine, character: 0 }, end: { line: lastLine, character: (lines[lastLine] ?? '').length } };
    if (block.requestLine) {
      const directives = collectDirectives(block.directives, diagnostics);
      requests.push({
        index: requests.length,
        range,
        requestLine: block.requestLine,
        method: block.requestLine.method?.text.toUpperCase() ?? 'GET',
        params: block.params,
        directives: block.directives,
        ...(block.title ? { title: block.title } : {}),
        ...directives,
      });
    } else {
      for (const directive of block.directives) {
        strayDirectives.push(directive);
        diagnostics.push({
          range: directive.range,
          severity: 'warning',
          message: `\`@${directive.name.text}\` is in a block without a request line, so it applies to nothing.`,
          code: 'stray-directive',
        });
      }
    }
  };

  for (let line = 0; line < lines.length; line++) {
    const source = lines[line] ?? '';
    // Classified by the first non-blank character: this loop runs once per line of files with 10,000 requests.
    const start = source.search(NON_BLANK);
    if (start < 0) continue;
    const first = source.charCodeAt(start);
    if (first === HASH && source.startsWith('###', start)) {
      if (line > 0) closeBlock(line - 1);
      let titleStart = start;
      while (source.charCodeAt(titleStart) === HASH) titleStart++;
      const titleText = source.slice(titleStart);
      const title = titleText.trim();
      titleStart += titleText.length - titleText.trimStart().length;
      block = { startLine: line, params: [], directives: [], ...(title ? { title: { text: title, range: rangeOnLine(line, titleStart, titleStart + title.length) } } : {}) };
      continue;
    }

    if (first === HASH || (first === SLASH && source.charCodeAt(start + 1) === SLASH)) {
      const bodyStart = start + (first === HASH ? 1 : 2);
      const directive = parseDirective(source.slice(bodyStart), line, bodyStart, diagnostics);
      if (directive) block.directives.push(directive);
      else comments.push({ text: source.trim(), range: rangeOnLine(line, start, source.length) });
      continue;
    }

    const variable = first === AT ? splitAssignment(source) : undefined;
    if (variable) {
      const nameStart = variable.keyStart + 1;
      const name = variable.key.slice(1);
      if (!VARIABLE_NAME.test(name)) {
        diagnostics.push({
          range: rangeOnLine(line, nameStart - 1, nameStart + name.length),
          severity: 'error',
          message: `Invalid variable name \`${name}\`: start with a letter or \`_\`, then letters, digits, \`_\` or \`-\`.`,
          code: 'bad-variable-name',
        });
      }
      const read = readValue(lines, line, variable.valueStart, diagnostics);
      fileVariables.push({
        name: { text: name, range: rangeOnLine(line, nameStart, nameStart + name.length) },
        value: read.value,
        range: { start: { line, character: nameStart - 1 }, end: read.value.range.end },
      });
      line = read.lastLine;
      continue;
    }
    if (first === AT) {
      diagnostics.push({
        range: rangeOnLine(line, start, source.trimEnd().length),
        severity: 'error',
        message: 'Expected a file variable: `@name = value`.',
        code: 'bad-variable',
      });
      continue;
    }

    if (!block.requestLine) {
      block.requestLine = parseRequestLine(source, line, diagnostics);
      continue;
    }

    // Checked first: `POST /x?a=1` contains `=` but is a forgotten `###`, not a parameter.
    const param = looksLikeRequestLine(source) ? undefined : splitAssignment(source);
    if (!param) {
      diagnostics.push(unexpectedLine(source, line));
      continue;
    }
    const { keyStart, key } = param;
    if (!PARAM_NAME.test(key)) {
      diagnostics.push({
        range: rangeOnLine(line, keyStart, Math.max(keyStart + key.length, keyStart + 1)),
        severity: 'error',
        message: key === '' ? 'Missing parameter name before `=`.' : `Invalid parameter name \`${key}\`: use letters, digits, \`_\`, \`.\` or \`-\` (no spaces or variables).`,
        code: 'bad-param-name',
      });
    }
    const read = readValue(lines, line, param.valueStart, diagnostics);
    block.params.push({
      key: { text: key, range: rangeOnLine(line, keyStart, keyStart + key.length) },
      value: read.value,
      range: { start: { line, character: keyStart }, end: read.value.range.end },
      multiline: read.multiline,
    });
    line = read.lastLine;
  }
  closeBlock(lines.length - 1);
  return { lines, requests, fileVariables, comments, strayDirectives, diagnostics };
}

/**
 * `key = value` split at the first `=`: the trimmed key with its start, and where the value starts
 * (after the blanks that follow `=`). Done by hand because the equivalent regex is quadratic on long blank runs.
 */
function splitAssignment(source: string): { key: string; keyStart: number; valueStart: number } | undefined {
  const eq = source.indexOf('=');
  if (eq < 0) return undefined;
  const keyStart = source.length - source.trimStart().length;
  const key = keyStart >= eq ? '' : source.slice(keyStart, eq).trimEnd();
  const after = source.slice(eq + 1);
  return { key, keyStart: Math.min(keyStart, eq), valueStart: eq + 1 + (after.length - after.trimStart().length) };
}

function unexpectedLine(source: string, line: number): Diagnostic {
  const start = source.length - source.trimStart().length;
  const range = rangeOnLine(line, start, source.trimEnd().length);
  if (looksLikeRequestLine(source)) {
    return { range, severity: 'error', message: 'A second request line in one block: put `###` on the line before it to start a new request.', code: 'second-request-line' };
  }
  if (/^\s*[\w-]+\s*:/.test(source)) {
    return { range, severity: 'error', message: 'Headers cannot be written here: the client and the signer set them. Write parameters as `key = value`.', code: 'header-line' };
  }
  return { range, severity: 'error', message: 'Expected a parameter line `key = value`, a comment (`#` or `//`) or `###` to start the next request.', code: 'bad-line' };
}
