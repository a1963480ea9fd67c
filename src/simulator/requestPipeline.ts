import type { IncomingHttpHeaders } from 'node:http';
import type { EndpointSpec } from '../core/catalog';
import type { SimulatedExchange } from './exchange';
import { argumentMessage, argumentProblem } from './handlers/argumentCheck';
import { HANDLERS } from './handlers';
import { ArgumentError, ParamReader } from './handlers/paramReader';
import type { Authenticator } from './http/authenticator';
import {
  badRequest, historyRateLimited, historyUnauthorized, krakenError, methodNotAllowed, notFound, serverError, type HttpAnswer,
} from './http/envelopes';
import type { RateLimiter } from './http/rateLimiter';
import { parseRawParams, type RawParams } from './http/rawParams';
import type { RouteTable } from './http/routeTable';

/**
 * One request, start to finish, in the order Kraken's front end applies its checks: route, raw
 * parameter decoding, signature and nonce, rate budget, arguments, then the handler. Pure apart
 * from the exchange it changes, so it is tested without sockets as well as over HTTP.
 */

export interface IncomingCall {
  readonly method: string;
  /** The request target exactly as received: raw path plus `?` and raw query. */
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

export interface PipelineDeps {
  readonly exchange: SimulatedExchange;
  readonly routes: RouteTable;
  readonly auth: Authenticator;
  readonly limiter: RateLimiter;
  readonly log?: (line: string) => void;
}

type Family = 'derivatives' | 'history' | 'charts';

function familyOf(endpoint: EndpointSpec): Family {
  if (endpoint.path.startsWith('/api/history')) return 'history';
  if (endpoint.path.startsWith('/api/charts')) return 'charts';
  return 'derivatives';
}

function isFormBody(headers: IncomingHttpHeaders): boolean {
  const type = (headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  return type === '' || type === 'application/x-www-form-urlencoded';
}

function mergeParams(a: RawParams, b: RawParams): RawParams {
  const merged: RawParams = new Map(a);
  for (const [name, values] of b) merged.set(name, [...(merged.get(name) ?? []), ...values]);
  return merged;
}

export function handleCall(deps: PipelineDeps, call: IncomingCall, now: number): HttpAnswer {
  const q = call.url.indexOf('?');
  const path = q < 0 ? call.url : call.url.slice(0, q);
  const rawQuery = q < 0 ? '' : call.url.slice(q + 1);
  const route = deps.routes.match(call.method, path);
  if (route.kind === 'unknown') return notFound(now);
  if (route.kind === 'wrongMethod') return methodNotAllowed(now, route.allowed);
  const { endpoint, pathParams } = route;
  const family = familyOf(endpoint);

  const query = parseRawParams(rawQuery, 'query');
  if (!query.ok) return badRequest(now, query.message);
  // A JSON body is not read as parameters, as at Kraken; it is still part of what is signed.
  const body = isFormBody(call.headers) ? parseRawParams(call.body, 'body') : { ok: true as const, params: new Map() as RawParams };
  if (!body.ok) return badRequest(now, body.message);
  const params = mergeParams(query.params, body.params);

  let apiKey = 'public';
  if (endpoint.auth === 'private') {
    const verdict = deps.auth.verify({ path, rawQuery, rawBody: call.body, headers: call.headers });
    if (!verdict.ok) return family === 'history' ? historyUnauthorized() : krakenError(now, verdict.error);
    apiKey = verdict.apiKey;
  }

  if (endpoint.rate.pool !== 'none') {
    const cost = endpoint.rate.dynamic ? endpoint.rate.dynamic(params) : endpoint.rate.cost;
    const charged = deps.limiter.charge(apiKey, endpoint.rate.pool, cost, now);
    if (!charged.ok) {
      return endpoint.rate.pool === 'history' ? historyRateLimited(Math.ceil(charged.retryAfterMs / 1000)) : krakenError(now, 'apiLimitExceeded', 429);
    }
  }

  const problem = argumentProblem(endpoint, params, pathParams);
  if (problem !== null) {
    const privateDerivatives = family === 'derivatives' && endpoint.auth === 'private';
    return privateDerivatives ? krakenError(now, problem) : badRequest(now, argumentMessage(endpoint, params, pathParams) ?? undefined);
  }

  const handler = HANDLERS[endpoint.id] ?? (endpoint.aliasOf ? HANDLERS[endpoint.aliasOf] : undefined);
  if (!handler) return krakenError(now, 'Unavailable');
  try {
    deps.exchange.tick.advance(now);
    return handler({ exchange: deps.exchange, endpoint, params: new ParamReader(params, pathParams), now });
  } catch (error) {
    if (error instanceof ArgumentError) {
      return family === 'derivatives' ? krakenError(now, error.code) : badRequest(now, `400 BAD_REQUEST: ${error.code}`);
    }
    deps.log?.(`internal error on ${endpoint.id}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return serverError(now);
  }
}
