import type { CompletionContext, CompletionItem } from './completion';
import { rangeOnLine } from './ranges';
import { parseAccessPath, walkPath } from './responsePath';
import { SYSTEM_VARIABLES } from './systemVariables';
import type { KfreqFile, Position } from './types';
import { fileVariableMap } from './variables';

/** Completion inside `{{ ... }}`: variables, system variables, request names and response paths. */

const RESPONSE_PATH = /^([A-Za-z_][\w-]*)\.response(.*)$/;

export function variableCompletions(file: KfreqFile, position: Position, typedWithSpace: string, context: CompletionContext): CompletionItem[] {
  const typed = typedWithSpace.trimStart();
  const range = rangeOnLine(position.line, position.character - typed.length, position.character);
  const item = (label: string, insertText: string, detail: string, documentation?: string): CompletionItem => ({
    label,
    kind: 'variable',
    detail,
    insertText,
    filterText: insertText,
    range,
    ...(documentation ? { documentation } : {}),
  });

  const response = RESPONSE_PATH.exec(typed);
  if (response) return responsePathItems(response[1] ?? '', response[2] ?? '', context, item);

  const items: CompletionItem[] = [];
  for (const [name, variable] of fileVariableMap(file)) {
    items.push(item(name, name, `file variable (line ${variable.range.start.line + 1})`, `\`${variable.value.text.slice(0, 200)}\``));
  }
  for (const name of Object.keys(context.environmentVariables ?? {})) {
    if (!items.some((i) => i.label === name)) items.push(item(name, name, 'environment variable'));
  }
  for (const variable of SYSTEM_VARIABLES) {
    const insert = variable.name === 'randomInt' ? '$randomInt 0 100' : `$${variable.name}`;
    items.push(item(`$${variable.name}`, insert, 'system variable', `\`{{${variable.usage}}}\`: ${variable.doc}`));
  }
  for (const request of file.requests) {
    if (request.name && request.range.end.line < position.line) {
      items.push(item(request.name.text, `${request.name.text}.response.body.`, `response of request #${request.index + 1}`, 'Use `.status`, `.headers.<name>` or `.body.<path>`.'));
    }
  }
  return items;
}

function responsePathItems(
  name: string,
  rest: string,
  context: CompletionContext,
  item: (label: string, insertText: string, detail: string) => CompletionItem,
): CompletionItem[] {
  const base = `${name}.response`;
  const stored = context.responses?.get(name);
  const lastDot = rest.lastIndexOf('.');
  const lastBracket = rest.lastIndexOf('[');
  const cut = Math.max(lastDot, lastBracket);
  const parentText = cut <= 0 ? '' : rest.slice(0, cut);
  if (parentText === '') {
    return [
      item('status', `${base}.status`, 'HTTP status code'),
      item('headers', `${base}.headers.`, 'response headers'),
      item('body', `${base}.body`, 'response body (JSON)'),
    ];
  }
  if (!stored) return [];
  const head = /^\.(status|headers|body)/.exec(parentText);
  if (!head) return [];
  if (head[1] === 'headers') {
    return parentText === '.headers' ? Object.keys(stored.headers).map((h) => item(h, `${base}.headers.${h}`, 'response header')) : [];
  }
  if (head[1] !== 'body') return [];
  const path = parseAccessPath(parentText.slice('.body'.length));
  if ('error' in path) return [];
  const found = walkPath(stored.body, path.segments);
  if (!found.found) return [];
  const value = found.value;
  const prefix = `${base}${parentText}`;
  if (Array.isArray(value)) return value.slice(0, 50).map((_, i) => item(`[${i}]`, `${prefix}[${i}]`, 'array element'));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).map(([key, v]) =>
      item(key, `${prefix}.${key}`, Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v === 'object' ? 'object' : `${typeof v}: ${String(v).slice(0, 40)}`),
    );
  }
  return [];
}
