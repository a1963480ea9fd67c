import type { EndpointSpec, ParamInput } from '../../core/catalog';
import { KrakenFuturesClient, type ApiResponse, type CallOptions, type RawOptions } from '../../core/client';
import { GuardRefusal } from './guardedFetch';

/**
 * The client `Environments.client()` hands out. Identical to the core client, except that a request
 * the guarded fetch refused comes out as that refusal (a `UserFacingError` saying why) rather than
 * as a "network error" whose hint would suggest an order might have been placed: nothing was sent.
 */
export class EnvironmentClient extends KrakenFuturesClient {
  override async call<T = unknown>(endpoint: string | EndpointSpec, params?: ParamInput, options?: CallOptions): Promise<ApiResponse<T>> {
    try {
      return await super.call<T>(endpoint, params, options);
    } catch (error) {
      throw refusalIn(error) ?? error;
    }
  }

  override async raw(method: string, pathOrUrl: string, postData?: string, options?: RawOptions): Promise<ApiResponse<unknown>> {
    try {
      return await super.raw(method, pathOrUrl, postData, options);
    } catch (error) {
      throw refusalIn(error) ?? error;
    }
  }
}

function refusalIn(error: unknown): GuardRefusal | undefined {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth++) {
    if (current instanceof GuardRefusal) return current;
  }
  return undefined;
}
