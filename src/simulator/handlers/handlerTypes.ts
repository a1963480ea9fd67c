import type { EndpointSpec } from '../../core/catalog';
import type { SimulatedExchange } from '../exchange';
import type { HttpAnswer } from '../http/envelopes';
import type { ParamReader } from './paramReader';

/** What a handler gets: the exchange, the parsed request and the (injected) time. */
export interface HandlerContext {
  readonly exchange: SimulatedExchange;
  readonly endpoint: EndpointSpec;
  readonly params: ParamReader;
  readonly now: number;
}

/** Handlers are synchronous: a request's decisions and state changes happen in one turn. */
export type Handler = (ctx: HandlerContext) => HttpAnswer;
