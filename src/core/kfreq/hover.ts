import { DIRECTIVE_DOCS } from './directives';
import { endpointDoc, paramDoc } from './endpointDocs';
import { rangeContains } from './ranges';
import { paramEntries } from './paramChecks';
import { matchRequestEndpoint, staticPath } from './requestEndpoint';
import { SYSTEM_VARIABLES } from './systemVariables';
import { templatesOf } from './variableChecks';
import type { KfreqFile, Position, Range, VariableRef } from './types';
import { createScope, fileVariableMap } from './variables';

/** Hover text for endpoints, parameters, directives and variable references. */

export interface Hover {
  /** Markdown. */
  readonly contents: string;
  readonly range: Range;
}

export interface HoverContext {
  readonly environmentVariables?: Readonly<Record<string, string>>;
}

export function hoverAt(file: KfreqFile, position: Position, context: HoverContext = {}): Hover | undefined {
  const request = file.requests.find((r) => rangeContains(r.range, position));
  const templates = request ? templatesOf(request) : [];
  for (const variable of file.fileVariables) templates.push(variable.value);
  for (const template of templates) {
    const ref = template.refs.find((r) => rangeContains(r.range, position));
    if (ref) return { contents: variableDoc(file, ref, context), range: ref.range };
  }
  if (!request) return undefined;

  for (const directive of request.directives) {
    const doc = DIRECTIVE_DOCS[directive.name.text];
    if (doc && rangeContains(directive.name.range, position)) return { contents: `**@${directive.name.text}**: ${doc}`, range: directive.name.range };
  }

  const scope = createScope(file, context.environmentVariables ? { environmentVariables: context.environmentVariables } : {});
  const line = request.requestLine;
  const inQuery = line.query !== undefined && rangeContains(line.query.range, position);
  if (rangeContains(line.range, position) && !inQuery) {
    const match = matchRequestEndpoint(request, scope);
    if (match) return { contents: endpointDoc(match.endpoint), range: line.range };
    const path = staticPath(request, scope);
    return { contents: `**${request.method} ${path ?? line.target.text}** is not in the endpoint catalog: its parameters are not checked and it is sent unsigned unless the request has \`# @sign\`.`, range: line.range };
  }

  const endpoint = matchRequestEndpoint(request, scope)?.endpoint;
  if (!endpoint) return undefined;
  // Both parameter forms: `key = value` lines and `key=value` pairs of a query on the request line.
  const entry = paramEntries(request, scope).find((e) => rangeContains(e.keyRange, position) || rangeContains(e.valueRange, position));
  if (!entry) return undefined;
  const spec = endpoint.params.find((p) => p.name === entry.name);
  const contents = spec ? paramDoc(spec) : `\`${entry.name}\` is not a parameter of ${endpoint.id}.`;
  return { contents, range: rangeContains(entry.keyRange, position) ? entry.keyRange : entry.valueRange };
}

function variableDoc(file: KfreqFile, ref: VariableRef, context: HoverContext): string {
  if (ref.kind === 'system') {
    const spec = SYSTEM_VARIABLES.find((v) => v.name === ref.name);
    return spec ? `**{{${spec.usage}}}**: ${spec.doc}` : `Unknown system variable \`$${ref.name}\`.`;
  }
  if (ref.kind === 'request') {
    const target = file.requests.find((r) => r.name?.text === ref.name);
    return target
      ? `From the response of request \`${ref.name}\` (#${target.index + 1}, line ${target.requestLine.range.start.line + 1}), filled in when it has run.`
      : `No request is named \`${ref.name}\`.`;
  }
  const definition = fileVariableMap(file).get(ref.name);
  if (definition) return `**${ref.name}** = \`${definition.value.text.slice(0, 300)}\` (file variable, line ${definition.range.start.line + 1})`;
  const fromEnvironment = context.environmentVariables?.[ref.name];
  if (fromEnvironment !== undefined) return `**${ref.name}** = \`${fromEnvironment}\` (environment variable)`;
  return `Unknown variable \`${ref.name}\`.`;
}
