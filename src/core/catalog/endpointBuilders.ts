import type { EndpointSpec, ParamSpec, ParamType, RateCost } from './types';

/**
 * Small constructors that keep the endpoint tables readable: one line per parameter.
 * Nothing here knows about a specific endpoint.
 */

type ParamExtras = Partial<Omit<ParamSpec, 'name' | 'type' | 'doc' | 'required'>>;

export function optional(name: string, type: ParamType, doc: string, extras: ParamExtras = {}): ParamSpec {
  return { name, type, doc, required: false, in: 'params', ...extras };
}

export function required(name: string, type: ParamType, doc: string, extras: ParamExtras = {}): ParamSpec {
  return { name, type, doc, required: true, in: 'params', ...extras };
}

export function oneOf(name: string, values: readonly string[], doc: string, extras: ParamExtras = {}): ParamSpec {
  return optional(name, 'enum', doc, { values, ...extras });
}

export function pathParam(name: string, type: ParamType, doc: string, extras: ParamExtras = {}): ParamSpec {
  return { name, type, doc, required: true, in: 'path', ...extras };
}

export const FREE: RateCost = { pool: 'none', cost: 0 };

export function derivativesCost(cost: number, dynamic?: RateCost['dynamic']): RateCost {
  return dynamic ? { pool: 'derivatives', cost, dynamic } : { pool: 'derivatives', cost };
}

export function historyCost(cost: number, dynamic?: RateCost['dynamic']): RateCost {
  return dynamic ? { pool: 'history', cost, dynamic } : { pool: 'history', cost };
}

/** An endpoint of the `derivatives` family; `family` is filled in here so the tables stay short. */
export function derivativesEndpoint(spec: Omit<EndpointSpec, 'family'>): EndpointSpec {
  return { family: 'derivatives', ...spec };
}

export const DERIVATIVES_V3 = '/derivatives/api/v3';
export const HISTORY_V2 = '/api/history/v2';
export const HISTORY_V3 = '/api/history/v3';
export const CHARTS_V1 = '/api/charts/v1';
