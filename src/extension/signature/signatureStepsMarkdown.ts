import type { SignatureStep } from '../../core/signing';
import type { SignatureRequest } from './signatureRequest';

/**
 * Renders the core's signature trace as Markdown. Pure, so the extension-host tests can check it
 * directly. The trace already shows credentials only as fingerprints.
 */
export function renderSignatureSteps(
  request: Pick<SignatureRequest, 'method' | 'path'>,
  trace: readonly SignatureStep[],
  remarks: readonly string[],
  createdAt: Date,
): string {
  const authent = trace.find((step) => step.id === 'hmacSha512')?.value;
  const lines = [
    '# Kraken Futures signature steps',
    `\`${request.method} ${request.path}\` · computed ${createdAt.toISOString()}`,
    '',
    ...(authent ? [`**Authent** \`${authent}\``, ''] : []),
    'Authent = base64(HMAC-SHA-512(base64decode(secret), SHA-256(postData + nonce + endpointPath)))',
    '',
  ];
  if (remarks.length > 0) {
    lines.push('## Check your credentials', ...remarks.map((r) => `- ${r}`), '');
  }
  // Compact on purpose: all steps should fit on one screen next to the reader's own code.
  trace.forEach((step, i) => {
    lines.push(`## ${i + 1}. ${step.label}`);
    if (step.note) lines.push(`_${step.note}_`);
    lines.push(...fenced(step.value === '' ? '(empty)' : step.value), '');
  });
  lines.push('The secret is never shown; it was used for this computation only and not stored.', '');
  return lines.join('\n');
}

/** A code fence longer than any backtick run in the value, so no value can break out of it. */
function fenced(value: string): string[] {
  const longestRun = Math.max(0, ...(value.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(Math.max(3, longestRun + 1));
  return [fence + 'text', value, fence];
}
