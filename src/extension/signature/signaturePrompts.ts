import * as vscode from 'vscode';
import { SIGNATURE_METHODS, signatureChecks, type SignatureRequest } from './signatureRequest';

type Field = keyof SignatureRequest;
type Answers = Partial<Record<Field, string>>;

interface TextStep {
  readonly field: Exclude<Field, 'method'>;
  readonly prompt: string;
  readonly placeholder: string;
  readonly password?: boolean;
  readonly initial?: (answers: Answers) => string;
}

const TITLE = 'Show Signature Steps';

/** In the order a person thinks about a request: what is sent first, credentials last. */
const TEXT_STEPS: readonly TextStep[] = [
  {
    field: 'path',
    prompt: 'URL path exactly as sent, without host and query (a leading /derivatives is not signed)',
    placeholder: '/derivatives/api/v3/openpositions',
    initial: (a) => (a.method === 'GET' ? '/derivatives/api/v3/openpositions' : '/derivatives/api/v3/sendorder'),
  },
  {
    field: 'postData',
    prompt: 'postData: the URL-encoded parameter string exactly as sent (query for GET, body for POST); may be empty',
    placeholder: 'orderType=lmt&symbol=PF_XBTUSD&side=buy&size=1&limitPrice=50000',
  },
  { field: 'nonce', prompt: 'Nonce (optional): leave empty to sign without one', placeholder: 'e.g. 1731680000000' },
  {
    field: 'secret',
    prompt: 'API secret (base64). Used once for this computation; it is not stored and never shown.',
    placeholder: 'private key from Kraken Futures → Settings → API',
    password: true,
  },
  { field: 'apiKey', prompt: 'API key (public key, sent as the APIKey header)', placeholder: 'public key' },
];

/**
 * Asks for every field not already given, one step at a time with a Back button.
 * Resolves to `undefined` when the person cancels.
 */
export async function promptForMissing(given: Answers): Promise<Answers | undefined> {
  const answers: Answers = { ...given };
  const steps: Field[] = ['method', ...TEXT_STEPS.map((s) => s.field)].filter((f) => given[f as Field] === undefined) as Field[];
  let index = 0;
  while (index < steps.length) {
    const field = steps[index];
    const position = { step: index + 1, totalSteps: steps.length };
    const answer = field === 'method' ? await pickMethod(position, index > 0) : await askText(TEXT_STEPS.find((s) => s.field === field)!, answers, position, index > 0);
    if (answer === undefined) return undefined;
    if (answer === BACK) {
      index = Math.max(0, index - 1);
      continue;
    }
    answers[field] = answer;
    index += 1;
  }
  return answers;
}

const BACK = Symbol('back');
type StepResult = string | typeof BACK | undefined;

function pickMethod(position: { step: number; totalSteps: number }, canGoBack: boolean): Promise<StepResult> {
  const pick = vscode.window.createQuickPick();
  pick.title = TITLE;
  Object.assign(pick, position);
  pick.placeholder = 'HTTP method of the request';
  pick.items = SIGNATURE_METHODS.map((m) => ({ label: m }));
  pick.buttons = canGoBack ? [vscode.QuickInputButtons.Back] : [];
  return new Promise<StepResult>((resolve) => {
    const subscriptions = [
      pick.onDidAccept(() => finish(pick.selectedItems[0]?.label)),
      pick.onDidTriggerButton(() => finish(BACK)),
      pick.onDidHide(() => finish(undefined)),
    ];
    let settled = false;
    function finish(result: StepResult) {
      if (settled) return;
      settled = true;
      resolve(result);
      subscriptions.forEach((d) => d.dispose());
      pick.dispose();
    }
    pick.show();
  });
}

function askText(step: TextStep, answers: Answers, position: { step: number; totalSteps: number }, canGoBack: boolean): Promise<StepResult> {
  const box = vscode.window.createInputBox();
  box.title = TITLE;
  Object.assign(box, position);
  box.prompt = step.prompt;
  box.placeholder = step.placeholder;
  box.password = step.password ?? false;
  // Never pre-fill the secret, even when going Back: it must be typed or pasted each time.
  box.value = step.password ? '' : (answers[step.field] ?? step.initial?.(answers) ?? '');
  box.ignoreFocusOut = true;
  box.buttons = canGoBack ? [vscode.QuickInputButtons.Back] : [];
  const check = signatureChecks[step.field];
  return new Promise<StepResult>((resolve) => {
    const subscriptions = [
      box.onDidChangeValue((v) => {
        box.validationMessage = v === '' ? undefined : check(normalise(step, v));
      }),
      box.onDidAccept(() => {
        const value = normalise(step, box.value);
        const problem = check(value);
        if (problem) {
          box.validationMessage = problem;
          return;
        }
        finish(value);
      }),
      box.onDidTriggerButton(() => finish(BACK)),
      box.onDidHide(() => finish(undefined)),
    ];
    let settled = false;
    function finish(result: StepResult) {
      if (settled) return;
      settled = true;
      resolve(result);
      subscriptions.forEach((d) => d.dispose());
      box.dispose();
    }
    box.show();
  });
}

/** postData is signed byte for byte and credentials are checked as pasted; the rest is trimmed. */
function normalise(step: TextStep, value: string): string {
  return step.field === 'path' || step.field === 'nonce' ? value.trim() : value;
}
