import { NonceSource, validateApiKey, validateSecret, type SecretProblem } from '../../core/signing';
import { UsageError, type CliIo } from '../io';

/**
 * The inputs `kfreq sign` and `kfreq doctor` share: request path (or full URL), method, postData,
 * nonce, API key and secret. Validation errors become UsageErrors (exit 2) with a message a person
 * can act on; user-typed values are not repeated in them.
 */

export const SECRET_ENV = 'KRAKEN_FUTURES_API_SECRET';
export const API_KEY_ENV = 'KRAKEN_FUTURES_API_KEY';

export const SIGNING_OPTIONS = {
  path: { type: 'string' },
  method: { type: 'string' },
  'post-data': { type: 'string' },
  nonce: { type: 'string' },
  'api-key': { type: 'string' },
  'secret-file': { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export const SIGNING_OPTIONS_HELP = `  --path <path|url>     request path as sent, e.g. /derivatives/api/v3/openpositions, or a full
                        https:// URL (its query becomes postData unless --post-data is given)
  --method <m>          GET (default), POST, PUT or DELETE: where postData travels
  --post-data <text>    the URL-encoded parameter string exactly as sent (query or form body)
  --nonce <digits|auto> the Nonce header value; 'auto' makes one from the clock; omit for none
  --api-key <key>       public API key (default: $${API_KEY_ENV}); only its fingerprint is printed
  --secret-file <path>  file holding the API secret (default: $${SECRET_ENV})
  --json                print one JSON object instead of text
  -h, --help            show this help

The secret is read only from $${SECRET_ENV} or --secret-file, never from an argument:
arguments are visible in the process list and shell history.`;

export type HttpMethodName = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface SigningInputs {
  readonly method: HttpMethodName;
  readonly path: string;
  readonly postData: string;
  readonly nonce: string;
  readonly apiKey: string | undefined;
  readonly secret: string;
  /** Secret problems that do not block signing (warnings and hints). */
  readonly secretNotes: readonly SecretProblem[];
  /** Things the user should know about how the inputs were read. */
  readonly notices: readonly string[];
  readonly warnings: readonly string[];
}

type SigningValues = { [K in keyof typeof SIGNING_OPTIONS]?: (typeof SIGNING_OPTIONS)[K]['type'] extends 'string' ? string : boolean };

const MAX_SECRET_FILE_BYTES = 4096;
const URL_SHAPE = /^(https?):\/\/([^/?#]*)([^?#]*)(?:\?([^#]*))?(?:#.*)?$/i;

interface RequestTarget {
  readonly path: string;
  readonly query: string | undefined;
  readonly host: string | undefined;
}

function splitRequestTarget(raw: string): RequestTarget {
  if (/^https?:\/\//i.test(raw)) {
    const match = URL_SHAPE.exec(raw);
    if (!match) throw new UsageError('--path looks like a URL but could not be read; give it as https://host/path?query.');
    return { host: match[2], path: match[3] === '' ? '/' : match[3], query: match[4] };
  }
  if (!raw.startsWith('/')) {
    throw new UsageError("--path must be the request path starting with '/' (e.g. /derivatives/api/v3/openpositions) or a full https:// URL.");
  }
  const withoutFragment = raw.split('#')[0];
  const q = withoutFragment.indexOf('?');
  return q === -1 ? { host: undefined, path: withoutFragment, query: undefined } : { host: undefined, path: withoutFragment.slice(0, q), query: withoutFragment.slice(q + 1) };
}

function readMethod(raw: string | undefined): HttpMethodName {
  if (raw === undefined) return 'GET';
  const upper = raw.trim().toUpperCase();
  if (upper === 'GET' || upper === 'POST' || upper === 'PUT' || upper === 'DELETE') return upper;
  const shown = /^[A-Za-z]{1,10}$/.test(raw) ? ` (got '${raw}')` : '';
  throw new UsageError(`--method must be GET, POST, PUT or DELETE${shown}.`);
}

function readNonce(raw: string | undefined, apiKey: string | undefined, io: CliIo): string {
  if (raw === undefined || raw === '') return '';
  if (raw === 'auto') return new NonceSource({ clock: io.now }).next(apiKey ?? '');
  if (!/^\d+$/.test(raw)) {
    throw new UsageError(`--nonce must contain digits only (a ${raw.length}-character value with other characters was given), or be 'auto'.`);
  }
  return raw;
}

function readSecret(secretFile: string | undefined, io: CliIo, notices: string[], warnings: string[]): string {
  if (secretFile !== undefined) {
    if (secretFile === '') throw new UsageError('--secret-file needs the path of a file holding the API secret.');
    let text: string;
    try {
      const mode = io.fileMode(secretFile);
      if ((mode & 0o170000) === 0o040000) throw new UsageError(`--secret-file '${secretFile}' is a directory; give the file holding the secret.`);
      if ((mode & 0o077) !== 0) warnings.push(`the secret file '${secretFile}' can be read by other users; restrict it with 'chmod 600 ${secretFile}'.`);
      text = io.readFile(secretFile);
    } catch (error) {
      if (error instanceof UsageError) throw error;
      const code = (error as { code?: string }).code;
      const reason = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : 'it could not be read';
      throw new UsageError(`--secret-file '${secretFile}': ${reason}.`);
    }
    if (Buffer.byteLength(text) > MAX_SECRET_FILE_BYTES) {
      throw new UsageError(`--secret-file '${secretFile}' is larger than ${MAX_SECRET_FILE_BYTES} bytes, too large to be an API secret; point it at a file holding only the secret.`);
    }
    if (io.env[SECRET_ENV] !== undefined) notices.push(`using the secret from --secret-file; ${SECRET_ENV} is ignored.`);
    // Editors end files with a newline; that one line ending is not part of the secret.
    return text.replace(/\r?\n$/, '');
  }
  const fromEnv = io.env[SECRET_ENV];
  if (fromEnv === undefined || fromEnv === '') {
    throw new UsageError(`no API secret: set ${SECRET_ENV} or pass --secret-file <path>. (The secret is never taken from an argument, which other users can see in the process list.)`);
  }
  return fromEnv;
}

function readApiKey(raw: string | undefined, io: CliIo, warnings: string[]): string | undefined {
  const key = raw ?? io.env[API_KEY_ENV];
  if (key === undefined || key === '') return undefined;
  const check = validateApiKey(key);
  const errors = check.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) throw new UsageError(`the API key is not usable:\n${errors.map((p) => `  - ${p.message}`).join('\n')}`);
  warnings.push(...check.problems.map((p) => p.message));
  return key;
}

export function readSigningInputs(values: SigningValues, io: CliIo): SigningInputs {
  const notices: string[] = [];
  const warnings: string[] = [];
  if (values.path === undefined) throw new UsageError('--path is required, e.g. --path /derivatives/api/v3/openpositions.');
  const target = splitRequestTarget(values.path);
  const method = readMethod(values.method);
  let postData = values['post-data'];
  if (target.query !== undefined && target.query !== '') {
    if (postData !== undefined) {
      throw new UsageError('--path has a query string and --post-data was also given; put all parameters in one place (the server signs them as one string).');
    }
    postData = target.query;
    notices.push(`took postData from the query string of --path (${postData.length} characters).`);
  }
  if (target.host !== undefined) notices.push('the host of the URL is not part of the signature.');
  if (target.path.includes(' ')) warnings.push('the path contains a space; send and sign it percent-encoded (%20).');
  const apiKey = readApiKey(values['api-key'], io, warnings);
  const secret = readSecret(values['secret-file'], io, notices, warnings);
  const check = validateSecret(secret, apiKey === undefined ? {} : { apiKey });
  const errors = check.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) throw new UsageError(`the API secret is not usable:\n${errors.map((p) => `  - ${p.message}`).join('\n')}`);
  return {
    method,
    path: target.path,
    postData: postData ?? '',
    nonce: readNonce(values.nonce, apiKey, io),
    apiKey,
    secret,
    secretNotes: check.problems,
    notices,
    warnings: [...warnings, ...check.problems.filter((p) => p.severity === 'warning').map((p) => p.message)],
  };
}

/** How to send postData for this method, e.g. `GET /derivatives/api/v3/fills?lastFillTime=…`. */
export function requestLine(inputs: SigningInputs): string {
  if (inputs.postData === '') return `${inputs.method} ${inputs.path}`;
  if (inputs.method === 'GET' || inputs.method === 'DELETE') return `${inputs.method} ${inputs.path}?${inputs.postData}`;
  return `${inputs.method} ${inputs.path}  body: ${inputs.postData}  (Content-Type: application/x-www-form-urlencoded)`;
}
