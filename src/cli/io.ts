import { readFileSync, statSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';

/**
 * What every `kfreq` subcommand shares: the outside world it may touch (injected, so a command can
 * run in-process in a test), the command contract, exit codes, and argument parsing that never
 * echoes a value the user typed (it might be a secret pasted in the wrong place).
 */

export const EXIT_OK = 0;
/** The command ran but the answer is "no" (e.g. the doctor found a wrong signature). */
export const EXIT_FAILURE = 1;
/** Bad usage or input: nothing was done. */
export const EXIT_USAGE = 2;

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly readFile: (path: string) => string;
  /** Permission bits of a file (for warning about readable secret files). */
  readonly fileMode: (path: string) => number;
  readonly now: () => number;
}

export function nodeIo(): CliIo {
  // `kfreq run --json | head -1` closes the pipe early: that is the reader's choice, not a crash.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
      process.exit(process.exitCode ?? EXIT_OK);
    });
  }
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    readFile: (path) => readFileSync(path, 'utf8'),
    fileMode: (path) => statSync(path).mode,
    now: Date.now,
  };
}

export interface CliCommand {
  readonly name: string;
  /** One line for `kfreq --help`. */
  readonly summary: string;
  /** The full `kfreq <name> --help` text. */
  readonly help: string;
  readonly run: (args: readonly string[], io: CliIo) => Promise<number>;
}

/** A problem with the user's input: printed as `kfreq <command>: <message>`, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/**
 * Wraps the output so a known secret can never be printed, whatever a bug upstream does. Signing
 * code already avoids it; this is the second line of defence.
 */
export function redactingIo(io: CliIo, secrets: readonly string[]): CliIo {
  const needles = [...new Set(secrets.flatMap((s) => [s, s.trim()]).filter((s) => s.length >= 8))];
  if (needles.length === 0) return io;
  const redact = (text: string) => needles.reduce((out, needle) => out.split(needle).join('[secret redacted]'), text);
  return { ...io, stdout: (text) => io.stdout(redact(text)), stderr: (text) => io.stderr(redact(text)) };
}

const SECRET_OPTION = /^--?secret(=.*)?$/i;
const PLAIN_OPTION = /^--?[A-Za-z][A-Za-z0-9-]{0,30}$/;

/**
 * `node:util` parseArgs in strict mode, with its errors rewritten so no typed value is repeated:
 * an unexpected word could be a secret pasted on the command line.
 */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(
  command: string,
  args: readonly string[],
  options: T,
) {
  if (args.some((a) => SECRET_OPTION.test(a))) {
    throw new UsageError(
      'the secret is never accepted as an argument: arguments are visible to other users in the process list and are kept in shell history. Set KRAKEN_FUTURES_API_SECRET or pass --secret-file <path> instead.',
    );
  }
  try {
    return parseArgs({ args: [...args], options, strict: true, allowPositionals: false });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      const token = args.find((a) => a.startsWith('-') && !(a.replace(/^--?/, '').split('=')[0] in options));
      const name = token?.split('=')[0];
      const shown = name && PLAIN_OPTION.test(name) ? `'${name}'` : '(not shown)';
      throw new UsageError(`unknown option ${shown}; see 'kfreq ${command} --help'.`);
    }
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
      throw new UsageError(`unexpected argument (not shown, in case it is a secret): '${command}' takes only options; see 'kfreq ${command} --help'.`);
    }
    // Node's remaining messages name only the option, never its value.
    throw new UsageError(`${(error as Error).message.split('\n')[0]}; see 'kfreq ${command} --help'.`);
  }
}

/** Formats a list of problems as indented lines. */
export function bulletLines(lines: readonly string[], prefix = '  - '): string {
  return lines.map((l) => `${prefix}${l}\n`).join('');
}
