import type { CloseReason, FillType, Order, TriggerOrder } from './types';

/**
 * Every change to the account is one of these events. The engine decides, `AccountState.apply`
 * changes memory, and the journal stores the same events, so a restart replays decisions that
 * were already taken instead of taking them again (no second fill, no second order).
 */

export type TradingEvent =
  | { readonly k: 'deposit'; readonly t: number; readonly account: string; readonly currency: string; readonly amount: number }
  | { readonly k: 'orderOpened'; readonly t: number; readonly order: Order }
  | { readonly k: 'orderRejected'; readonly t: number; readonly order: Order | null; readonly trigger: TriggerOrder | null; readonly status: string }
  | {
      readonly k: 'execution'; readonly t: number; readonly executionId: string; readonly orderId: string;
      readonly price: number; readonly size: number; readonly fillType: FillType; readonly fee: number;
      readonly mark: number; readonly tradeId: number;
      /** Currency realised PnL is paid in, and USD per unit of it (1 for USD). */
      readonly pnlCurrency: string; readonly pnlRate: number;
    }
  | { readonly k: 'orderEdited'; readonly t: number; readonly orderId: string; readonly quantity: number; readonly limitPrice: number }
  | { readonly k: 'orderClosed'; readonly t: number; readonly orderId: string; readonly reason: CloseReason }
  | { readonly k: 'triggerPlaced'; readonly t: number; readonly trigger: TriggerOrder }
  | {
      readonly k: 'triggerEdited'; readonly t: number; readonly orderId: string; readonly quantity: number;
      readonly limitPrice: number | null; readonly triggerPrice: number; readonly extreme: number | null;
    }
  | { readonly k: 'triggerClosed'; readonly t: number; readonly orderId: string; readonly reason: CloseReason }
  | { readonly k: 'triggerActivated'; readonly t: number; readonly orderId: string; readonly signalPrice: number }
  | { readonly k: 'deadManSwitch'; readonly t: number; readonly triggerTime: number | null }
  | { readonly k: 'transfer'; readonly t: number; readonly from: string; readonly to: string; readonly currency: string; readonly amount: number }
  | { readonly k: 'preference'; readonly t: number; readonly kind: 'leverage' | 'pnl'; readonly symbol: string; readonly value: number | string | null };
