import * as vscode from 'vscode';
import { endpointById, formatNumber, type CancelAllStatus, type CancelStatus, type DeadManSwitchStatus, type EditStatus, type SendStatus } from '../../core/catalog';
import { sendOrderParams, type OrderDraft } from '../../core/orders';
import type { Environments, LiveGuard } from '../environments/environment';

/**
 * The one door every order-changing request of the explorer and the quick order goes through:
 * it asks the live guard with the exact parameters, sends exactly those parameters, and announces
 * the action so the views refresh (also after a failure: a timed-out order may still have arrived).
 */

export type GatewayOutcome<T> = { readonly sent: false } | { readonly sent: true; readonly answer: T };

export interface OrderAction {
  readonly endpointId: string;
  readonly sent: boolean;
}

export interface EditChanges {
  readonly size?: string;
  readonly limitPrice?: string;
  readonly stopPrice?: string;
}

export class OrderGateway implements vscode.Disposable {
  private readonly acted = new vscode.EventEmitter<OrderAction>();
  /** Fires after every attempted order action (sent or declined). */
  readonly onDidAct = this.acted.event;

  constructor(private readonly deps: { readonly environments: Environments; readonly guard: LiveGuard; readonly log: vscode.LogOutputChannel }) {}

  send(draft: OrderDraft): Promise<GatewayOutcome<SendStatus>> {
    return this.guarded('sendorder', sendOrderParams(draft), (body) => body.sendStatus as SendStatus);
  }

  cancel(orderId: string): Promise<GatewayOutcome<CancelStatus>> {
    return this.guarded('cancelorder', [['order_id', orderId]], (body) => body.cancelStatus as CancelStatus);
  }

  /** Changes price and/or size; `size` is the new remaining open size (Kraken's default qtyMode RELATIVE). */
  edit(orderId: string, changes: EditChanges): Promise<GatewayOutcome<EditStatus>> {
    const params: Array<[string, string]> = [['orderId', orderId]];
    if (changes.size !== undefined) params.push(['size', changes.size]);
    if (changes.limitPrice !== undefined) params.push(['limitPrice', changes.limitPrice]);
    if (changes.stopPrice !== undefined) params.push(['stopPrice', changes.stopPrice]);
    return this.guarded('editorder', params, (body) => body.editStatus as EditStatus);
  }

  cancelAll(symbol?: string): Promise<GatewayOutcome<CancelAllStatus>> {
    return this.guarded('cancelallorders', symbol ? [['symbol', symbol]] : [], (body) => body.cancelStatus as CancelAllStatus);
  }

  /** Arms the dead man's switch for `seconds`; 0 disarms it. */
  cancelAllAfter(seconds: number): Promise<GatewayOutcome<DeadManSwitchStatus>> {
    return this.guarded('cancelallordersafter', [['timeout', formatNumber(seconds)]], (body) => body.status as DeadManSwitchStatus);
  }

  private async guarded<T>(endpointId: string, params: Array<[string, string]>, pick: (body: Record<string, unknown>) => T): Promise<GatewayOutcome<T>> {
    const endpoint = endpointById(endpointId);
    if (!endpoint) throw new Error(`the catalog has no ${endpointId} endpoint`);
    const environment = this.deps.environments.active;
    // Credentials first: a request that cannot be signed should not ask for a live confirmation.
    const client = await this.deps.environments.client({ requireCredentials: true });
    if (!(await this.deps.guard.confirm({ endpoint, params }))) {
      this.deps.log.info(`${endpointId} on ${environment.label}: not confirmed, nothing sent`);
      this.acted.fire({ endpointId, sent: false });
      return { sent: false };
    }
    try {
      const body = await client.payload<Record<string, unknown>>(endpointId, params);
      return { sent: true, answer: pick(body) };
    } finally {
      this.acted.fire({ endpointId, sent: true });
    }
  }

  dispose(): void {
    this.acted.dispose();
  }
}
