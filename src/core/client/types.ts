import type { EndpointSpec, HttpMethod } from '../catalog';
import type { SignatureStep } from '../signing';
import type { KrakenFuturesClientError } from './errors';

export interface Credentials {
  readonly apiKey: string;
  /** The base64 API secret. Only ever handed to the signer; never stored in a response or trace. */
  readonly secret: string;
}

/** Anything that hands out increasing nonces per key (e.g. `NonceSource` from the signing core). */
export interface NonceProvider {
  next(apiKey: string): string;
}

export interface RetryOptions {
  /** Extra attempts after the first one (reads only; mutating calls are never retried). */
  readonly limit: number;
  /** First backoff; doubles on every further attempt. */
  readonly backoffMs: number;
  /** A rate-limit reset further away than this is reported instead of waited for. Default 10 000 ms. */
  readonly maxWaitMs?: number;
}

export interface ClientOptions {
  /** Host (and optional proxy prefix) only, e.g. `https://futures.kraken.com` or `http://127.0.0.1:8787`. */
  readonly baseUrl: string;
  readonly credentials?: Credentials;
  /** Nonce source; `false` sends no nonce (ccxt style). Default: a `NonceSource` on the wall clock. */
  readonly nonce?: NonceProvider | false;
  /** The transport; tests inject one that inspects the `Request` and answers a `Response`. */
  readonly fetch?: typeof fetch;
  /** Per attempt. Default 10 000 ms. */
  readonly timeoutMs?: number;
  /** Default `{ limit: 2, backoffMs: 250 }`. */
  readonly retry?: RetryOptions;
  readonly userAgent?: string;
  /** Called once per attempt, e.g. to log requests in an output channel. */
  readonly onTrace?: (trace: AttemptTrace) => void;
  /** Waits between retries; injected by tests so they never sleep for real. */
  readonly sleep?: (ms: number) => Promise<void>;
}

/** The request as it went over the wire, safe to show: the APIKey header is a fingerprint. */
export interface WireRequest {
  readonly method: HttpMethod;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  /** The form body for POST/PUT, undefined for GET/DELETE. */
  readonly body?: string;
  /** The parameter string that was signed: the query for GET/DELETE, the body for POST/PUT. */
  readonly postData: string;
}

/** How the Authent header was computed, step by step; contains no secret and no raw API key. */
export interface SignatureTrace {
  readonly apiKeyFingerprint: string;
  readonly nonce: string;
  readonly endpointPath: string;
  readonly postData: string;
  readonly message: string;
  readonly sha256Hex: string;
  readonly authent: string;
  readonly steps: readonly SignatureStep[];
}

export interface ResponseTiming {
  /** Wall-clock start of the first attempt (epoch ms). */
  readonly startedAt: number;
  /** From the first attempt's start to the final answer, including retry waits. */
  readonly durationMs: number;
  readonly attempts: number;
}

export interface SchemaValidation {
  readonly ok: boolean;
  /** `path: message` lines, empty when ok. */
  readonly problems: readonly string[];
}

export interface ApiResponse<T = unknown> {
  /** The catalog entry, when the request matched one. */
  readonly endpoint?: EndpointSpec;
  readonly request: WireRequest;
  readonly signature?: SignatureTrace;
  readonly status: number;
  readonly statusText: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly timing: ResponseTiming;
  readonly rawText: string;
  /** The parsed body, when it is JSON. */
  readonly json?: unknown;
  /** The schema-validated body: set only on success when the endpoint has a schema and it matched. */
  readonly data?: T;
  /** Present when a schema was applied to a success answer; problems are kept, not thrown away. */
  readonly validation?: SchemaValidation;
  /** What went wrong, if anything. `call()` throws it; `raw()` leaves it here for display. */
  readonly problem?: KrakenFuturesClientError;
}

export interface AttemptTrace {
  readonly attempt: number;
  readonly request: WireRequest;
  readonly signature?: SignatureTrace;
  readonly status?: number;
  readonly durationMs: number;
  readonly outcome: 'ok' | 'retry' | 'failed';
  readonly problem?: string;
}

export interface CallOptions {
  readonly signal?: AbortSignal;
  /** Use this nonce instead of the next one from the nonce source (reproducing a test vector). */
  readonly nonce?: string;
  /** Send even when `validateParams` reports errors (to see what Kraken answers). */
  readonly skipParamValidation?: boolean;
}

export interface RawOptions extends CallOptions {
  /** Sign or not; default: as the matching catalog entry says, else sign when credentials exist. */
  readonly sign?: boolean;
}
