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
  /** Longest accepted value, in characters (e.g. `cliOrdId` ≤ 100). */
  readonly maxLength?: number;
  /** May be repeated (`orderIds=a&orderIds=b`). */
  readonly repeated?: boolean;
  /** One line a person can read in a hover. */
  readonly doc: string;
  /** Where the parameter goes: in the path template (`{symbol}`) or in the parameter string. */
  readonly in?: 'path' | 'params';
  /**
   * Conditionally required: the parameter must be present when `param` has one of `values`
   * (e.g. sendorder `limitPrice` when `orderType` is `lmt`). Checked by `validateParams`.
   */
  readonly requiredWhen?: { readonly param: string; readonly values: readonly string[] };
}

/** Which rate-limit pool an endpoint draws from, and how much one call costs. */
export interface RateCost {
  readonly pool: 'derivatives' | 'history' | 'none';
  /** Fixed cost of a call. */
  readonly cost: number;
  /**
   * Optional cost that depends on the parameters (e.g. batchorder = 9 + instructions).
   * The map holds DECODED values, keyed by parameter name (see `paramMapOf`).
   */
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
  /** Groups of parameters of which at least one must be given (e.g. `order_id` or `cliOrdId`). */
  readonly requiresOneOf?: readonly (readonly string[])[];
  readonly rate: RateCost;
  readonly summary: string;
  /** zod schema of a successful response body, when one is modelled. */
  readonly response?: z.ZodType;
  /**
   * Set when this entry is the same endpoint served under another path version
   * (history v2 next to v3): the id of the primary entry. Lists shown to people can skip aliases;
   * route tables must not.
   */
  readonly aliasOf?: string;
  /** What the response body is when it is not JSON (e.g. `text/csv` for accountlogcsv). */
  readonly responseFormat?: 'json' | 'csv';
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
