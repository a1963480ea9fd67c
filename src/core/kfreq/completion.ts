import { allEndpoints, findEndpoint, type EndpointSpec, type ParamSpec } from '../catalog';
import { DIRECTIVE_DOCS } from './directives';
import { endpointDoc, paramDoc } from './endpointDocs';
import type { InstrumentInfo } from './instrumentChecks';
import { rangeOnLine } from './ranges';
import { KNOWN_METHODS } from './requestLine';
import { matchRequestEndpoint } from './requestEndpoint';
import type { StoredResponse } from './responsePath';
import type { KfreqFile, KfreqRequest, Position, Range } from './types';
import { variableCompletions } from './variableCompletion';
import { createScope } from './variables';

/**
 * The completion model: what to offer at a position, independent of any editor. The extension
 * maps each item 1:1 onto a VS Code CompletionItem.
 */

export type CompletionKind = 'method' | 'endpoint' | 'parameter' | 'value' | 'symbol' | 'variable' | 'directive' | 'environment' | 'field';

export interface CompletionItem {
  readonly label: string;
  readonly kind: CompletionKind;
  readonly detail?: string;
  /** Markdown. */
  readonly documentation?: string;
  readonly insertText: string;
  /** The text the item replaces (from the start of the word being typed up to the cursor). */
  readonly range: Range;
  /** What the editor filters on when it differs from the label. */
  readonly filterText?: string;
  readonly sortText?: string;
}

export interface CompletionContext {
  readonly instruments?: readonly InstrumentInfo[];
  readonly environmentVariables?: Readonly<Record<string, string>>;
  readonly environmentIds?: readonly string[];
  /** Responses of named requests already run, to complete `{{name.response.body.` paths. */
  readonly responses?: ReadonlyMap<string, StoredResponse>;
}

