import { rangeOnLine } from './ranges';
import { scanReferences } from './templateScanner';
import type { Diagnostic, Directive, Token } from './types';

/** `# @name placed`, `// @env local`, `# @no-sign`, `# @assert status == 200`. */

export const DIRECTIVE_DOCS: Readonly<Record<string, string>> = {
  name: 'Names the request so later requests can use its response: `{{name.response.body.field}}`.',
  env: 'Pins the request to one environment (`local`, `demo`, `live` or a custom one); running it elsewhere is refused.',
  sign: 'Signs the request even though the catalog marks the endpoint public.',
  'no-sign': 'Sends the request without APIKey/Authent headers even though the endpoint is private.',
  assert: 'A check on the response, e.g. `status == 200`, `body.result == success`, `body.sendStatus.order_id exists`.',
};

const NAME = /^[A-Za-z_][\w-]*$/;

/** Returns undefined when the comment is an ordinary comment (does not start with `@`). */
export function parseDirective(body: string, line: number, bodyStart: number, diagnostics: Diagnostic[]): Directive | undefined {
  // Scanned by hand: a regex with a lazy middle and trailing `\s*$` is quadratic on long blank runs.
  const at = body.length - body.trimStart().length;
  if (body[at] !== '@') return undefined;
  let wordEnd = at + 1;
  while (wordEnd < body.length && !/\s/.test(body[wordEnd] ?? '')) wordEnd++;
  const word = body.slice(at + 1, wordEnd);
  const rest = body.slice(wordEnd);
  const argumentText = rest.trim();
  const wordStart = bodyStart + at + 1;
  const argumentStart = bodyStart + wordEnd + (rest.length - rest.trimStart().length);
  const name: Token = { text: word, range: rangeOnLine(line, wordStart, wordStart + word.length) };
  const end = argumentText === '' ? wordStart + word.length : argumentStart + argumentText.length;
  const directive: Directive = {
    name,
    range: rangeOnLine(line, wordStart - 1, end),
    ...(argumentText === ''
      ? {}
      : { argument: { text: argumentText, range: rangeOnLine(line, argumentStart, end), refs: scanReferences(argumentText, line, argumentStart, diagnostics) } }),
  };
  checkDirective(directive, diagnostics);
  return directive;
}

function checkDirective(directive: Directive, diagnostics: Diagnostic[]): void {
  const word = directive.name.text;
  const argument = directive.argument?.text;
  const problem = (message: string, code: string, severity: 'error' | 'warning' = 'error'): void => {
    diagnostics.push({ range: directive.range, severity, message, code });
  };
  switch (word) {
    case 'name':
    case 'env':
      if (argument === undefined) problem(`\`@${word}\` needs a value, e.g. \`# @${word} ${word === 'name' ? 'placed' : 'local'}\`.`, 'directive-missing-argument');
      else if (!NAME.test(argument)) problem(`Invalid ${word} \`${argument}\`: use letters, digits, \`_\` or \`-\`.`, 'directive-bad-argument');
      return;
    case 'sign':
    case 'no-sign':
      if (argument !== undefined) problem(`\`@${word}\` takes no value; remove \`${argument}\`.`, 'directive-bad-argument', 'warning');
      return;
    case 'assert':
      if (argument === undefined) problem('`@assert` needs a check, e.g. `# @assert status == 200`.', 'directive-missing-argument');
      return;
    default:
      diagnostics.push({
        range: directive.name.range,
        severity: 'warning',
        message: `Unknown directive \`@${word}\`; known ones are ${Object.keys(DIRECTIVE_DOCS).map((d) => `@${d}`).join(', ')}.`,
        code: 'unknown-directive',
      });
  }
}

export interface CollectedDirectives {
  name?: Token;
  env?: Token;
  sign?: boolean;
  asserts: Directive[];
}

/** Folds a block's directives into request settings; when one is repeated, the last one wins. */
export function collectDirectives(directives: readonly Directive[], diagnostics: Diagnostic[]): CollectedDirectives {
  const collected: CollectedDirectives = { asserts: [] };
  const seen = new Set<string>();
  for (const directive of directives) {
    const word = directive.name.text;
    const argument = directive.argument;
    const key = word === 'no-sign' ? 'sign' : word;
    if (word !== 'assert' && word in DIRECTIVE_DOCS) {
      if (seen.has(key)) {
        diagnostics.push({ range: directive.range, severity: 'warning', message: `\`@${key}\` is set more than once for this request; the last one wins.`, code: 'duplicate-directive' });
      }
      seen.add(key);
    }
    if (word === 'name' && argument) collected.name = { text: argument.text, range: argument.range };
    else if (word === 'env' && argument) collected.env = { text: argument.text, range: argument.range };
    else if (word === 'sign') collected.sign = true;
    else if (word === 'no-sign') collected.sign = false;
    else if (word === 'assert' && argument) collected.asserts.push(directive);
  }
  return collected;
}
