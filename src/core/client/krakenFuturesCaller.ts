import {
  buildParamString,
  endpointById,
  fillTemplate,
  findEndpoint,
  paramPairs,
  templateNames,
  validateParams,
  type EndpointSpec,
  type HttpMethod,
  type ParamInput,
} from '../catalog';
import { NonceSource, validateApiKey, validateSecret } from '../signing';
import { RequestSetupError } from './errors';
import { KyTransport } from './kyTransport';
import { executeRequest, type ExecutorContext, type PreparedRequest } from './requestExecutor';
import { DEFAULT_RETRY } from './retryPolicy';
import type { ApiResponse, CallOptions, ClientOptions, Credentials, RawOptions } from './types';

/**
 * The generic part of the client: builds the parameter string once, sends exactly that string and signs
 * exactly that string. `call()` goes through the catalog and throws typed errors; `raw()` sends
 * what a `.kfreq` file spelled out and returns every answer for display.
 */

const METHODS: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'DELETE'];
const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_USER_AGENT = 'kraken-futures-workbench/0.1';

function checkedBaseUrl(baseUrl: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new RequestSetupError(`The base URL "${baseUrl}" is not a URL.`, 'Use e.g. https://futures.kraken.com or http://127.0.0.1:8787.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new RequestSetupError(`The base URL must use http or https, not ${url.protocol}`, 'Use e.g. https://futures.kraken.com.');
  }
  if (/\/(derivatives|api)(\/|$)/.test(url.pathname) || url.search || url.hash) {
    throw new RequestSetupError(`The base URL "${baseUrl}" must be the host only: endpoint paths are added by the client.`, `Use ${url.origin}.`);
  }
  return url.origin + url.pathname.replace(/\/+$/, '');
}

function checkedCredentials(credentials: Credentials | undefined): Credentials | undefined {
  if (!credentials) return undefined;
  const problems = [
    ...validateApiKey(credentials.apiKey).problems.map((p) => ({ ...p, what: 'API key' })),
    ...validateSecret(credentials.secret, { apiKey: credentials.apiKey }).problems.map((p) => ({ ...p, what: 'API secret' })),
  ].filter((p) => p.severity === 'error');
  if (problems.length > 0) {
    throw new RequestSetupError(`The credentials cannot sign requests: ${problems.map((p) => `${p.what}: ${p.message}`).join(' ')}`, 'Copy the key pair again from Kraken Futures → Settings → API keys.');
  }
  return credentials;
}

function splitQuery(url: string): [string, string] {
  const at = url.indexOf('?');
  return at < 0 ? [url, ''] : [url.slice(0, at), url.slice(at + 1)];
}

export class KrakenFuturesCaller {
  readonly baseUrl: string;
  private readonly credentials: Credentials | undefined;
  private readonly context: ExecutorContext;

  constructor(options: ClientOptions) {
    this.baseUrl = checkedBaseUrl(options.baseUrl);
    this.credentials = checkedCredentials(options.credentials);
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.context = {
      transport: new KyTransport(options.fetch ?? globalThis.fetch.bind(globalThis), timeoutMs),
      credentials: this.credentials,
      nonce: options.nonce === undefined ? new NonceSource({ clock: Date.now }) : options.nonce,
      retry: { ...DEFAULT_RETRY, ...options.retry },
      userAgent: options.userAgent ?? DEFAULT_USER_AGENT,
      onTrace: options.onTrace,
      sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    };
  }

  get hasCredentials(): boolean {
    return this.credentials !== undefined;
  }

