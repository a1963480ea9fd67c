import { diagnoseSignature, type Diagnosis } from '../../core/signing';
import { EXIT_FAILURE, EXIT_OK, parseCommandArgs, redactingIo, UsageError, type CliCommand, type CliIo } from '../io';
import { formatPreamble, reportNotes } from './sign';
import { readSigningInputs, SIGNING_OPTIONS, SIGNING_OPTIONS_HELP } from './signingInputs';

const HELP = `kfreq doctor — find out why Kraken Futures rejects a signature (authenticationError)

Usage: kfreq doctor --path <path|url> --authent <value> [--method GET|POST] [--post-data <text>]
                    [--nonce <digits>] [--header-name <name>] [--api-key <key>] [--secret-file <path>] [--json]

Give the request exactly as your code sent it and the Authent value it computed. The doctor
recomputes the correct value and each known wrong recipe (kept /derivatives, HMAC-SHA256, hex or
base64url output, secret not decoded, decoded parameters, '+' vs '%20', Spot recipe, …) and names
the one that reproduces your value, with a one-sentence fix. When no single mistake does, it also
tries two independent mistakes together (a wrong message, such as a kept /derivatives or decoded
parameters, combined with a wrong MAC or encoding, such as hex output) and names both, with both fixes.

  --authent <value>     the Authent value your code sent (required)
  --header-name <name>  the header name your code used, if not 'Authent'
${SIGNING_OPTIONS_HELP}

Exit status: 0 the signature is correct, 1 it is wrong (mistake named or unknown), 2 bad input.
--json prints one object whose 'mistake' is a stable id or null; for two mistakes combined it is
both ids joined with '+' (e.g. 'derivatives-kept+hex-output'), and 'mistakes' and 'fixes' list them.
`;

const DOCTOR_OPTIONS = { ...SIGNING_OPTIONS, authent: { type: 'string' }, 'header-name': { type: 'string' } } as const;

function formatDiagnosis(d: Diagnosis): string {
  const lines: string[] = [];
  const verdict = d.verdict === 'correct' ? 'CORRECT' : d.verdict === 'mistake-found' ? 'WRONG — mistake identified' : 'WRONG — no known mistake matches';
  lines.push(`verdict  ${verdict}`, `         ${d.summary}`);
  if (d.mistake) lines.push(`mistake  ${d.mistake}`);
  if (d.detail) lines.push(`detail   ${d.detail}`);
  if (d.fixes && d.mistakes) d.fixes.forEach((fix, n) => lines.push(`fix ${n + 1}    ${fix} (${d.mistakes?.[n] ?? ''})`));
  else if (d.fix) lines.push(`fix      ${d.fix}`);
  if (d.headerProblem && d.mistake !== 'wrong-header-name') lines.push(`header   ${d.headerProblem}`);
  lines.push('', `received   ${d.receivedShape}`);
  if (d.signedMessage !== undefined) lines.push(`you signed ${JSON.stringify(d.signedMessage)}`);
  lines.push(`expected   message ${JSON.stringify(d.expected.message)}`, `           Authent ${d.expected.authent}`);
  if (d.compare.length > 0) {
    lines.push('', 'Compare these with the values in your code, in order; the first that differs is the broken step:');
    for (const line of d.compare) lines.push(`  ${line.label}`, `    ${line.value}`);
  }
  const secretHints = d.verdict === 'correct' ? [] : d.secretProblems;
  if (secretHints.length > 0) lines.push('', 'About the secret:', ...secretHints.map((p) => `  - ${p.message}`));
  return `${lines.join('\n')}\n`;
}

async function run(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs('doctor', args, DOCTOR_OPTIONS);
  if (values.help) {
    io.stdout(HELP);
    return EXIT_OK;
  }
  if (values.authent === undefined || values.authent.trim() === '') {
    throw new UsageError('--authent is required: the Authent value your code sent.');
  }
  const inputs = readSigningInputs(values, io);
  const out = redactingIo(io, [inputs.secret]);
  reportNotes(out, inputs);
  const diagnosis = diagnoseSignature({
    path: inputs.path,
    postData: inputs.postData,
    nonce: inputs.nonce,
    secret: inputs.secret,
    authent: values.authent,
    ...(inputs.apiKey === undefined ? {} : { apiKey: inputs.apiKey }),
    ...(values['header-name'] === undefined ? {} : { headerName: values['header-name'] }),
  });
  if (values.json) {
    // Verdict first: it is what a reader or a script looks for.
    const { verdict, mistake, summary, fix, ...rest } = diagnosis;
    out.stdout(`${JSON.stringify({ verdict, mistake, summary, fix, ...rest, notices: inputs.notices, warnings: inputs.warnings })}\n`);
  } else {
    out.stdout(`${formatPreamble(inputs)}\n${formatDiagnosis(diagnosis)}`);
  }
  return diagnosis.verdict === 'correct' ? EXIT_OK : EXIT_FAILURE;
}

export const doctorCommand: CliCommand = {
  name: 'doctor',
  summary: 'name the mistake behind a rejected signature and how to fix it',
  help: HELP,
  run,
};
