import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { startSimulator, type RunningSimulator } from '../../simulator';
import { UserFacingError } from '../shared/userFacingError';

/**
 * The Local environment's server: either the simulator `npm start` already runs (its URL and secret
 * file passed in environment variables) or one started in this process on demand, on loopback with
 * a free port and freshly generated credentials. Stopped on dispose.
 */

export interface LocalServer {
  readonly baseUrl: string;
  readonly apiKey: string;
  readonly secret: string;
  /** `embedded` when this process started it (and stops it), `attached` for a standalone one. */
  readonly origin: 'embedded' | 'attached';
}

export interface LocalSimulatorOptions {
  /** Usually `process.env`; injected by tests. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** One line per simulator request/warning; never contains a secret. */
  readonly log: (line: string) => void;
}

export const SIM_URL_VAR = 'KRAKEN_FUTURES_SIM_URL';
export const SIM_SECRET_FILE_VAR = 'KRAKEN_FUTURES_SIM_SECRET_FILE';
export const SIM_API_KEY_VAR = 'KRAKEN_FUTURES_SIM_API_KEY';
/** The simulator's state directory keeps the key next to the secret (src/simulator/persistence). */
const KEY_FILE_BESIDE_SECRET = 'api-key';

export class LocalSimulator {
  private starting: Promise<LocalServer> | undefined;
  private running: RunningSimulator | undefined;
  private disposed = false;

  constructor(private readonly options: LocalSimulatorOptions) {}

  /** The server once it runs; `undefined` before the first `ensureStarted()`. */
  get current(): Promise<LocalServer> | undefined {
    return this.starting;
  }

  /** Starts (or attaches to) the simulator once; concurrent callers share the same start. */
  ensureStarted(): Promise<LocalServer> {
    if (this.disposed) return Promise.reject(new UserFacingError('The local simulator is shutting down with the extension; try again after reload.'));
    this.starting ??= this.start().catch((error: unknown) => {
      this.starting = undefined; // let the next call try again instead of caching the failure
      throw error;
    });
    return this.starting;
  }

  private async start(): Promise<LocalServer> {
    const attached = this.attachedServer();
    if (attached) return attached;
    let simulator: RunningSimulator;
    try {
      simulator = await startSimulator({ host: '127.0.0.1', port: 0, log: this.options.log });
    } catch (error) {
      throw new UserFacingError(`The local simulator did not start: ${(error as Error).message}`);
    }
    if (this.disposed) {
      await simulator.close();
      throw new UserFacingError('The local simulator was stopped while starting.');
    }
    this.running = simulator;
    this.options.log(`local simulator listening on ${simulator.baseUrl}`);
    return { baseUrl: simulator.baseUrl, apiKey: simulator.apiKey, secret: simulator.secret, origin: 'embedded' };
  }

  /** A standalone simulator announced by `npm start`, or undefined when none was announced. */
  private attachedServer(): LocalServer | undefined {
    const url = this.options.env[SIM_URL_VAR]?.trim();
    const secretFile = this.options.env[SIM_SECRET_FILE_VAR]?.trim();
    if (!url || !secretFile) return undefined;
    const secret = readSmallFile(secretFile, `${SIM_SECRET_FILE_VAR}`);
    const keyFromEnv = this.options.env[SIM_API_KEY_VAR]?.trim();
    const keyFile = join(dirname(secretFile), KEY_FILE_BESIDE_SECRET);
    const apiKey = keyFromEnv || (existsSync(keyFile) ? readSmallFile(keyFile, `the key file beside ${SIM_SECRET_FILE_VAR}`) : '');
    if (!apiKey) {
      throw new UserFacingError(
        `${SIM_URL_VAR} names a running simulator but its API key was not found: set ${SIM_API_KEY_VAR}, or keep the "${KEY_FILE_BESIDE_SECRET}" file next to ${secretFile}.`,
      );
    }
    this.options.log(`attaching to the simulator at ${url} (from ${SIM_URL_VAR})`);
    return { baseUrl: url.replace(/\/+$/, ''), apiKey, secret, origin: 'attached' };
  }

  /** Stops an embedded simulator; an attached one belongs to whoever started it. */
  async dispose(): Promise<void> {
    this.disposed = true;
    // A start in flight sees `disposed` and closes its own server.
    await this.starting?.catch(() => undefined);
    const running = this.running;
    this.running = undefined;
    await running?.close();
  }
}

function readSmallFile(path: string, what: string): string {
  try {
    const text = readFileSync(path, 'utf8').trim();
    if (text === '') throw new Error('the file is empty');
    return text;
  } catch (error) {
    // The message names the file, never its content.
    throw new UserFacingError(`Cannot read ${what} (${path}): ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}. Restart the simulator with "npm start", or unset ${SIM_URL_VAR}.`);
  }
}
