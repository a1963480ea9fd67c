/** Options of `startSimulator` and what it hands back. */

export interface SimulatorOptions {
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  /** Default 127.0.0.1: the simulator is for this machine only unless told otherwise. */
  readonly host?: string;
  /** Keep state in this directory (journal with fsync); without it, state lives in memory. */
  readonly stateDir?: string;
  /** The one API key accepted. Default: the one stored in `stateDir`, else a random one. */
  readonly apiKey?: string;
  /** Base64 secret of that key. Default: the one stored in `stateDir`, else a random one. */
  readonly secret?: string;
  /** Seed of the price process. Default 20260714; a journal keeps the seed it was created with. */
  readonly seed?: number;
  /** Also accept signatures over form-decoded parameters (the pre-2024 method). Default false. */
  readonly legacySignatures?: boolean;
  /** Epoch milliseconds; inject one to drive time in tests. Default `Date.now`. */
  readonly clock?: () => number;
  /** Receives one line per request and every warning; never a secret. */
  readonly log?: (line: string) => void;
  /** How many out-of-order nonces are tolerated (0 = strictly increasing). Default 16. */
  readonly nonceWindow?: number;
  /** Enforce Kraken's rate budgets. Default true. */
  readonly rateLimits?: boolean;
  /** Larger bodies get HTTP 413. Default 256 KiB. */
  readonly maxBodyBytes?: number;
  /** Default 250 ms. */
  readonly tickIntervalMs?: number;
}

export interface RunningSimulator {
  /** e.g. `http://127.0.0.1:8790`; the Kraken paths follow (`/derivatives/api/v3/...`). */
  readonly baseUrl: string;
  readonly apiKey: string;
  /** For in-process callers (SecretStorage); the CLI never prints it. */
  readonly secret: string;
  /** Where the secret was written, when the simulator wrote it (state directory only). */
  readonly secretFile: string | null;
  readonly port: number;
  readonly host: string;
  close(): Promise<void>;
}

export const DEFAULT_SEED = 20260714;
export const DEFAULT_PORT = 8790;
export const DEFAULT_HOST = '127.0.0.1';
