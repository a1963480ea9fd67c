import type { ResolvedRequest } from './resolver';
import type { SendFunction, SendResponse } from './runner';

/**
 * The `send` the extension and the CLI hand to `runRequests`: the client's `raw()` with the
 * parameter string exactly as resolved. Typed structurally so this core does not depend on the
 * client's internals (`KrakenFuturesClient` satisfies `RawCaller`).
 */

export interface RawCaller<R extends SendResponse> {
  raw(method: string, pathOrUrl: string, postData: string, options: { sign?: boolean; signal?: AbortSignal; skipParamValidation?: boolean }): Promise<R>;
}

/** Where and what to send: a query written on the request line stays in the URL, even for POST. */
export function wireTarget(request: ResolvedRequest): { pathOrUrl: string; postData: string } {
  const base = request.url ?? request.path;
  if (request.paramsInUrl && request.postData !== '') return { pathOrUrl: `${base}?${request.postData}`, postData: '' };
  return { pathOrUrl: base, postData: request.postData };
}

export function sendWithClient<R extends SendResponse>(client: RawCaller<R>): SendFunction<R> {
  return (request, signal) => {
    const { pathOrUrl, postData } = wireTarget(request);
    // The file's own diagnostics already showed parameter problems; the point of a request file is to see Kraken's answer.
    return client.raw(request.method, pathOrUrl, postData, { sign: request.sign, skipParamValidation: true, ...(signal ? { signal } : {}) });
  };
}
