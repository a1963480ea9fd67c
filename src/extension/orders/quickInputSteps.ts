import * as vscode from 'vscode';

/**
 * One step of a multi-step quick input (the pattern of VS Code's quickinput sample): a quick pick
 * or an input box with title, "step n of m" and a Back button. Each step resolves to the answer,
 * `BACK`, or `undefined` when the person dismissed it. Every shown step is announced on
 * `onDidShowStep`, so the extension-host tests can drive the real widgets step by step.
 */

export const BACK = Symbol('back');
export type StepAnswer<T> = T | typeof BACK | undefined;

export interface StepPosition {
  readonly step: number;
  readonly totalSteps: number;
}

interface CommonStep extends StepPosition {
  /** Stable name of the step (`instrument`, `size`, ...), for tests and logs. */
  readonly id: string;
  readonly title: string;
  readonly canGoBack: boolean;
}

export interface PickStep<T extends vscode.QuickPickItem> extends CommonStep {
  readonly placeholder: string;
  readonly items: readonly T[];
  readonly active?: T;
  readonly matchOnDescription?: boolean;
  readonly matchOnDetail?: boolean;
}

export interface InputStep extends CommonStep {
  readonly prompt: string;
  readonly value: string;
  readonly placeholder?: string;
  /** Undefined when the value may be accepted; otherwise the message shown under the box. */
  readonly validate: (value: string) => string | undefined;
}

export type ShownStep =
  | { readonly kind: 'pick'; readonly id: string; readonly position: StepPosition; readonly input: vscode.QuickPick<vscode.QuickPickItem> }
  | { readonly kind: 'input'; readonly id: string; readonly position: StepPosition; readonly input: vscode.InputBox };

export class QuickInputSteps implements vscode.Disposable {
  private readonly shown = new vscode.EventEmitter<ShownStep>();
  readonly onDidShowStep = this.shown.event;

  pick<T extends vscode.QuickPickItem>(step: PickStep<T>): Promise<StepAnswer<T>> {
    const pick = vscode.window.createQuickPick<T>();
    pick.title = step.title;
    pick.step = step.step;
    pick.totalSteps = step.totalSteps;
    pick.placeholder = step.placeholder;
    pick.items = step.items;
    pick.matchOnDescription = step.matchOnDescription ?? false;
    pick.matchOnDetail = step.matchOnDetail ?? false;
    pick.ignoreFocusOut = true;
    if (step.active) pick.activeItems = [step.active];
    pick.buttons = step.canGoBack ? [vscode.QuickInputButtons.Back] : [];
    return this.run<T>(pick, (finish) => [
      pick.onDidAccept(() => {
        const chosen = pick.selectedItems[0] ?? pick.activeItems[0];
        if (chosen) finish(chosen);
      }),
    ], { kind: 'pick', id: step.id, position: step, input: pick as unknown as vscode.QuickPick<vscode.QuickPickItem> });
  }

  input(step: InputStep): Promise<StepAnswer<string>> {
    const box = vscode.window.createInputBox();
    box.title = step.title;
    box.step = step.step;
    box.totalSteps = step.totalSteps;
    box.prompt = step.prompt;
    box.value = step.value;
    box.placeholder = step.placeholder;
    box.ignoreFocusOut = true;
    box.buttons = step.canGoBack ? [vscode.QuickInputButtons.Back] : [];
    return this.run<string>(box, (finish) => [
      box.onDidChangeValue((value) => {
        box.validationMessage = value.trim() === '' ? undefined : step.validate(value);
      }),
      box.onDidAccept(() => {
        const problem = step.validate(box.value);
        if (problem) {
          // Refused at this step: the message stays under the box and the flow does not move on.
          box.validationMessage = problem;
          return;
        }
        finish(box.value.trim());
      }),
    ], { kind: 'input', id: step.id, position: step, input: box });
  }

  private run<T>(input: vscode.QuickInput & { onDidTriggerButton: vscode.Event<vscode.QuickInputButton> }, wire: (finish: (answer: StepAnswer<T>) => void) => vscode.Disposable[], announce: ShownStep): Promise<StepAnswer<T>> {
    return new Promise<StepAnswer<T>>((resolve) => {
      let settled = false;
      const finish = (answer: StepAnswer<T>) => {
        if (settled) return;
        settled = true;
        subscriptions.forEach((s) => s.dispose());
        input.dispose();
        resolve(answer);
      };
      const subscriptions = [
        ...wire(finish),
        input.onDidTriggerButton((button) => {
          if (button === vscode.QuickInputButtons.Back) finish(BACK);
        }),
        input.onDidHide(() => finish(undefined)),
      ];
      input.show();
      this.shown.fire(announce);
    });
  }

  dispose(): void {
    this.shown.dispose();
  }
}
