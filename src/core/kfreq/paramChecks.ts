import { parseParamString, validateParams, type EndpointSpec, type ParamProblem } from '../catalog';
import { compactJson, startsJsonValue } from './jsonValue';
import { rangeOnLine } from './ranges';
import type { Diagnostic, KfreqRequest, Range, TemplateText } from './types';
import { substitute, type VariableScope } from './variables';

/**
 * The parameters of one request as the checks see them: decoded name and value with source
 * ranges. `value` is undefined when it depends on something only known at run time (a response).
 */

export interface ParamEntry {
  readonly name: string;
  readonly value: string | undefined;
  /** The raw text, used instead of `value` to count presence when the value is not known yet. */
  readonly raw: string;
  readonly keyRange: Range;
  readonly valueRange: Range;
}

/** Text of a template with file, environment and system variables filled in; undefined if that is impossible. */
export function staticText(template: TemplateText, scope: VariableScope): string | undefined {
  if (template.refs.length === 0) return template.text;
  const problems: Diagnostic[] = [];
  const text = substitute(template, scope, problems);
  return problems.length === 0 ? text : undefined;
}

function slice(template: TemplateText, from: number, to: number): TemplateText {
  const line = template.range.start.line;
  const base = template.range.start.character;
  const range = rangeOnLine(line, base + from, base + to);
  const refs = template.refs.filter((r) => r.range.start.character >= range.start.character && r.range.end.character <= range.end.character);
  return { text: template.text.slice(from, to), range, refs };
}

export function paramEntries(request: KfreqRequest, scope: VariableScope): ParamEntry[] {
  const query = request.requestLine.query;
  if (query) {
    const entries: ParamEntry[] = [];
    let offset = 0;
    for (const segment of query.text.split('&')) {
      const from = offset;
      offset += segment.length + 1;
      if (segment === '') continue;
      const eq = segment.indexOf('=');
      const keyEnd = eq < 0 ? segment.length : eq;
      const text = staticText(slice(query, from, from + segment.length), scope);
      const decoded = text === undefined ? undefined : parseParamString(text)[0];
      const rawKey = segment.slice(0, keyEnd);
      entries.push({
        name: decoded?.[0] ?? rawKey,
        value: decoded?.[1],
        raw: segment.slice(eq < 0 ? segment.length : eq + 1),
        keyRange: slice(query, from, from + keyEnd).range,
        valueRange: slice(query, eq < 0 ? from + keyEnd : from + eq + 1, from + segment.length).range,
      });
    }
    return entries;
  }
  return request.params.map((param) => {
    const text = staticText(param.value, scope);
    const value = text !== undefined && startsJsonValue(text.trim()) ? compactJson(text) : text;
    return { name: param.key.text, value, raw: param.value.text, keyRange: param.key.range, valueRange: param.value.range };
  });
}

const VALUE_PROBLEMS: ReadonlySet<ParamProblem['code']> = new Set(['type', 'enum', 'length']);

/** Catalog validation (missing, unknown, types, enums) mapped back onto source ranges. */
export function checkParams(
  request: KfreqRequest,
  endpoint: EndpointSpec,
  entries: readonly ParamEntry[],
  pathParams: Readonly<Record<string, string>>,
): Diagnostic[] {
  const pairs = entries.map((e): [string, string] => [e.name, e.value ?? e.raw]);
  const unknownValue = new Set(entries.filter((e) => e.value === undefined).map((e) => e.name));
  const pathNames = new Set(Object.keys(pathParams));
  const diagnostics: Diagnostic[] = [];
  for (const problem of validateParams(endpoint, pairs, pathParams)) {
    if (VALUE_PROBLEMS.has(problem.code) && unknownValue.has(problem.param)) continue;
    const named = entries.filter((e) => e.name === problem.param);
    let range: Range = request.requestLine.range;
    if (pathNames.has(problem.param) && named.length === 0) range = request.requestLine.target.range;
    else if (problem.code === 'unknown') range = named[0]?.keyRange ?? range;
    else if (problem.code === 'repeated') range = named[1]?.keyRange ?? range;
    else if (VALUE_PROBLEMS.has(problem.code)) {
      const culprit = named.find((e) => e.value !== undefined && problem.message.includes(`"${e.value}"`)) ?? named[0];
      range = culprit?.valueRange ?? range;
    }
    diagnostics.push({ range, severity: problem.severity, message: problem.message, code: `param-${problem.code}` });
  }
  return diagnostics;
}
