import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import { doctorEntry, type DoctorView } from '../../core/requests';
import { diagnoseSignature, fingerprint, SignatureInputError } from '../../core/signing';
import { UserFacingError } from '../shared/userFacingError';
import { entryEnvironmentOf, storedCredentials, type RequestServices } from './requestServices';

/**
 * "Diagnose a Signature from My Own Code": the person pastes what their bot sent (path, postData,
 * nonce, Authent); the stored secret of the active environment recomputes the signature and the
 * doctor names the mistake, if any. Fields given as command arguments are not asked for.
 */

export interface DiagnoseSignatureArgs {
  readonly path?: string;
  readonly postData?: string;
  readonly nonce?: string;
  readonly authent?: string;
  /** The header the value was sent under, when it was not `Authent`. */
  readonly headerName?: string;
}

const TITLE = 'Diagnose a Signature from My Own Code';

interface Question {
  readonly field: 'path' | 'postData' | 'nonce' | 'authent';
  readonly prompt: string;
  readonly placeHolder: string;
  readonly optional?: boolean;
}

const QUESTIONS: readonly Question[] = [
  { field: 'path', prompt: 'The URL path your code requested (a full URL is fine; its query becomes postData)', placeHolder: '/derivatives/api/v3/sendorder' },
  { field: 'postData', prompt: 'postData your code signed: the URL-encoded parameters exactly as sent (empty when none)', placeHolder: 'orderType=lmt&symbol=PF_XBTUSD&side=buy&size=1&limitPrice=50000', optional: true },
  { field: 'nonce', prompt: 'The Nonce header your code sent (empty when it sent none)', placeHolder: '1731680000000000', optional: true },
  { field: 'authent', prompt: 'The Authent value your code produced', placeHolder: '88 base64 characters ending in ==' },
];

export async function diagnoseOwnSignature(services: RequestServices, rawArgs: unknown): Promise<DoctorView | undefined> {
  const answers = await askMissing(argsOf(rawArgs));
  if (!answers) return undefined;
  const { path, postData } = splitTarget(answers.path, answers.postData);
  const { environments } = services;
  // Local's key pair is generated when the simulator starts, which `client()` makes sure of.
  await environments.client({ requireCredentials: true });
  const environment = environments.active;
  const credentials = await storedCredentials(services.credentials, environment.id);
  if (!credentials) throw new UserFacingError(`${TITLE}: no API credentials are set for ${environment.label}. The doctor needs the secret of the key your code uses: set it with "Kraken Futures: Set Credentials".`);
  let diagnosis;
  try {
    diagnosis = diagnoseSignature({ path, postData, nonce: answers.nonce, authent: answers.authent, secret: credentials.secret, apiKey: credentials.apiKey, ...(answers.headerName ? { headerName: answers.headerName } : {}) });
  } catch (error) {
    if (error instanceof SignatureInputError) throw new UserFacingError(`${TITLE}: ${error.message}`);
    throw error;
  }
  const doctor: DoctorView = {
    path,
    postData,
    nonce: answers.nonce,
    authent: answers.authent.trim(),
    keyFingerprint: fingerprint(credentials.apiKey),
    verdict: diagnosis.verdict,
    mistake: diagnosis.mistake,
    summary: diagnosis.summary,
    fix: diagnosis.fix,
    ...(diagnosis.detail ? { detail: diagnosis.detail } : {}),
    receivedShape: diagnosis.receivedShape,
    expectedAuthent: diagnosis.expected.authent,
    compare: diagnosis.compare.map((c) => ({ label: c.label, value: c.value })),
  };
  const entry = doctorEntry(doctor, { id: randomUUID(), createdAt: Date.now(), environment: entryEnvironmentOf(environment) });
  services.view.show({ entries: [entry], selectedId: entry.id });
  return doctor;
}

/** A pasted URL or path with a query: the path is what was signed as endpointPath, the query is postData. */
function splitTarget(target: string, postData: string): { path: string; postData: string } {
  let path = target;
  if (/^https?:\/\//i.test(path)) {
    try {
      const url = new URL(path);
      path = url.pathname + url.search;
    } catch {
      throw new UserFacingError(`${TITLE}: "${target}" is not a valid URL.`);
    }
  }
  const mark = path.indexOf('?');
  if (mark < 0) return { path, postData };
  const query = path.slice(mark + 1);
  return { path: path.slice(0, mark), postData: postData === '' ? query : postData };
}

type Answers = Required<Omit<DiagnoseSignatureArgs, 'headerName'>> & Pick<DiagnoseSignatureArgs, 'headerName'>;

function argsOf(raw: unknown): DiagnoseSignatureArgs {
  // From the palette VS Code passes nothing; from a menu, possibly a URI. Either way: ask.
  if (raw === null || typeof raw !== 'object' || raw instanceof vscode.Uri) return {};
  const args: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (!['path', 'postData', 'nonce', 'authent', 'headerName'].includes(key)) continue;
    if (typeof value !== 'string') throw new UserFacingError(`${TITLE}: argument "${key}" must be text.`);
    args[key] = value;
  }
  return args;
}

async function askMissing(given: DiagnoseSignatureArgs): Promise<Answers | undefined> {
  const answers: Record<string, string> = { ...given } as Record<string, string>;
  const missing = QUESTIONS.filter((q) => given[q.field] === undefined);
  for (const [i, question] of missing.entries()) {
    const value = await vscode.window.showInputBox({
      title: `${TITLE} (${i + 1}/${missing.length})`,
      prompt: question.prompt,
      placeHolder: question.placeHolder,
      ignoreFocusOut: true,
      validateInput: (text) => validate(question, text),
    });
    if (value === undefined) return undefined;
    answers[question.field] = question.field === 'postData' ? value : value.trim();
  }
  for (const question of QUESTIONS) {
    const problem = validate(question, answers[question.field] ?? '');
    if (problem) throw new UserFacingError(`${TITLE}: ${question.field}: ${problem}`);
  }
  return answers as unknown as Answers;
}

function validate(question: Question, text: string): string | undefined {
  const value = text.trim();
  if (value === '') return question.optional ? undefined : 'Required.';
  if (question.field === 'path' && !value.startsWith('/') && !/^https?:\/\//i.test(value)) return 'Start with "/" (e.g. /derivatives/api/v3/openpositions) or paste the full URL.';
  if (question.field === 'nonce' && !/^\d+$/.test(value)) return 'Digits only, exactly as sent in the Nonce header.';
  if (question.field === 'postData' && value.startsWith('?')) return 'Leave out the leading "?".';
  return undefined;
}
