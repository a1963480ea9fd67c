import { derivativesFamily } from './derivatives';
import { compileTemplate, matchTemplate, pathOnly, type CompiledTemplate } from './pathTemplate';
import type { ApiFamily, EndpointMatch, EndpointSpec, HttpMethod } from './types';

/**
 * The registry of API families and the lookups everyone else uses: the client (by id), the
 * `.kfreq` runner and diagnostics (by method + path), the simulator (all endpoints).
 */

export * from './types';
export * from './schemas';
export { derivativesFamily } from './derivatives';
export { buildParamString, encodeParamComponent, formatNumber, paramMapOf, paramPairs, parseParamString } from './paramString';
export type { ParamInput, ParamValue } from './paramString';
export { validateParams } from './validateParams';
export type { ParamProblem, ParamProblemCode } from './validateParams';
export { fillTemplate, templateNames } from './pathTemplate';
export { batchInstructionCount } from './rateCosts';
export { CONTRACT_TYPES } from './marketDataEndpoints';
export { ORDER_TYPES, TRIGGER_SIGNALS, DEVIATION_UNITS } from './orderEndpoints';
export { ACCOUNT_LOG_INFO } from './historyEndpoints';
export { TICK_TYPES, RESOLUTIONS } from './chartEndpoints';

export const catalog: { readonly families: readonly ApiFamily[] } = {
  families: [derivativesFamily],
};

interface CompiledEndpoint {
  readonly endpoint: EndpointSpec;
  readonly template: CompiledTemplate;
  /** Fewer placeholders = more specific; a literal path beats a template that also fits. */
  readonly placeholders: number;
}

let compiled: CompiledEndpoint[] | undefined;

function compiledEndpoints(): CompiledEndpoint[] {
  compiled ??= allEndpoints().map((endpoint) => {
    const template = compileTemplate(endpoint.path);
    return { endpoint, template, placeholders: template.names.length };
  });
  return compiled;
}

export function allEndpoints(): EndpointSpec[] {
  return catalog.families.flatMap((f) => f.endpoints);
}

export function endpointById(id: string): EndpointSpec | undefined {
  return allEndpoints().find((e) => e.id === id);
}

/** The family an endpoint belongs to (for its lifecycle note). */
export function familyOf(endpoint: EndpointSpec): ApiFamily | undefined {
  return catalog.families.find((f) => f.id === endpoint.family);
}

/**
 * The endpoint a request goes to. `path` may be a bare path, a path with a query string or a full
 * URL; a trailing slash is ignored. Method comparison is case-insensitive.
 */
export function findEndpoint(method: string, path: string): EndpointMatch | undefined {
  const wantedMethod = method.toUpperCase() as HttpMethod;
  const wantedPath = pathOnly(path);
  let best: { match: EndpointMatch; placeholders: number } | undefined;
  for (const entry of compiledEndpoints()) {
    if (entry.endpoint.method !== wantedMethod) continue;
    const pathParams = matchTemplate(entry.template, wantedPath);
    if (!pathParams) continue;
    if (!best || entry.placeholders < best.placeholders) {
      best = { match: { endpoint: entry.endpoint, pathParams }, placeholders: entry.placeholders };
    }
  }
  return best?.match;
}

/** Methods served at a path (to say "PUT exists, GET does not" instead of "unknown endpoint"). */
export function methodsAt(path: string): HttpMethod[] {
  const wantedPath = pathOnly(path);
  const methods = compiledEndpoints()
    .filter((entry) => matchTemplate(entry.template, wantedPath))
    .map((entry) => entry.endpoint.method);
  return [...new Set(methods)];
}