  /**
   * Calls a catalog endpoint by id (`'sendorder'`) or spec. Path parameters (`{symbol}`) are taken
   * from `params` by name. Throws `RequestSetupError` before sending when parameters are invalid,
   * and the typed error of the answer (`KrakenApiError`, `RateLimitError`, ...) after.
   */
  async call<T = unknown>(endpoint: string | EndpointSpec, params: ParamInput = {}, options: CallOptions = {}): Promise<ApiResponse<T>> {
    const spec = typeof endpoint === 'string' ? this.endpoint(endpoint) : endpoint;
    const pairs = paramPairs(params);
    if (!options.skipParamValidation) {
      const errors = validateParams(spec, pairs).filter((p) => p.severity === 'error');
      if (errors.length > 0) {
        throw new RequestSetupError(`Invalid parameters for ${spec.id}: ${errors.map((p) => p.message).join(' ')}`, undefined, errors);
      }
    }
    if (spec.auth === 'private' && !this.credentials) {
      throw new RequestSetupError(`${spec.id} is a private endpoint and no API credentials are configured.`, 'Add a Futures API key and secret for this environment.');
    }
    const pathNames = new Set(templateNames(spec.path));
    const pathValues: Record<string, string> = {};
    const queryPairs = pairs.filter(([name, value]) => (pathNames.has(name) ? ((pathValues[name] = value), false) : true));
    let path: string;
    try {
      path = fillTemplate(spec.path, pathValues);
    } catch (error) {
      throw new RequestSetupError((error as Error).message);
    }
    const prepared = this.prepare(spec.method, this.baseUrl + path, buildParamString(queryPairs), {
      endpoint: spec,
      signed: spec.auth === 'private',
      mutating: spec.mutating,
    });
    const answer = await executeRequest(prepared, this.context, options);
    if (answer.problem) throw answer.problem;
    return answer as ApiResponse<T>;
  }

  /**
   * Sends an already-built parameter string exactly (query for GET/DELETE, form body for POST/PUT).
   * `pathOrUrl` is a path on the base URL or a full URL; a query already in it counts as the
   * parameter string. Error answers are returned with `problem` set, not thrown; only a missing
   * answer (timeout, network) throws.
   */
  async raw(method: string, pathOrUrl: string, postData = '', options: RawOptions = {}): Promise<ApiResponse<unknown>> {
    const verb = method.toUpperCase() as HttpMethod;
    if (!METHODS.includes(verb)) throw new RequestSetupError(`Unsupported method "${method}".`, `Use one of ${METHODS.join(', ')}.`);
    const absolute = /^https?:\/\//i.test(pathOrUrl);
    if (!absolute && !pathOrUrl.startsWith('/')) {
      throw new RequestSetupError(`"${pathOrUrl}" is neither a path (starting with /) nor an http(s) URL.`);
    }
    const [target, query] = splitQuery(absolute ? pathOrUrl : this.baseUrl + pathOrUrl);
    if (query !== '' && postData !== '' && query !== postData) {
      throw new RequestSetupError('Parameters are given both in the URL query and separately.', 'Put all parameters in one place: Kraken signs one parameter string (reference §2.4).');
    }
    const match = findEndpoint(verb, target);
    const signed = options.sign ?? (match ? match.endpoint.auth === 'private' : this.credentials !== undefined);
    if (signed && !this.credentials) {
      throw new RequestSetupError('This request must be signed and no API credentials are configured.', 'Add a Futures API key and secret for this environment.');
    }
    const prepared = this.prepare(verb, target, postData || query, {
      endpoint: match?.endpoint,
      signed,
      mutating: match ? match.endpoint.mutating : verb !== 'GET',
      queryInUrl: query !== '',
    });
    return executeRequest(prepared, this.context, options);
  }

  endpoint(id: string): EndpointSpec {
    const spec = endpointById(id);
    if (!spec) throw new RequestSetupError(`Unknown endpoint id "${id}".`, 'See allEndpoints() in src/core/catalog for the ids.');
    return spec;
  }

  private prepare(
    method: HttpMethod,
    target: string,
    postData: string,
    how: { endpoint?: EndpointSpec; signed: boolean; mutating: boolean; queryInUrl?: boolean },
  ): PreparedRequest {
    const inQuery = method === 'GET' || method === 'DELETE' || how.queryInUrl === true;
    let url = inQuery && postData !== '' ? `${target}?${postData}` : target;
    // The URL parser re-encodes a few characters (space, ", ', <, >) in a query. Sign what it will
    // actually send, so a hand-written string still verifies; buildParamString output is unchanged.
    if (!URL.canParse(url)) throw new RequestSetupError(`"${target}" is not a valid URL.`);
    const sentQuery = inQuery && postData !== '' ? new URL(url).search.slice(1) : postData;
    if (inQuery) url = sentQuery !== '' ? `${target}?${sentQuery}` : target;
    return {
      method,
      url,
      postData: sentQuery,
      body: inQuery ? undefined : postData,
      endpoint: how.endpoint,
      signed: how.signed,
      mutating: how.mutating,
    };
  }
}
