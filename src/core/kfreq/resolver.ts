import { buildParamString, encodeParamComponent, findEndpoint, parseParamString } from '../catalog';
import type { EndpointSpec } from '../catalog/types';
import { compactJson, jsonSyntaxError, startsJsonValue } from './jsonValue';
import { rangeContains } from './ranges';
import type { Diagnostic, KfreqFile, KfreqRequest } from './types';
import { createScope, substitute, type VariableContext, type VariableScope } from './variables';

/**
 * Turns one parsed request into what goes on the wire: variables substituted, the parameter
 * string built once (the catalog's `buildParamString`), and whether it is signed.
 * Never throws: anything that stops the request is a problem with a range.
 */

export interface ResolvedRequest {
  readonly index: number;
  readonly name?: string;
  readonly title?: string;
  readonly method: string;
  /** The URL path exactly as sent: no host, no query string. */
  readonly path: string;
  /** Set when the file wrote a full URL (without the query); otherwise `path` is relative to the active environment. */
  readonly url?: string;
  /** The exact parameter string to send and to sign. */
  readonly postData: string;
  /**
   * True when the file wrote a query string on the request line: it stays in the URL even for
   * POST (as ccxt sends orders). Otherwise the method decides: query for GET/DELETE, form body for POST/PUT.
   */
  readonly paramsInUrl: boolean;
  /** The same parameters decoded, in order, for display and validation. */
  readonly params: ReadonlyArray<readonly [string, string]>;
  readonly sign: boolean;
  /** Why `sign` has its value, for the response view. */
  readonly signReason: 'directive' | 'catalog' | 'unknown-endpoint';
  readonly endpoint?: EndpointSpec;
  readonly pathParams: Readonly<Record<string, string>>;
  /** The environment the request is pinned to with `# @env`. */
  readonly env?: string;
  /** State-changing call (orders, transfers, preferences): the live guard applies. */
  readonly mutating: boolean;
}

export type ResolveContext = VariableContext;

export interface Resolution {
  /** Absent when an error stops the request from being sent. */
  readonly request?: ResolvedRequest;
  readonly problems: readonly Diagnostic[];
}

const ABSOLUTE_URL = /^https?:\/\//i;

/** Syntax errors inside the request's own lines stop it; those elsewhere in the file do not. */
function syntaxErrorsOf(file: KfreqFile, request: KfreqRequest): Diagnostic[] {
  return file.diagnostics.filter((d) => d.severity === 'error' && rangeContains(request.range, d.range.start));
}

export function resolveRequest(file: KfreqFile, index: number, context: ResolveContext = {}): Resolution {
  const request = file.requests[index];
  if (!request) return { problems: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: 'error', message: `There is no request #${index + 1} in this file (it has ${file.requests.length}).`, code: 'no-such-request' }] };
  return resolveParsedRequest(file, request, createScope(file, context));
}

/** Used by the runner, which keeps one scope per request but shares the stored responses. */
export function resolveParsedRequest(file: KfreqFile, request: KfreqRequest, scope: VariableScope): Resolution {
  const problems: Diagnostic[] = syntaxErrorsOf(file, request);
  const line = request.requestLine;
  const problem = (range: Diagnostic['range'], message: string, code: string): void => {
    problems.push({ range, severity: 'error', message, code });
  };

  let target = substitute(line.target, scope, problems).trim();
  // The query written on the request line is sent verbatim; inserted values are encoded so they cannot break it apart.
  let query = line.query ? substitute(line.query, scope, problems, encodeParamComponent) : undefined;
  const mark = target.indexOf('?');
  if (mark >= 0) {
    // A variable that expanded to `...?a=1` (e.g. a saved URL).
    const fromVariable = target.slice(mark + 1);
    query = query === undefined ? fromVariable : `${fromVariable}&${query}`;
    target = target.slice(0, mark);
  }

  let path = target;
  let url: string | undefined;
  if (ABSOLUTE_URL.test(target)) {
    try {
      const parsed = new URL(target);
      path = parsed.pathname;
      url = `${parsed.origin}${parsed.pathname}`;
    } catch {
      problem(line.target.range, `\`${target}\` is not a valid URL.`, 'bad-url');
    }
  } else if (!target.startsWith('/')) {
    problem(line.target.range, `The path must start with \`/\` or be a full https:// URL; got \`${target}\`.`, 'bad-target');
  }

  const pairs: Array<[string, string]> = [];
  for (const param of request.params) {
    let value = substitute(param.value, scope, problems);
    if (startsJsonValue(value.trim())) {
      const compact = compactJson(value);
      const invalid = jsonSyntaxError(compact);
      if (invalid === undefined) value = compact;
      else if (param.key.text === 'json') problem(param.value.range, `The \`json\` value is not valid JSON: ${invalid}`, 'bad-json');
    }
    pairs.push([param.key.text, value]);
  }
  if (query !== undefined && pairs.length > 0) {
    problem(line.query?.range ?? line.range, 'Write the parameters either in the query string or as `key = value` lines, not both: Kraken signs one parameter string.', 'mixed-params');
  }

  const postData = query ?? buildParamString(pairs);
  const params = query !== undefined ? parseParamString(query) : pairs;
  const match = path.startsWith('/') ? findEndpoint(request.method, path) : undefined;
  const endpoint = match?.endpoint;
  const sign = request.sign ?? endpoint?.auth === 'private';
  const signReason = request.sign !== undefined ? 'directive' : endpoint ? 'catalog' : 'unknown-endpoint';

  if (problems.some((p) => p.severity === 'error')) return { problems };
  return {
    problems,
    request: {
      index: request.index,
      method: request.method,
      path,
      postData,
      paramsInUrl: query !== undefined,
      params,
      sign,
      signReason,
      pathParams: match?.pathParams ?? {},
      mutating: endpoint?.mutating ?? request.method !== 'GET',
      ...(url !== undefined ? { url } : {}),
      ...(endpoint ? { endpoint } : {}),
      ...(request.name ? { name: request.name.text } : {}),
      ...(request.title ? { title: request.title.text } : {}),
      ...(request.env ? { env: request.env.text } : {}),
    },
  };
}
