/**
 * The Kraken Futures HTTP client (pure core: no vscode import). See KrakenFuturesClient.
 */
export { KrakenFuturesClient, type SendOrderRequest, type EditOrderRequest, type OrderRef } from './krakenFuturesClient';
export { KrakenFuturesCaller } from './krakenFuturesCaller';
export { batchOrderParams, type BatchInstruction, type BatchSendInstruction, type BatchEditInstruction, type BatchCancelInstruction } from './batchOrder';
export {
  KrakenFuturesClientError,
  KrakenApiError,
  HttpStatusError,
  RateLimitError,
  TimeoutError,
  NetworkError,
  NotJsonError,
  RequestSetupError,
  ResponseShapeError,
  type ClientErrorKind,
} from './errors';
export { hintForKrakenError } from './errorHints';
export { RETIRED_DEMO_HOST } from './responseClassifier';
export { DEFAULT_RETRY } from './retryPolicy';
export type * from './types';
