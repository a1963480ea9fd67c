import type { DryRun } from './dryRun';

/**
 * A cURL command line for a signed (or public) request. The signature headers are filled in for
 * the nonce they were computed with; the API key is a shell-variable placeholder unless the real
 * key is passed in. The secret is never an input here, so it can never be part of the output.
 */

/** Expanded by the shell, so the copied command works once the variable is exported. */
export const API_KEY_PLACEHOLDER = '$KRAKEN_FUTURES_API_KEY';

export interface CurlOptions {
  /** The real public key; when absent the command reads it from `$KRAKEN_FUTURES_API_KEY`. */
  readonly apiKey?: string;
}

/** POSIX single quotes: everything literal, a `'` written as `'\''`. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

export function curlCommand(dryRun: DryRun, options: CurlOptions = {}): string {
  const { request, signature } = dryRun;
  const parts: string[] = [`curl -X ${request.method} ${shellQuote(request.url)}`];
  parts.push(`-H ${shellQuote('Accept: application/json')}`);
  if (signature) {
    // Double quotes so the shell expands the placeholder; a real key is quoted literally.
    parts.push(options.apiKey !== undefined ? `-H ${shellQuote(`APIKey: ${options.apiKey}`)}` : `-H "APIKey: ${API_KEY_PLACEHOLDER}"`);
    if (signature.nonce !== '') parts.push(`-H ${shellQuote(`Nonce: ${signature.nonce}`)}`);
    parts.push(`-H ${shellQuote(`Authent: ${signature.authent}`)}`);
  }
  if (request.body !== undefined) {
    parts.push(`-H ${shellQuote('Content-Type: application/x-www-form-urlencoded')}`);
    // --data-raw: no `@file` reading and no re-encoding, so the signed bytes are the sent bytes.
    parts.push(`--data-raw ${shellQuote(request.body)}`);
  }
  return parts.join(' \\\n  ');
}
