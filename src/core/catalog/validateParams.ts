import { formatNumber, paramPairs, type ParamInput } from './paramString';
import type { EndpointSpec, ParamSpec, ParamType } from './types';

/**
 * Checks parameters against an endpoint description before anything is sent. Used by the
 * `.kfreq` diagnostics (problems become squiggles) and by the client (errors stop the call).
 * Values are the DECODED texts, i.e. what a person typed.
 */

export type ParamProblemCode = 'missing' | 'type' | 'enum' | 'unknown' | 'repeated' | 'oneOf' | 'length';

export interface ParamProblem {
  /** The parameter concerned (for `oneOf`, the group joined with `|`). */
  readonly param: string;
  readonly code: ParamProblemCode;
  /** Errors make the request fail at Kraken; warnings are probably mistakes. */
  readonly severity: 'error' | 'warning';
  readonly message: string;
}

const PLAIN_DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)$/;
const SCIENTIFIC = /^[+-]?(\d+\.?\d*|\.\d+)[eE][+-]?\d+$/;
const INTEGER = /^-?\d+$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const UUID_LIKE = /^[0-9a-fA-F]{8}-[0-9a-fA-F-]{4,}$/;
const SYMBOL = /^[A-Za-z0-9_.]+$/;

/** A message when `value` is not of `type`, or undefined when it is. */
function typeProblem(spec: ParamSpec, value: string): { message: string; severity: 'error' | 'warning' } | undefined {
  const error = (message: string) => ({ message, severity: 'error' as const });
  const type: ParamType = spec.type;
  switch (type) {
    case 'number':
      if (PLAIN_DECIMAL.test(value)) return undefined;
      if (SCIENTIFIC.test(value)) return error(`${spec.name} must be a plain decimal (e.g. ${formatNumber(Number(value))}), not scientific notation "${value}".`);
      return error(`${spec.name} must be a number, got "${value}".`);
    case 'integer':
      return INTEGER.test(value) ? undefined : error(`${spec.name} must be a whole number, got "${value}".`);
    case 'boolean':
      if (value === 'true' || value === 'false') return undefined;
      if (/^(true|false)$/i.test(value)) return error(`${spec.name} must be lowercase "${value.toLowerCase()}".`);
      return error(`${spec.name} must be true or false, got "${value}".`);
    case 'timestamp':
      return ISO_TIME.test(value) && !Number.isNaN(Date.parse(value))
        ? undefined
        : error(`${spec.name} must be an ISO-8601 time such as 2024-02-20T00:00:00.000Z, got "${value}".`);
    case 'uuid':
      // Kraken's own samples hold malformed UUIDs, so a strange shape is only a warning.
      return UUID_LIKE.test(value) ? undefined : { severity: 'warning', message: `${spec.name} does not look like an order id (UUID): "${value}". Did you mean cliOrdId?` };
    case 'symbol':
      return SYMBOL.test(value) ? undefined : error(`${spec.name} must be a symbol such as PF_XBTUSD (letters, digits, _ and .), got "${value}".`);
    case 'json':
      try {
        JSON.parse(value);
        return undefined;
      } catch (e) {
        return error(`${spec.name} must be JSON text: ${(e as Error).message}.`);
      }
    case 'enum': {
      const values = spec.values ?? [];
      if (values.includes(value)) return undefined;
      const caseFix = values.find((v) => v.toLowerCase() === value.toLowerCase());
      if (caseFix) return error(`${spec.name} is case-sensitive: use "${caseFix}", not "${value}".`);
      return error(`${spec.name} must be one of ${values.join(', ')}; got "${value}".`);
    }
    case 'string':
      return undefined;
  }
}

/**
 * Problems with `params` for `endpoint`: missing required parameters, wrong types, values outside
 * an enum, unknown or wrongly repeated names. Path parameters (e.g. `{symbol}`) may be passed in
 * `params` or separately in `pathParams` (from `findEndpoint`).
 */
export function validateParams(
  endpoint: EndpointSpec,
  params: ParamInput,
  pathParams: Readonly<Record<string, string>> = {},
): ParamProblem[] {
  const problems: ParamProblem[] = [];
  const given = new Map<string, string[]>();
  for (const [name, value] of [...paramPairs(params), ...Object.entries(pathParams)]) {
    given.set(name, [...(given.get(name) ?? []), value]);
  }
  const specs = new Map(endpoint.params.map((p) => [p.name, p]));

  for (const [name, values] of given) {
    const spec = specs.get(name);
    if (!spec) {
      const known = endpoint.params.map((p) => p.name);
      const hint = known.length ? ` Known parameters: ${known.join(', ')}.` : ' It takes no parameters.';
      problems.push({ param: name, code: 'unknown', severity: 'warning', message: `${endpoint.id} has no parameter "${name}".${hint}` });
      continue;
    }
    if (values.length > 1 && !spec.repeated) {
      problems.push({ param: name, code: 'repeated', severity: 'error', message: `${name} is given ${values.length} times but takes one value.` });
    }
    for (const value of values) {
      const problem = typeProblem(spec, value);
      if (problem) problems.push({ param: name, code: spec.type === 'enum' ? 'enum' : 'type', ...problem });
      if (spec.maxLength !== undefined && value.length > spec.maxLength) {
        problems.push({ param: name, code: 'length', severity: 'error', message: `${name} is ${value.length} characters long; at most ${spec.maxLength} are allowed.` });
      }
    }
  }

  for (const spec of endpoint.params) {
    if (given.has(spec.name)) continue;
    if (spec.required) {
      problems.push({ param: spec.name, code: 'missing', severity: 'error', message: `${endpoint.id} needs ${spec.name}: ${spec.doc}` });
    } else if (spec.requiredWhen) {
      const { param, values } = spec.requiredWhen;
      const trigger = given.get(param)?.[0];
      if (trigger !== undefined && values.includes(trigger)) {
        problems.push({ param: spec.name, code: 'missing', severity: 'error', message: `${spec.name} is required when ${param} is ${trigger}: ${spec.doc}` });
      }
    }
  }

  for (const group of endpoint.requiresOneOf ?? []) {
    if (!group.some((name) => given.has(name))) {
      problems.push({ param: group.join('|'), code: 'oneOf', severity: 'error', message: `${endpoint.id} needs one of ${group.join(' or ')}.` });
    }
  }
  return problems;
}
