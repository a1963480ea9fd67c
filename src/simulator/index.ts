import { randomUUID } from 'node:crypto';
import { allEndpoints } from '../core/catalog';
import { validateSecret } from '../core/signing';
import { SimulatedExchange } from './exchange';
import { Authenticator } from './http/authenticator';
import { RateLimiter } from './http/rateLimiter';
import { RouteTable } from './http/routeTable';
import { FileJournal, MemoryJournal, type EventJournal } from './persistence/journal';
import { openState } from './persistence/stateStore';
import { generateApiKey, generateSecret, StateDirectory } from './persistence/stateDirectory';
import { SimulatorServer } from './server';
import { DEFAULT_HOST, DEFAULT_SEED, type RunningSimulator, type SimulatorOptions } from './options';

/**
 * The local Kraken Futures simulator: `startSimulator()` serves the Derivatives REST v3, history
 * and charts APIs on loopback, with one funded paper-trading account. Used by the extension (its
 * default environment), the tests, and the `kraken-futures-sim` CLI.
 */

export type { RunningSimulator, SimulatorOptions } from './options';
export { DEFAULT_PORT, DEFAULT_HOST, DEFAULT_SEED } from './options';

function checkedSecret(secret: string): string {
  const check = validateSecret(secret);
  if (!check.ok) {
    const reasons = check.problems.filter((p) => p.severity === 'error').map((p) => p.message).join(' ');
    throw new Error(`The simulator's API secret is not usable: ${reasons}`);
  }
  return secret;
}

interface Setup {
  readonly journal: EventJournal;
  readonly exchange: SimulatedExchange;
  readonly apiKey: string;
  readonly secret: string;
  readonly secretFile: string | null;
  /** The key's highest nonce accepted in an earlier run (state directories only). */
  readonly nonceFloor?: string;
  readonly release: () => void;
}

async function withState(opts: SimulatorOptions, clock: () => number, dir: StateDirectory): Promise<Setup> {
  dir.lock();
  try {
    const apiKey = dir.apiKey(opts.apiKey);
    const { secret, file } = dir.secret(opts.secret);
    checkedSecret(secret);
    let journal: FileJournal | null = null;
    const now = clock();
    const opened = openState(dir, { seed: opts.seed ?? DEFAULT_SEED, now, record: (e) => (journal as FileJournal).record(e) });
    if (!opened.fresh && opts.seed !== undefined && opts.seed !== opened.header.seed) {
      opts.log?.(`warning: ${dir.path} was created with seed ${opened.header.seed}; keeping it (ignoring --seed ${opts.seed}).`);
    }
    journal = await FileJournal.openForAppend(dir.journalPath);
    const exchange = opened.exchange;
    if (opened.fresh) exchange.openAccount(now);
    await journal.barrier();
    const nonceFloor = opened.nonces[apiKey];
    return { journal, exchange, apiKey, secret, secretFile: file, ...(nonceFloor !== undefined ? { nonceFloor } : {}), release: () => dir.unlock() };
  } catch (error) {
    dir.unlock();
    throw error;
  }
}

function inMemory(opts: SimulatorOptions, clock: () => number): Setup {
  const secret = checkedSecret(opts.secret ?? generateSecret());
  const journal = new MemoryJournal();
  const exchange = new SimulatedExchange({ seed: opts.seed ?? DEFAULT_SEED, createdAt: clock(), accountUid: randomUUID() }, () => undefined);
  exchange.openAccount(clock());
  return { journal, exchange, apiKey: opts.apiKey ?? generateApiKey(), secret, secretFile: null, release: () => undefined };
}

export async function startSimulator(opts: SimulatorOptions = {}): Promise<RunningSimulator> {
  const clock = opts.clock ?? Date.now;
  const setup = opts.stateDir !== undefined ? await withState(opts, clock, new StateDirectory(opts.stateDir)) : inMemory(opts, clock);
  const server = new SimulatorServer({
    exchange: setup.exchange,
    routes: new RouteTable(allEndpoints()),
    auth: new Authenticator({
      apiKey: setup.apiKey, secret: setup.secret, legacySignatures: opts.legacySignatures ?? false, nonceWindow: opts.nonceWindow ?? 16,
      ...(setup.nonceFloor !== undefined ? { nonceFloor: setup.nonceFloor } : {}),
      onNonceAccepted: (apiKey, nonce) => setup.journal.recordNonce(apiKey, nonce),
    }),
    limiter: new RateLimiter(opts.rateLimits ?? true),
    journal: setup.journal,
    clock,
    maxBodyBytes: opts.maxBodyBytes ?? 256 * 1024,
    tickIntervalMs: opts.tickIntervalMs ?? 250,
    ...(opts.log ? { log: opts.log } : {}),
  });
  let address: { port: number; host: string };
  try {
    address = await server.listen(opts.port ?? 0, opts.host ?? DEFAULT_HOST);
  } catch (error) {
    await server.close();
    await setup.journal.close();
    setup.release();
    throw error;
  }
  const urlHost = address.host.includes(':') ? `[${address.host}]` : address.host;
  let closed: Promise<void> | null = null;
  return {
    baseUrl: `http://${urlHost}:${address.port}`,
    apiKey: setup.apiKey,
    secret: setup.secret,
    secretFile: setup.secretFile,
    port: address.port,
    host: address.host,
    close: () => {
      closed ??= (async () => {
        await server.close();
        await setup.journal.close();
        setup.release();
      })();
      return closed;
    },
  };
}
