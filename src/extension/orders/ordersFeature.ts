import * as vscode from 'vscode';
import type { Environments, LiveGuard } from '../environments/environment';
import type { ExplorerFeature } from '../explorer/explorerFeature';
import { PRIVATE_SECTIONS } from '../explorer/sectionState';
import type { CommandErrorReporter } from '../shared/commandErrorReporter';
import { DeadManSwitch } from './deadManSwitch';
import { registerOrderCommands } from './orderCommands';
import { OrderGateway } from './orderGateway';
import { registerPlaceOrder } from './placeOrderCommand';
import { QuickInputSteps } from './quickInputSteps';

export interface OrdersFeature extends vscode.Disposable {
  readonly gateway: OrderGateway;
  /** Every quick-order step as it is shown (the tests drive the real widgets through it). */
  readonly steps: QuickInputSteps;
  readonly deadManSwitch: DeadManSwitch;
}

/**
 * Order entry: the quick order, cancel/edit/close/cancel-all, and the dead man's switch. Every
 * order-changing request goes through one gateway (live guard first), and every action refreshes
 * the private views of the explorer.
 */
export function registerOrders(deps: {
  readonly explorer: ExplorerFeature;
  readonly environments: Environments;
  readonly guard: LiveGuard;
  readonly errors: CommandErrorReporter;
  readonly log: vscode.LogOutputChannel;
}): OrdersFeature {
  const { explorer, environments, errors, log } = deps;
  const model = explorer.model;
  const gateway = new OrderGateway({ environments, guard: deps.guard, log });
  const steps = new QuickInputSteps();
  const refreshAccount = () => void model.refresh(PRIVATE_SECTIONS);
  const deadManSwitch = new DeadManSwitch({ gateway, environments, errors, log, ordersView: explorer.views.orders, onExpired: refreshAccount });
  const disposables: vscode.Disposable[] = [
    gateway.onDidAct(refreshAccount),
    registerPlaceOrder({ model, gateway, steps, environments, errors, log }),
    registerOrderCommands({ model, gateway, environments, errors, log }),
    deadManSwitch,
    steps,
    gateway,
  ];
  return {
    gateway,
    steps,
    deadManSwitch,
    dispose: () => {
      for (const d of disposables) d.dispose();
    },
  };
}
