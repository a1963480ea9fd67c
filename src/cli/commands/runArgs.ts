import { parseArgs } from 'node:util';
import { UsageError } from '../io';

/**
 * The options of `kfreq run`. Parsed here rather than with io's parseCommandArgs because `run`
 * takes positionals (the files); the same care applies: a typed value is never repeated in an
 * error, since a secret pasted in the wrong place must not end up in a CI log.
 */

export const RUN_OPTIONS = {
  env: { type: 'string' },
  'base-url': { type: 'string' },
  live: { type: 'boolean' },
  environments: { type: 'string' },
  name: { type: 'string', multiple: true },
  json: { type: 'boolean' },
  junit: { type: 'string' },
  'allow-live': { type: 'boolean' },
  'max-notional': { type: 'string' },
  verbose: { type: 'boolean' },
  'secret-file': { type: 'string' },
  'api-key-file': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export interface RunArgs {
  readonly files: readonly string[];
  readonly envName: string | undefined;
  readonly baseUrl: string | undefined;
  /** `--live`: treat the chosen environment as live whatever its definition says. */
  readonly live: boolean;
  readonly environmentsFile: string | undefined;
  readonly names: readonly string[];
  readonly json: boolean;
  readonly junit: string | undefined;
  readonly allowLive: boolean;
  readonly maxNotional: number | undefined;
  readonly verbose: boolean;
  readonly secretFile: string | undefined;
  readonly apiKeyFile: string | undefined;
  readonly help: boolean;
}

const SECRET_OPTION = /^--?(api-?)?secret(=.*)?$/i;
const KEY_OPTION = /^--?api-?key(=.*)?$/i;
const PLAIN_OPTION = /^--?[A-Za-z][A-Za-z0-9-]{0,30}$/;
const NOTIONAL = /^\d+(\.\d+)?$/;

function refuseCredentialArguments(args: readonly string[]): void {
  const before = args.indexOf('--');
  const options = before === -1 ? args : args.slice(0, before);
  if (options.some((a) => SECRET_OPTION.test(a))) {
    throw new UsageError(
      'the secret is never accepted as an argument: arguments are visible to other users in the process list and are kept in shell history. Set KRAKEN_FUTURES_API_SECRET or pass --secret-file <path> instead.',
    );
  }
  if (options.some((a) => KEY_OPTION.test(a))) {
    throw new UsageError('credentials are not taken from arguments: set KRAKEN_FUTURES_API_KEY or pass --api-key-file <path> instead.');
  }
}

function parse(args: readonly string[]) {
  try {
    return parseArgs({ args: [...args], options: RUN_OPTIONS, strict: true, allowPositionals: true });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      const token = args.find((a) => a.startsWith('-') && a !== '-' && !(a.replace(/^--?/, '').split('=')[0] in RUN_OPTIONS) && a !== '-h');
      const name = token?.split('=')[0];
      const shown = name && PLAIN_OPTION.test(name) ? `'${name}'` : '(not shown)';
      throw new UsageError(`unknown option ${shown}; see 'kfreq run --help'.`);
    }
    // Node's remaining messages (missing value, value given to a flag) name only the option.
    throw new UsageError(`${(error as Error).message.split('\n')[0]}; see 'kfreq run --help'.`);
  }
}

function readMaxNotional(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const text = raw.trim().replace(/_/g, '');
  const value = Number(text);
  if (!NOTIONAL.test(text) || !Number.isFinite(value) || value <= 0) {
    const shown = /^[\w.,+-]{1,24}$/.test(raw) ? ` (got '${raw}')` : '';
    throw new UsageError(`--max-notional must be a positive number in the contract's quote currency (USD for USD-quoted contracts), e.g. --max-notional 500${shown}.`);
  }
  return value;
}

function nonEmpty(option: string, value: string | undefined, example: string): string | undefined {
  if (value !== undefined && value.trim() === '') throw new UsageError(`${option} needs a value, e.g. ${option} ${example}.`);
  return value;
}

export function readRunArgs(args: readonly string[]): RunArgs {
  refuseCredentialArguments(args);
  const { values, positionals } = parse(args);
  return {
    files: positionals,
    envName: nonEmpty('--env', values.env, 'local'),
    baseUrl: nonEmpty('--base-url', values['base-url'], 'http://127.0.0.1:8790'),
    live: values.live === true,
    environmentsFile: nonEmpty('--environments', values.environments, 'kfreq.environments.json'),
    names: values.name ?? [],
    json: values.json === true,
    junit: nonEmpty('--junit', values.junit, 'reports/kfreq.xml'),
    allowLive: values['allow-live'] === true,
    maxNotional: readMaxNotional(values['max-notional']),
    verbose: values.verbose === true,
    secretFile: nonEmpty('--secret-file', values['secret-file'], '~/.kraken/secret'),
    apiKeyFile: nonEmpty('--api-key-file', values['api-key-file'], '~/.kraken/key'),
    help: values.help === true,
  };
}
