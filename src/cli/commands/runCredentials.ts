import type { Credentials } from '../../core/client';
import { validateApiKey, validateSecret } from '../../core/signing';
import { UsageError, type CliIo } from '../io';
import { API_KEY_ENV, SECRET_ENV } from './signingInputs';

/**
 * Where `kfreq run` gets its key pair: KRAKEN_FUTURES_API_KEY / KRAKEN_FUTURES_API_SECRET, or
 * files named by --api-key-file / --secret-file (a CI secret store mounts either). Never from an
 * argument. Nothing read here is ever echoed: problems name the file and the check that failed.
 */

export interface LoadedCredentials {
  /** Absent when neither a key nor a secret was given (public requests only, or the in-process simulator). */
  readonly credentials: Credentials | undefined;
  readonly notices: readonly string[];
  readonly warnings: readonly string[];
}

const MAX_CREDENTIAL_FILE_BYTES = 4096;

function readCredentialFile(option: string, path: string, what: string, io: CliIo, warnings: string[]): string {
  let text: string;
  try {
    const mode = io.fileMode(path);
    if ((mode & 0o170000) === 0o040000) throw new UsageError(`${option} '${path}' is a directory; give the file holding the ${what}.`);
    if (what === 'API secret' && (mode & 0o077) !== 0) warnings.push(`the secret file '${path}' can be read by other users; restrict it with 'chmod 600 ${path}'.`);
    text = io.readFile(path);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as { code?: string }).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : 'it could not be read';
    throw new UsageError(`${option} '${path}': ${reason}.`);
  }
  if (Buffer.byteLength(text) > MAX_CREDENTIAL_FILE_BYTES) {
    throw new UsageError(`${option} '${path}' is larger than ${MAX_CREDENTIAL_FILE_BYTES} bytes, too large to hold an ${what}; point it at a file holding only the ${what}.`);
  }
  // Editors and `echo` end files with a newline; that one line ending is not part of the value.
  return text.replace(/\r?\n$/, '');
}

function pick(option: string, file: string | undefined, envName: string, what: string, io: CliIo, notices: string[], warnings: string[]): string | undefined {
  if (file !== undefined) {
    if (io.env[envName] !== undefined) notices.push(`using the ${what} from ${option}; ${envName} is ignored.`);
    return readCredentialFile(option, file, what, io, warnings);
  }
  const fromEnv = io.env[envName];
  return fromEnv === undefined || fromEnv === '' ? undefined : fromEnv;
}

function errorsOf(problems: readonly { severity: string; message: string }[]): string[] {
  return problems.filter((p) => p.severity === 'error').map((p) => `  - ${p.message}`);
}

export function readRunCredentials(files: { apiKeyFile: string | undefined; secretFile: string | undefined }, io: CliIo): LoadedCredentials {
  const notices: string[] = [];
  const warnings: string[] = [];
  const apiKey = pick('--api-key-file', files.apiKeyFile, API_KEY_ENV, 'API key', io, notices, warnings);
  const secret = pick('--secret-file', files.secretFile, SECRET_ENV, 'API secret', io, notices, warnings);
  if (apiKey === undefined && secret === undefined) return { credentials: undefined, notices, warnings };
  if (apiKey === undefined) {
    throw new UsageError(`an API secret was given but no API key: set ${API_KEY_ENV} or pass --api-key-file <path> (requests are signed with the pair).`);
  }
  if (secret === undefined) {
    throw new UsageError(`an API key was given but no API secret: set ${SECRET_ENV} or pass --secret-file <path>. (The secret is never taken from an argument.)`);
  }
  const keyCheck = validateApiKey(apiKey);
  const keyErrors = errorsOf(keyCheck.problems);
  if (keyErrors.length > 0) throw new UsageError(`the API key is not usable:\n${keyErrors.join('\n')}`);
  const secretCheck = validateSecret(secret, { apiKey });
  const secretErrors = errorsOf(secretCheck.problems);
  if (secretErrors.length > 0) throw new UsageError(`the API secret is not usable:\n${secretErrors.join('\n')}`);
  warnings.push(...[...keyCheck.problems, ...secretCheck.problems].filter((p) => p.severity === 'warning').map((p) => p.message));
  return { credentials: { apiKey, secret }, notices, warnings };
}
