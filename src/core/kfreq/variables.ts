import { readResponse, valueToText, type StoredResponse } from './responsePath';
import { DEFAULT_SYSTEM_SOURCES, evaluateSystemVariable, type SystemSources } from './systemVariables';
import { classifyExpression } from './templateScanner';
import type { Diagnostic, FileVariable, KfreqFile, Position, TemplateText } from './types';

/**
 * Substitutes `{{...}}` in request text. Precedence: system variables (`$...`), then named
 * responses (`name.response...`), then file variables (`@name = value`), then the environment's
 * variables, so a file can override an environment default.
 */

export interface VariableContext {
  /** Variables of the active environment (e.g. `symbol`), overridden by file variables of the same name. */
  readonly environmentVariables?: Readonly<Record<string, string>>;
  /** Responses of named requests that already ran, by request name. */
  readonly responses?: ReadonlyMap<string, StoredResponse>;
  readonly system?: Partial<SystemSources>;
}

export interface VariableScope {
  readonly fileVariables: ReadonlyMap<string, FileVariable>;
  readonly requestNames: ReadonlySet<string>;
  readonly environmentVariables: Readonly<Record<string, string>>;
  readonly responses: ReadonlyMap<string, StoredResponse>;
  readonly system: SystemSources;
  /** A file variable is evaluated once per request, so `@cid = {{$uuid}}` is one id within a request. */
  readonly cache: Map<string, string>;
}

/** Last definition wins, matching the order a reader meets them. */
export function fileVariableMap(file: KfreqFile): Map<string, FileVariable> {
  const map = new Map<string, FileVariable>();
  for (const variable of file.fileVariables) map.set(variable.name.text, variable);
  return map;
}

export function createScope(file: KfreqFile, context: VariableContext = {}): VariableScope {
  return {
    fileVariables: fileVariableMap(file),
    requestNames: new Set(file.requests.flatMap((r) => (r.name ? [r.name.text] : []))),
    environmentVariables: context.environmentVariables ?? {},
    responses: context.responses ?? new Map(),
    system: { ...DEFAULT_SYSTEM_SOURCES, ...context.system },
    cache: new Map(),
  };
}

const REFERENCE = /\{\{([^\n]*?)\}\}/g;

function positionAt(template: TemplateText, offset: number): Position {
  const before = template.text.slice(0, offset);
  const newline = before.lastIndexOf('\n');
  if (newline < 0) return { line: template.range.start.line, character: template.range.start.character + offset };
  let lines = 0;
  for (const c of before) if (c === '\n') lines++;
  return { line: template.range.start.line + lines, character: offset - newline - 1 };
}

/**
 * Returns the text with every reference replaced. Unresolvable references are left as written
 * and reported in `problems` with their range.
 * @param encode applied to each inserted value (the verbatim query string encodes what it inserts)
 */
export function substitute(
  template: TemplateText,
  scope: VariableScope,
  problems: Diagnostic[],
  encode: (value: string) => string = (v) => v,
  stack: readonly string[] = [],
): string {
  return template.text.replace(REFERENCE, (whole: string, inner: string, offset: number) => {
    const expression = inner.trim();
    const result = evaluate(expression, scope, problems, stack);
    if ('value' in result) return encode(result.value);
    const start = positionAt(template, offset);
    problems.push({
      range: { start, end: { line: start.line, character: start.character + whole.length } },
      severity: 'error',
      message: result.error,
      code: result.code,
    });
    return whole;
  });
}

type Evaluation = { readonly value: string } | { readonly error: string; readonly code: string };

export function evaluate(expression: string, scope: VariableScope, problems: Diagnostic[], stack: readonly string[] = []): Evaluation {
  if (expression === '') return { error: 'Empty variable reference `{{}}`.', code: 'empty-variable' };
  const { kind, name } = classifyExpression(expression);
  if (kind === 'system') {
    const result = evaluateSystemVariable(expression.slice(1), scope.system);
    return 'value' in result ? result : { error: result.error, code: 'bad-system-variable' };
  }
  if (kind === 'request') return evaluateResponseReference(expression, name, scope);
  const cached = scope.cache.get(name);
  if (cached !== undefined) return { value: cached };
  const definition = scope.fileVariables.get(name);
  if (definition) {
    if (stack.includes(name)) {
      return { error: `Variable \`${name}\` refers to itself: ${[...stack, name].join(' → ')}.`, code: 'variable-cycle' };
    }
    const before = problems.length;
    const value = substitute(definition.value, scope, problems, (v) => v, [...stack, name]);
    // Cache only clean values: a failed one must be reported again where it is used.
    if (problems.length === before) scope.cache.set(name, value);
    return problems.length === before ? { value } : { error: `Variable \`${name}\` could not be resolved (see its definition on line ${definition.range.start.line + 1}).`, code: 'unresolved-variable' };
  }
  const fromEnvironment = scope.environmentVariables[name];
  if (fromEnvironment !== undefined) return { value: fromEnvironment };
  return { error: `Unknown variable \`${name}\`: define it with \`@${name} = value\` or in the environment.`, code: 'unknown-variable' };
}

function evaluateResponseReference(expression: string, name: string, scope: VariableScope): Evaluation {
  const stored = scope.responses.get(name);
  if (!stored) {
    return scope.requestNames.has(name)
      ? { error: `Request \`${name}\` has not been run yet: send it first (or run all requests in order).`, code: 'response-missing' }
      : { error: `No request named \`${name}\`: name one with \`# @name ${name}\`.`, code: 'unknown-request' };
  }
  const path = expression.slice(`${name}.response`.length);
  if (path === '') return { error: `\`${expression}\`: add \`.status\`, \`.headers.<name>\` or \`.body...\`.`, code: 'bad-response-path' };
  const read = readResponse(stored, path);
  if ('error' in read) return { error: `\`${expression}\`: ${read.error}.`, code: 'bad-response-path' };
  if (!read.found) return { error: `\`${expression}\`: the response of \`${name}\` has no ${read.missing}.`, code: 'response-field-missing' };
  return { value: valueToText(read.value) };
}
