import type { z } from 'zod';

/**
 * The endpoint catalog is the single description of every REST endpoint the product knows.
 * The client, the `.kfreq` completion and diagnostics, and the simulator's route table all read it.
 *
 * It is organised by API family because the Derivatives REST API is due to be shut down on
 * 1 March 2027; a second family (for example the Unified API) is added as another `ApiFamily`
 * without touching the transport or the signer.
 */

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export type ParamType = 'string' | 'number' | 'integer' | 'boolean' | 'enum' | 'timestamp' | 'uuid' | 'json' | 'symbol';

export interface ParamSpec {
  readonly name: string;
  readonly type: ParamType;
  readonly required: boolean;
  /** Allowed values when `type` is `enum` (also used for completion). */
  readonly values?: readonly string[];
  /** May be repeated (`orderIds=a&orderIds=b`). */
  readonly repeated?: boolean;
  /** One line a person can read in a hover. */
  readonly doc: string;
  /** Where the parameter goes: in the path template (`{symbol}`) or in the parameter string. */
  readonly in?: 'path' | 'params';
}

/** Which rate-limit pool an endpoint draws from, and how much one call costs. */
export interface RateCost {
  readonly pool: 'derivatives' | 'history' | 'none';
  /** Fixed cost of a call. */
  readonly cost: number;
  /** Optional cost that depends on the parameters (e.g. batchorder = 9 + instructions). */
  readonly dynamic?: (params: ReadonlyMap<string, readonly string[]>) => number;
}

export interface EndpointSpec {
  /** Stable identifier, e.g. `sendorder`, `history.executions`, `charts.candles`. */
  readonly id: string;
  readonly family: string;
  readonly method: HttpMethod;
  /** Full request path as sent to the host, with `{param}` placeholders, e.g. `/derivatives/api/v3/tickers/{symbol}`. */
  readonly path: string;
  /** Public endpoints are not signed. */
  readonly auth: 'public' | 'private';
  /** True when the call changes state (orders, transfers, preferences): the live guard applies and it is never retried. */
  readonly mutating: boolean;
  readonly params: readonly ParamSpec[];
  readonly rate: RateCost;
  readonly summary: string;
  /** zod schema of a successful response body, when one is modelled. */
  readonly response?: z.ZodType;
}

export interface ApiFamily {
  readonly id: string;
  readonly title: string;
  /** Shown to users; e.g. the announced shutdown of the Derivatives REST API. */
  readonly lifecycleNote?: string;
  readonly endpoints: readonly EndpointSpec[];
}

export interface EndpointMatch {
  readonly endpoint: EndpointSpec;
  /** Values taken from the path, e.g. `{ symbol: 'PF_XBTUSD' }`. */
  readonly pathParams: Readonly<Record<string, string>>;
}
