import * as vscode from 'vscode';
import { checkSwitchSeconds, formatCountdown, secondsLeft, switchStateOf, type SwitchState } from '../../core/orders';
import type { Environments } from '../environments/environment';
import type { CommandErrorReporter } from '../shared/commandErrorReporter';
import { Commands } from '../shared/commands';
import { UserFacingError } from '../shared/userFacingError';
import type { OrderGateway } from './orderGateway';
import { reportDeclined } from './orderMessages';

/**
 * "Cancel all after N seconds" (Kraken's dead man's switch) and its countdown, shown in the status
 * bar and as the Open Orders view's message while armed. Kraken cannot be asked whether a switch is
 * armed, so the countdown covers switches armed from this window; it ends with a refresh of the
 * orders, which the exchange has cancelled by then.
 */
export class DeadManSwitch implements vscode.Disposable {
  private state: SwitchState = { armed: false };
  private readonly item = vscode.window.createStatusBarItem('krakenFutures.deadManSwitch', vscode.StatusBarAlignment.Left, 90);
  private ticker: ReturnType<typeof setInterval> | undefined;
  private readonly changed = new vscode.EventEmitter<SwitchState>();
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly deps: {
      readonly gateway: OrderGateway;
      readonly environments: Environments;
      readonly errors: CommandErrorReporter;
      readonly log: vscode.LogOutputChannel;
      readonly ordersView: vscode.TreeView<unknown>;
      /** Called when the countdown reaches zero (the orders are gone by now). */
      readonly onExpired: () => void;
    },
  ) {
    this.item.name = "Kraken Futures dead man's switch";
    this.item.command = Commands.armDeadManSwitch;
    this.subscriptions = [
      this.item,
      this.changed,
      deps.errors.registerCommand(Commands.armDeadManSwitch, (seconds?: unknown) => this.arm(seconds)),
      deps.errors.registerCommand(Commands.disarmDeadManSwitch, () => this.disarm()),
      // A switch belongs to one account: after a switch of environment this window knows nothing about it.
      deps.environments.onDidChange(() => this.show({ armed: false })),
    ];
  }

  get current(): SwitchState {
    return this.state;
  }

  /** Arms (or re-arms) the switch; `seconds` given as a number skips the prompt. Resolves to the new state. */
  async arm(seconds?: unknown): Promise<SwitchState | undefined> {
    const timeout = typeof seconds === 'number' ? seconds : await this.askSeconds();
    if (timeout === undefined) return undefined;
    const problem = checkSwitchSeconds(String(timeout));
    if (problem) throw new UserFacingError(problem);
    return this.send(timeout);
  }

  async disarm(): Promise<SwitchState | undefined> {
    return this.send(0);
  }

  private async send(timeout: number): Promise<SwitchState | undefined> {
    const label = this.deps.environments.active.label;
    const sent = await this.deps.gateway.cancelAllAfter(timeout);
    if (!sent.sent) {
      reportDeclined(timeout === 0 ? "disarming the dead man's switch" : "arming the dead man's switch", label, this.deps.log);
      return undefined;
    }
    const state = switchStateOf(sent.answer, Date.now());
    this.show(state);
    const text = state.armed
      ? `Dead man's switch armed on ${label}: every open order is cancelled at ${new Date(state.deadline).toLocaleTimeString()} unless it is re-armed or disarmed before.`
      : `Dead man's switch disarmed on ${label}.`;
    this.deps.log.info(text);
    void vscode.window.showInformationMessage(text);
    return state;
  }

  private async askSeconds(): Promise<number | undefined> {
    const text = await vscode.window.showInputBox({
      title: `Cancel all orders on ${this.deps.environments.active.label} after…`,
      prompt: "Seconds until Kraken cancels every open order unless re-armed (the dead man's switch). Kraken suggests re-arming every 15–20 s with 60.",
      value: '60',
      ignoreFocusOut: true,
      validateInput: (value) => checkSwitchSeconds(value),
    });
    return text === undefined ? undefined : Number(text.trim());
  }

  private show(state: SwitchState): void {
    this.state = state;
    if (this.ticker !== undefined) clearInterval(this.ticker);
    this.ticker = undefined;
    if (state.armed) {
      this.render();
      this.ticker = setInterval(() => this.render(), 1000);
      this.item.show();
      void vscode.commands.executeCommand('setContext', 'krakenFutures.deadManSwitchArmed', true);
    } else {
      this.item.hide();
      this.deps.ordersView.message = undefined;
      void vscode.commands.executeCommand('setContext', 'krakenFutures.deadManSwitchArmed', false);
    }
    this.changed.fire(state);
  }

  private render(): void {
    const left = secondsLeft(this.state, Date.now());
    if (left === 0) {
      this.deps.log.info("dead man's switch expired: Kraken cancels every open order now");
      this.show({ armed: false });
      this.deps.onExpired();
      return;
    }
    const countdown = formatCountdown(left);
    this.item.text = `$(watch) Cancel all in ${countdown}`;
    this.item.tooltip = `Kraken Futures dead man's switch on ${this.deps.environments.active.label}: every open order is cancelled in ${countdown}. Click to re-arm; "Disarm Dead Man's Switch" turns it off.`;
    this.item.backgroundColor = left <= 15 ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.deps.ordersView.message = `Dead man's switch armed: all orders are cancelled in ${countdown} unless re-armed.`;
  }

  dispose(): void {
    if (this.ticker !== undefined) clearInterval(this.ticker);
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