export function completionsAt(file: KfreqFile, position: Position, context: CompletionContext = {}): CompletionItem[] {
  const lineText = file.lines[position.line];
  if (lineText === undefined) return [];
  const before = lineText.slice(0, Math.min(position.character, lineText.length));
  const open = before.lastIndexOf('{{');
  if (open >= 0 && before.indexOf('}}', open) < 0) return variableCompletions(file, position, before.slice(open + 2), context);

  const comment = /^(\s*)(#|\/\/)\s*@([\w-]*)(\s+(.*))?$/.exec(before);
  if (comment) return directiveCompletions(comment, position, context);
  if (/^\s*(#|\/\/|@)/.test(before)) return [];

  const request = file.requests.find((r) => r.range.start.line <= position.line && position.line <= r.range.end.line);
  const requestLine = request?.requestLine.range.start.line;
  if (!request || requestLine === position.line) return requestLineCompletions(before, position, context);
  if (requestLine !== undefined && position.line > requestLine) return paramCompletions(file, request, before, position, context);
  return [];
}

function directiveCompletions(match: RegExpExecArray, position: Position, context: CompletionContext): CompletionItem[] {
  const word = match[3] ?? '';
  const argument = match[4];
  if (argument === undefined) {
    const range = rangeOnLine(position.line, position.character - word.length, position.character);
    return Object.entries(DIRECTIVE_DOCS).map(([name, doc]) => ({ label: `@${name}`, kind: 'directive', documentation: doc, insertText: name, filterText: name, range }));
  }
  const typed = match[5] ?? '';
  const range = rangeOnLine(position.line, position.character - typed.length, position.character);
  if (word === 'env') {
    return (context.environmentIds ?? ['local', 'demo', 'live']).map((id) => ({ label: id, kind: 'environment', insertText: id, range }));
  }
  if (word === 'assert') {
    const checks = ['status == 200', 'body.result == success', 'body.sendStatus.status == placed', 'body.sendStatus.order_id exists', 'body.error !exists'];
    return checks.map((check, i) => ({ label: check, kind: 'value', insertText: check, range, sortText: String(i).padStart(2, '0') }));
  }
  return [];
}

function requestLineCompletions(before: string, position: Position, context: CompletionContext): CompletionItem[] {
  const indent = before.length - before.trimStart().length;
  const typed = before.slice(indent);
  const methodThenPath = /^([A-Za-z]+)(\s+)(\S*)$/.exec(typed);
  const endpoints = allEndpoints().filter((e) => !e.aliasOf);
  if (methodThenPath) {
    const method = (methodThenPath[1] ?? '').toUpperCase();
    const pathTyped = methodThenPath[3] ?? '';
    const mark = pathTyped.indexOf('?');
    if (mark >= 0) {
      const endpoint = findEndpoint(method, pathTyped.slice(0, mark))?.endpoint;
      return endpoint ? queryCompletions(endpoint, pathTyped.slice(mark + 1), position, context) : [];
    }
    const range = rangeOnLine(position.line, position.character - pathTyped.length, position.character);
    return endpoints.filter((e) => e.method === method).map((e) => endpointItem(e, e.path, range, e.path));
  }
  if (/\s/.test(typed)) return [];
  // Start of the line: either a method or a whole `METHOD path`.
  const range = rangeOnLine(position.line, indent, position.character);
  const methods: CompletionItem[] = KNOWN_METHODS.map((m) => ({ label: m, kind: 'method', insertText: `${m} `, range, sortText: `0${m}` }));
  const full = endpoints.map((e) => endpointItem(e, `${e.method} ${e.path}`, range, typed.startsWith('/') ? e.path : `${e.method} ${e.path}`));
  return [...methods, ...full];
}

function endpointItem(endpoint: EndpointSpec, insertText: string, range: Range, filterText: string): CompletionItem {
  return {
    label: `${endpoint.method} ${endpoint.path}`,
    kind: 'endpoint',
    detail: endpoint.summary,
    documentation: endpointDoc(endpoint),
    insertText,
    filterText,
    range,
    sortText: `1${endpoint.path}`,
  };
}

function paramCompletions(file: KfreqFile, request: KfreqRequest, before: string, position: Position, context: CompletionContext): CompletionItem[] {
  const scope = createScope(file, context.environmentVariables ? { environmentVariables: context.environmentVariables } : {});
  const endpoint = matchRequestEndpoint(request, scope)?.endpoint;
  if (!endpoint) return [];
  const assignment = /^(\s*)([^=\s]*)\s*=\s*(.*)$/.exec(before);
  if (!assignment) {
    const indent = before.length - before.trimStart().length;
    const typed = before.slice(indent);
    if (/\s/.test(typed)) return [];
    const present = new Set(request.params.filter((p) => p.key.range.start.line !== position.line).map((p) => p.key.text));
    return paramNameItems(endpoint, present, rangeOnLine(position.line, indent, position.character), ' = ');
  }
  const spec = endpoint.params.find((p) => p.name === assignment[2]);
  const typed = assignment[3] ?? '';
  return spec ? paramValueItems(spec, rangeOnLine(position.line, position.character - typed.length, position.character), context) : [];
}

/** After `?` or `&` on the request line: parameter names, or values after `name=`. */
function queryCompletions(endpoint: EndpointSpec, query: string, position: Position, context: CompletionContext): CompletionItem[] {
  const segments = query.split('&');
  const current = segments[segments.length - 1] ?? '';
  const present = new Set(segments.slice(0, -1).map((segment) => segment.split('=', 1)[0] ?? ''));
  const eq = current.indexOf('=');
  if (eq < 0) return paramNameItems(endpoint, present, rangeOnLine(position.line, position.character - current.length, position.character), '=');
  const spec = endpoint.params.find((p) => p.name === current.slice(0, eq));
  const typed = current.slice(eq + 1);
  return spec ? paramValueItems(spec, rangeOnLine(position.line, position.character - typed.length, position.character), context) : [];
}

function paramNameItems(endpoint: EndpointSpec, present: ReadonlySet<string>, range: Range, assign: string): CompletionItem[] {
  return endpoint.params
    .filter((p) => p.in !== 'path' && (p.repeated || !present.has(p.name)))
    .map((p) => ({
      label: p.name,
      kind: 'parameter' as const,
      detail: p.required ? 'required' : 'optional',
      documentation: paramDoc(p),
      insertText: `${p.name}${assign}`,
      range,
      sortText: `${p.required ? 0 : 1}${p.name}`,
    }));
}

function paramValueItems(spec: ParamSpec, range: Range, context: CompletionContext): CompletionItem[] {
  if (spec.type === 'enum') return (spec.values ?? []).map((v) => ({ label: v, kind: 'value', detail: spec.name, insertText: v, range }));
  if (spec.type === 'boolean') return ['true', 'false'].map((v) => ({ label: v, kind: 'value', detail: spec.name, insertText: v, range }));
  if (spec.type === 'symbol') {
    return (context.instruments ?? []).map((i) => ({
      label: i.symbol,
      kind: 'symbol',
      detail: [i.tickSize !== undefined ? `tick ${i.tickSize}` : '', i.contractValueTradePrecision !== undefined ? `size step 1e${-i.contractValueTradePrecision}` : ''].filter(Boolean).join(', '),
      insertText: i.symbol,
      range,
    }));
  }
  return [];
}
