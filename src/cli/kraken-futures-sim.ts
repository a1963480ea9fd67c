import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_HOST, DEFAULT_PORT, startSimulator, type SimulatorOptions } from '../simulator';
import { generateSecret, writeSecretFile } from '../simulator/persistence/stateDirectory';

/**
 * `kraken-futures-sim`: the local Kraken Futures simulator as a command. Prints where it listens,
 * the API key it accepts and where the secret is (never the secret itself).
 */

const USAGE = `Usage: kraken-futures-sim [options]

  --port N              port to listen on (default ${DEFAULT_PORT}; 0 picks a free one)
  --host HOST           address to bind (default ${DEFAULT_HOST}, loopback only)
  --state DIR           keep orders, fills and balances in DIR (fsynced journal); default: memory
  --api-key KEY         the API key to accept (default: stored in DIR, else random)
  --seed N              seed of the simulated price process (default 20260714)
  --legacy-signatures   also accept pre-2024 signatures over decoded parameters
  --nonce-window N      out-of-order nonces tolerated (default 16; 0 = strictly increasing)
  --no-rate-limits      do not enforce Kraken's rate budgets
  --verbose             log every request to stderr
  --help                show this help

The secret comes from KRAKEN_FUTURES_SIM_SECRET when set; otherwise it is generated and written
to a file readable only by you (in DIR with --state, else in a new temporary directory).`;

class UsageError extends Error {}

interface CliArgs {
  readonly options: SimulatorOptions;
  readonly verbose: boolean;
  readonly help: boolean;
}

function integer(flag: string, text: string | undefined, min: number, max: number): number {
  if (text === undefined || !/^\d+$/.test(text) || Number(text) < min || Number(text) > max) {
    throw new UsageError(`${flag} needs a whole number between ${min} and ${max}.`);
  }
  return Number(text);
}

export function parseArgs(argv: readonly string[]): CliArgs {
  const options: Record<string, unknown> = { port: DEFAULT_PORT };
  let verbose = false;
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = (): string => {
      const next = argv[++i];
      if (next === undefined || next.startsWith('--')) throw new UsageError(`${flag} needs a value.`);
      return next;
    };
    switch (flag) {
      case '--port': options.port = integer(flag, value(), 0, 65535); break;
      case '--host': options.host = value(); break;
      case '--state': options.stateDir = value(); break;
      case '--api-key': options.apiKey = value(); break;
      case '--seed': options.seed = integer(flag, value(), 0, 2 ** 31 - 1); break;
      case '--nonce-window': options.nonceWindow = integer(flag, value(), 0, 10_000); break;
      case '--legacy-signatures': options.legacySignatures = true; break;
      case '--no-rate-limits': options.rateLimits = false; break;
      case '--verbose': verbose = true; break;
      case '--help': case '-h': help = true; break;
      default: throw new UsageError(`Unknown option ${flag}.`);
    }
  }
  return { options: options as SimulatorOptions, verbose, help };
}

async function main(): Promise<void> {
  let args: CliArgs;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n\n${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  if (args.help) {
    process.stdout.write(USAGE + '\n');
    return;
  }
  const log = (line: string) => process.stderr.write(line + '\n');
  const options: SimulatorOptions = { ...args.options, log: args.verbose ? log : (line) => { if (line.startsWith('warning') || line.includes('error')) log(line); } };
  const fromEnv = process.env.KRAKEN_FUTURES_SIM_SECRET?.trim();
  let secretNote: string;
  let secret: string | undefined = fromEnv || undefined;
  /** A temporary secret directory this run created; removed on a clean stop, since the secret dies with the run. */
  let tempSecretDir: string | null = null;
  if (secret) {
    secretNote = 'api secret: taken from KRAKEN_FUTURES_SIM_SECRET';
  } else if (options.stateDir === undefined) {
    secret = generateSecret();
    tempSecretDir = mkdtempSync(join(tmpdir(), 'kraken-futures-sim-'));
    const file = join(tempSecretDir, 'api-secret');
    writeSecretFile(file, secret);
    secretNote = `api secret written to ${file} (mode 0600)`;
  } else {
    secretNote = '';
  }

  let sim: Awaited<ReturnType<typeof startSimulator>>;
  try {
    sim = await startSimulator({ ...options, ...(secret !== undefined ? { secret } : {}) });
  } catch (error) {
    if (tempSecretDir) rmSync(tempSecretDir, { recursive: true, force: true });
    throw error;
  }
  if (!secretNote) secretNote = `api secret written to ${sim.secretFile} (mode 0600)`;
  // Handlers first: whoever reads 'listening on' may signal at once (tests, npm start's Ctrl-C).
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) process.exit(130);
    stopping = true;
    log(`${signal}: stopping`);
    sim.close().then(() => {
      if (tempSecretDir) rmSync(tempSecretDir, { recursive: true, force: true });
      process.exit(0);
    }, (error: Error) => {
      log(`error while stopping: ${error.message}`);
      process.exit(1);
    });
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.stdout.write([
    `listening on ${sim.baseUrl}`,
    `api key: ${sim.apiKey}`,
    secretNote,
    options.stateDir !== undefined ? `state: ${options.stateDir} (journal, fsynced before every answer)` : 'state: in memory (lost on exit; use --state DIR to keep it)',
    '',
  ].join('\n'));
  if (!['127.0.0.1', '::1', 'localhost'].includes(sim.host)) {
    log(`warning: listening on ${sim.host}, reachable from other machines; anyone who has the key and secret can trade on this simulator.`);
  }

}

main().catch((error: Error & { code?: string }) => {
  const message = error.code === 'EADDRINUSE' ? `${error.message}: the port is taken; choose another with --port (0 picks a free one).` : error.message;
  process.stderr.write(`kraken-futures-sim: ${message}\n`);
  process.exit(1);
});
