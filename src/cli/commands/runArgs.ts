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
  var: { type: 'string', multiple: true },
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
  /**
   * `--var name=value`: `{{name}}` values for the run. They play the part of the editor's
   * environment variables, so a file variable of the same name wins (as in REST Client).
   */
  readonly variables: Readonly<Record<string, string>>;
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

/** The `{{name}}` a --var can define: what the parser accepts after '@' (no '$', '.' or blanks). */
const VARIABLE_NAME = /^[A-Za-z_][\w-]*$/;

function readVariables(raw: readonly string[]): Record<string, string> {
  const variables: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const item of raw) {
    const eq = item.indexOf('=');
    const name = eq === -1 ? item : item.slice(0, eq);
    // The value may be anything (even a secret by mistake): messages show only a plain name.
    const shown = /^[\w.$-]{1,40}$/.test(name) ? ` '${name}'` : '';
    if (eq === -1) throw new UsageError(`--var${shown} needs a value: write --var name=value, e.g. --var symbol=PF_XBTUSD.`);
    if (!VARIABLE_NAME.test(name)) {
      throw new UsageError(`--var${shown}: the name must be an identifier (a letter or '_', then letters, digits, '_' or '-'), as used in {{name}}; e.g. --var symbol=PF_XBTUSD.`);
    }
    if (name in variables) throw new UsageError(`--var '${name}' is given twice; give each variable once.`);
    variables[name] = item.slice(eq + 1);
  }
  return variables;
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
    variables: readVariables(values.var ?? []),
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
