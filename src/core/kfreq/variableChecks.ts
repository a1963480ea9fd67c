import { didYouMean } from './didYouMean';
import { readResponse } from './responsePath';
import { DEFAULT_SYSTEM_SOURCES, evaluateSystemVariable } from './systemVariables';
import type { Diagnostic, KfreqFile, KfreqRequest, TemplateText, VariableRef } from './types';
import { fileVariableMap } from './variables';

/**
 * Static checks of `{{...}}` references: unknown variables, unknown or later requests, bad system
 * variables, cycles between file variables, duplicate definitions and request names.
 */

/** Every template a request owns: the request line, parameter values and directive arguments. */
export function templatesOf(request: KfreqRequest): TemplateText[] {
  const templates: TemplateText[] = [request.requestLine.target];
  if (request.requestLine.query) templates.push(request.requestLine.query);
  for (const param of request.params) templates.push(param.value);
  for (const directive of request.directives) if (directive.argument) templates.push(directive.argument);
  return templates;
}

// The response of a request that has not run is irrelevant here; only the shape of the path is checked.
const EMPTY_RESPONSE = { status: 0, headers: {}, body: undefined };

export function checkVariables(file: KfreqFile, environmentVariables: ReadonlySet<string> | undefined): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const definitions = fileVariableMap(file);
  const requestIndexByName = new Map<string, number>();
  for (const request of file.requests) {
    if (!request.name) continue;
    const earlier = requestIndexByName.get(request.name.text);
    if (earlier !== undefined) {
      diagnostics.push({
        range: request.name.range,
        severity: 'error',
        message: `Request name \`${request.name.text}\` is already used by request #${earlier + 1}; chaining needs unique names.`,
        code: 'duplicate-request-name',
      });
    } else {
      requestIndexByName.set(request.name.text, request.index);
    }
  }
  const seenVariables = new Set<string>();
  for (const variable of file.fileVariables) {
    if (seenVariables.has(variable.name.text)) {
      diagnostics.push({ range: variable.name.range, severity: 'warning', message: `Variable \`${variable.name.text}\` is defined more than once; the last definition wins everywhere.`, code: 'duplicate-variable' });
    }
    seenVariables.add(variable.name.text);
  }

  const known = (name: string): boolean => definitions.has(name) || (environmentVariables?.has(name) ?? false);
  const suggestions = [...definitions.keys(), ...(environmentVariables ?? [])];

  const checkRef = (ref: VariableRef, fromRequest: KfreqRequest | undefined): void => {
    const report = (message: string, code: string, severity: Diagnostic['severity'] = 'error'): void => {
      diagnostics.push({ range: ref.range, severity, message, code });
    };
    if (ref.kind === 'system') {
      const result = evaluateSystemVariable(ref.expression.slice(1), DEFAULT_SYSTEM_SOURCES);
      if ('error' in result) report(result.error, 'bad-system-variable');
      return;
    }
    if (ref.kind === 'file') {
      if (!known(ref.name)) {
        const hint = environmentVariables === undefined ? ' (or in the active environment)' : '';
        report(`Unknown variable \`${ref.name}\`: define it with \`@${ref.name} = value\`${hint}.${didYouMean(ref.name, suggestions)}`, 'unknown-variable');
      }
      return;
    }
    const target = requestIndexByName.get(ref.name);
    if (target === undefined) {
      report(`No request named \`${ref.name}\`: name one with \`# @name ${ref.name}\`.${didYouMean(ref.name, requestIndexByName.keys())}`, 'unknown-request');
      return;
    }
    const path = ref.expression.slice(`${ref.name}.response`.length);
    const shape = path === '' ? { error: 'add `.status`, `.headers.<name>` or `.body...`' } : readResponse(EMPTY_RESPONSE, path);
    if ('error' in shape) report(`\`${ref.expression}\`: ${shape.error}.`, 'bad-response-path');
    if (fromRequest && target === fromRequest.index) report(`Request \`${ref.name}\` cannot use its own response.`, 'self-reference');
    else if (fromRequest && target > fromRequest.index) {
      report(`Request \`${ref.name}\` comes later in the file (request #${target + 1}), so it will not have run when this one is sent.`, 'later-request', 'warning');
    }
  };

  for (const variable of file.fileVariables) for (const ref of variable.value.refs) checkRef(ref, undefined);
  for (const request of file.requests) for (const template of templatesOf(request)) for (const ref of template.refs) checkRef(ref, request);
  diagnostics.push(...checkCycles(file, definitions));
  return diagnostics;
}

function checkCycles(file: KfreqFile, definitions: ReturnType<typeof fileVariableMap>): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string, path: string[]): string[] | undefined => {
    if (state.get(name) === 'done') return undefined;
    if (state.get(name) === 'visiting') return [...path.slice(path.indexOf(name)), name];
    const definition = definitions.get(name);
    if (!definition) return undefined;
    state.set(name, 'visiting');
    for (const ref of definition.value.refs) {
      if (ref.kind !== 'file') continue;
      const cycle = visit(ref.name, [...path, name]);
      if (cycle) return cycle;
    }
    state.set(name, 'done');
    return undefined;
  };
  for (const variable of file.fileVariables) {
    if (definitions.get(variable.name.text) !== variable || state.get(variable.name.text) === 'done') continue;
    const cycle = visit(variable.name.text, []);
    if (cycle) {
      diagnostics.push({ range: variable.name.range, severity: 'error', message: `Variables refer to each other in a loop: ${cycle.join(' → ')}.`, code: 'variable-cycle' });
    }
    // Whatever is still marked visiting was on the reported path; each loop is reported once.
    for (const [name, mark] of state) if (mark === 'visiting') state.set(name, 'done');
  }
  return diagnostics;
}
