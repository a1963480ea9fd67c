import { fingerprint, secretFingerprint, signWithTrace, type SignatureStep } from '../../core/signing';
import { EXIT_OK, parseCommandArgs, redactingIo, type CliCommand, type CliIo } from '../io';
import { readSigningInputs, requestLine, SIGNING_OPTIONS, SIGNING_OPTIONS_HELP, type SigningInputs } from './signingInputs';

const HELP = `kfreq sign — compute the Authent header of a Kraken Futures REST request, step by step

Usage: kfreq sign --path <path|url> [--method GET|POST] [--post-data <text>] [--nonce <digits>]
                  [--api-key <key>] [--secret-file <path>] [--json]

${SIGNING_OPTIONS_HELP}

Prints each step (postData, nonce, endpointPath, message, SHA-256, HMAC-SHA512) and the Authent.
--json prints one object with authent, endpointPath, message, sha256Hex, sha256Base64, headers
(APIKey as a fingerprint) and steps.

Example:
  KRAKEN_FUTURES_API_SECRET=... kfreq sign --path '/derivatives/api/v3/fills?lastFillTime=2024-02-20T00%3A00%3A00.000Z' --nonce auto
`;

export function formatSteps(steps: readonly SignatureStep[]): string {
  return steps
    .map((step, index) => {
      const value = step.value === '' ? '(empty)' : step.value.split('\n').join('\n      ');
      const note = step.note ? `\n      ↳ ${step.note}` : '';
      return `  ${String(index + 1).padStart(2)}. ${step.label}\n      ${value}${note}\n`;
    })
    .join('');
}

export function formatPreamble(inputs: SigningInputs): string {
  const key = inputs.apiKey === undefined ? '(none given)' : fingerprint(inputs.apiKey);
  const lines = [`request  ${requestLine(inputs)}`, `key      ${key}`, `secret   ${secretFingerprint(inputs.secret)}`];
  return lines.map((l) => `${l}\n`).join('');
}

export function reportNotes(io: CliIo, inputs: SigningInputs): void {
  for (const notice of inputs.notices) io.stderr(`note: ${notice}\n`);
  for (const warning of inputs.warnings) io.stderr(`warning: ${warning}\n`);
}

async function run(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs('sign', args, SIGNING_OPTIONS);
  if (values.help) {
    io.stdout(HELP);
    return EXIT_OK;
  }
  const inputs = readSigningInputs(values, io);
  const out = redactingIo(io, [inputs.secret]);
  reportNotes(out, inputs);
  const traced = signWithTrace({ path: inputs.path, postData: inputs.postData, nonce: inputs.nonce, apiKey: inputs.apiKey ?? '', secret: inputs.secret });
  if (values.json) {
    const headers: Record<string, string> = { ...traced.headers, APIKey: inputs.apiKey === undefined ? '' : fingerprint(inputs.apiKey) };
    out.stdout(
      `${JSON.stringify({
        authent: traced.authent,
        endpointPath: traced.endpointPath,
        message: traced.message,
        sha256Hex: traced.sha256Hex,
        sha256Base64: traced.sha256Base64,
        method: inputs.method,
        path: inputs.path,
        postData: inputs.postData,
        nonce: inputs.nonce,
        apiKey: inputs.apiKey === undefined ? null : fingerprint(inputs.apiKey),
        secret: secretFingerprint(inputs.secret),
        headers,
        steps: traced.trace,
        notices: inputs.notices,
        warnings: inputs.warnings,
      })}\n`,
    );
    return EXIT_OK;
  }
  out.stdout(`${formatPreamble(inputs)}\n${formatSteps(traced.trace)}\nAuthent: ${traced.authent}\n`);
  return EXIT_OK;
}

export const signCommand: CliCommand = {
  name: 'sign',
  summary: 'compute the Authent header of a REST request and show every step',
  help: HELP,
  run,
};
