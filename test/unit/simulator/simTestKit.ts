import { computeAuthent, NonceSource } from '../../../src/core/signing';
import { KrakenFuturesClient } from '../../../src/core/client';
import { DEFAULT_SEED, startSimulator, type RunningSimulator, type SimulatorOptions } from '../../../src/simulator';
import { buildInstruments, InstrumentRegistry, type InstrumentSpec } from '../../../src/simulator/market/instruments';
import { SyntheticLiquidity } from '../../../src/simulator/market/liquidity';
import { PriceModel } from '../../../src/simulator/market/priceModel';

/** Shared set-up of the simulator tests: a real server on an ephemeral port, a clock the test moves. */

/** 2026-11-27T12:00:00Z; far from any quarterly expiry. */
export const T0 = Date.UTC(2026, 10, 27, 12, 0, 0);

export class TestClock {
  constructor(public now = T0) {}
  readonly read = (): number => this.now;
  advance(ms: number): void {
    this.now += ms;
  }
}

export interface TestSim {
  readonly sim: RunningSimulator;
  readonly clock: TestClock;
  readonly client: KrakenFuturesClient;
  close(): Promise<void>;
}

export async function startTestSim(options: SimulatorOptions = {}): Promise<TestSim> {
  const clock = new TestClock();
  const sim = await startSimulator({ clock: clock.read, tickIntervalMs: 60_000, ...options });
  const client = new KrakenFuturesClient({
    baseUrl: sim.baseUrl, credentials: { apiKey: sim.apiKey, secret: sim.secret }, retry: { limit: 0, backoffMs: 1 },
    nonce: { next: () => nextNonce() },
  });
  return { sim, clock, client, close: () => sim.close() };
}

export interface RawAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  readonly json: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

async function answer(response: Response): Promise<RawAnswer> {
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

export interface SignedOptions {
  readonly nonce?: string | null;
  /** Send parameters in the query (default for GET) or the body (default otherwise). */
  readonly where?: 'query' | 'body';
  readonly authent?: string;
  readonly apiKey?: string;
  readonly headers?: Record<string, string>;
}

/** One nonce source for hand-signed requests and the client, so mixing them never goes backwards. */
const nonces = new NonceSource({ clock: Date.now });

export function nextNonce(): string {
  return nonces.next('tests');
}

/**
 * A request signed by hand with `computeAuthent` over exactly the string sent: the reference way,
 * independent of the client, for the auth and bad-input tests.
 */
export async function signedRequest(sim: RunningSimulator, method: string, path: string, postData = '', o: SignedOptions = {}): Promise<RawAnswer> {
  const where = o.where ?? (method === 'GET' ? 'query' : 'body');
  const nonce = o.nonce === undefined ? nextNonce() : o.nonce;
  const headers: Record<string, string> = {
    APIKey: o.apiKey ?? sim.apiKey,
    Authent: o.authent ?? computeAuthent(sim.secret, postData, nonce ?? '', path),
    ...(where === 'body' ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
    ...o.headers,
  };
  if (nonce !== null) headers.Nonce = nonce;
  const url = sim.baseUrl + path + (where === 'query' && postData !== '' ? `?${postData}` : '');
  return answer(await fetch(url, { method, headers, ...(where === 'body' ? { body: postData } : {}) }));
}

export async function publicRequest(sim: RunningSimulator, method: string, pathAndQuery: string, init: RequestInit = {}): Promise<RawAnswer> {
  return answer(await fetch(sim.baseUrl + pathAndQuery, { method, ...init }));
}

/**
 * The price process is deterministic, so a test can look ahead for the moment something will
 * happen (a stop price crossed, the makers' quotes moving through a resting order) and jump the
 * clock there, instead of waiting.
 */
export class MarketOracle {
  readonly prices: PriceModel;
  readonly liquidity: SyntheticLiquidity;
  readonly instruments: InstrumentRegistry;

  constructor(seed = DEFAULT_SEED, createdAt = T0) {
    this.prices = new PriceModel(seed);
    this.liquidity = new SyntheticLiquidity(seed);
    this.instruments = new InstrumentRegistry(buildInstruments(createdAt));
  }

  spec(symbol: string): InstrumentSpec {
    return this.instruments.find(symbol)!;
  }

  mark(symbol: string, t: number): number {
    return this.prices.mark(this.spec(symbol), t);
  }

  /** Makers' best quote at `t` (before anything the account took). */
  best(symbol: string, side: 'bid' | 'ask', t: number): number {
    const spec = this.spec(symbol);
    return this.liquidity.levels(spec, side, t, this.prices.mark(spec, t))[0].price;
  }

  /** First whole second after `from` (within `withinMs`) at which `predicate` holds. */
  firstTime(from: number, withinMs: number, predicate: (t: number) => boolean): number {
    for (let t = Math.floor(from / 1000) * 1000 + 1000; t <= from + withinMs; t += 1000) if (predicate(t)) return t;
    throw new Error('the price path never got there; pick another threshold');
  }
}
