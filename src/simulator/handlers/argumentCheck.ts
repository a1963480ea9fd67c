import { validateParams, type EndpointSpec, type ParamProblem } from '../../core/catalog';
import type { RawParams } from '../http/rawParams';

/**
 * The catalog's parameter rules applied as Kraken answers them: a missing argument is
 * `requiredArgumentMissing`, a wrong type or value `invalidArgument: <name>`. Warnings (unknown
 * names, odd-looking ids) are not errors at Kraken either, and lengths are left to the order
 * logic because Kraken reports them as order statuses (`clientOrderIdTooBig`).
 */

function errorsOf(endpoint: EndpointSpec, params: RawParams, pathParams: Readonly<Record<string, string>>): ParamProblem[] {
  const pairs: Array<[string, string]> = [];
  for (const [name, values] of params) for (const value of values) pairs.push([name, value]);
  return validateParams(endpoint, pairs, pathParams).filter((p) => p.severity === 'error' && p.code !== 'length');
}

/** Kraken's error string for the first problem, or null when the arguments are acceptable. */
export function argumentProblem(endpoint: EndpointSpec, params: RawParams, pathParams: Readonly<Record<string, string>> = {}): string | null {
  const problems = errorsOf(endpoint, params, pathParams);
  if (problems.some((p) => p.code === 'missing' || p.code === 'oneOf')) return 'requiredArgumentMissing';
  // A JSON argument that does not parse (batchorder's `json`) has its own error at Kraken.
  const jsonParam = problems.find((p) => endpoint.params.find((spec) => spec.name === p.param)?.type === 'json');
  if (jsonParam) return 'Json Parse Error';
  return problems.length > 0 ? `invalidArgument: ${problems[0].param}` : null;
}

/** The catalog's sentence for the first problem, for the HTTP 400 answers of public endpoints. */
export function argumentMessage(endpoint: EndpointSpec, params: RawParams, pathParams: Readonly<Record<string, string>> = {}): string | null {
  const problem = errorsOf(endpoint, params, pathParams)[0];
  return problem ? `400 BAD_REQUEST: ${problem.message}` : null;
}
