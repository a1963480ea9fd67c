import { z } from 'zod';
import { orderJsonSchema } from './orderSchemas';
import { decimal, id, isoTime, side, successEnvelope, symbol } from './schemaPrimitives';

/** Response schemas of the private account endpoints (reference §4.2). */

export const cashAccountSchema = z.looseObject({
  type: z.literal('cashAccount'),
  balances: z.record(z.string(), decimal),
});

const flexCurrencySchema = z.looseObject({
  quantity: decimal,
  value: decimal.optional(),
  collateral: decimal.optional(),
  available: decimal.optional(),
});

/** The multi-collateral ("flex") wallet; aggregate figures are in USD. */
export const flexAccountSchema = z.looseObject({
  type: z.literal('multiCollateralMarginAccount'),
  currencies: z.record(z.string(), flexCurrencySchema),
  initialMargin: decimal.optional(),
  initialMarginWithOrders: decimal.optional(),
  maintenanceMargin: decimal.optional(),
  balanceValue: decimal.optional(),
  portfolioValue: decimal.optional(),
  collateralValue: decimal.optional(),
  pnl: decimal.optional(),
  unrealizedFunding: decimal.optional(),
  totalUnrealized: decimal.optional(),
  totalUnrealizedAsMargin: decimal.optional(),
  availableMargin: decimal.optional(),
  marginEquity: decimal.optional(),
});

const marginFigures = z.looseObject({ im: decimal, mm: decimal, lt: decimal, tt: decimal });

/** Legacy single-collateral margin accounts, keyed in lower case (`fi_xbtusd`). */
export const marginAccountSchema = z.looseObject({
  type: z.literal('marginAccount'),
  currency: z.string().optional(),
  balances: z.record(z.string(), decimal),
  auxiliary: z.looseObject({ usd: decimal, pv: decimal, pnl: decimal, af: decimal, funding: decimal }).partial().optional(),
  marginRequirements: marginFigures.optional(),
  triggerEstimates: marginFigures.optional(),
});

const KNOWN_ACCOUNT_TYPES = ['cashAccount', 'multiCollateralMarginAccount', 'marginAccount'];

/** An account type this version does not model; kept as-is instead of failing the whole response. */
const otherAccountSchema = z.looseObject({
  type: z.string().refine((t) => !KNOWN_ACCOUNT_TYPES.includes(t), 'known account type with unexpected fields'),
});

export const accountSchema = z.union([cashAccountSchema, flexAccountSchema, marginAccountSchema, otherAccountSchema]);

/** `cash` and `flex` by name; every other key is a legacy margin account (or a type not modelled yet). */
export const accountsSchema = z
  .object({ cash: cashAccountSchema.optional(), flex: flexAccountSchema.optional() })
  .catchall(z.union([marginAccountSchema, otherAccountSchema]));

export const accountsResponse = z.looseObject({ ...successEnvelope, accounts: accountsSchema });

/** The legacy margin accounts by key (`fi_xbtusd`, ...). */
export function marginAccountsOf(accounts: Accounts): Array<[string, MarginAccount]> {
  return Object.entries(accounts).filter((entry): entry is [string, MarginAccount] => (entry[1] as { type?: string } | undefined)?.type === 'marginAccount');
}

export const openPositionSchema = z.looseObject({
  symbol,
  side: z.enum(['long', 'short']),
  /** Unsigned. */
  size: decimal,
  /** Average entry price. */
  price: decimal,
  fillTime: isoTime.optional(),
  unrealizedPnl: decimal.nullish(),
  unrealizedFunding: decimal.nullish(),
  pnlCurrency: z.string().nullish(),
  /** Present means the position is isolated. */
  maxFixedLeverage: decimal.nullish(),
});

export const openPositionsResponse = z.looseObject({ ...successEnvelope, openPositions: z.array(openPositionSchema) });

export const openOrderSchema = z.looseObject({
  order_id: id,
  cliOrdId: z.string().nullish(),
  /** `untouched` | `partiallyFilled`. */
  status: z.string(),
  side,
  /** The docs disagree (`lmt`/`stop`/`take_profit` vs `stp`): any text is accepted. */
  orderType: z.string(),
  symbol,
  limitPrice: decimal.nullish(),
  stopPrice: decimal.nullish(),
  filledSize: decimal,
  unfilledSize: decimal,
  reduceOnly: z.boolean().optional(),
  triggerSignal: z.string().nullish(),
  receivedTime: isoTime,
  lastUpdateTime: isoTime.optional(),
});

export const openOrdersResponse = z.looseObject({ ...successEnvelope, openOrders: z.array(openOrderSchema) });

export const fillSchema = z.looseObject({
  fill_id: id,
  order_id: id,
  cliOrdId: z.string().nullish(),
  symbol,
  side,
  size: decimal,
  price: decimal,
  fillTime: isoTime,
  fillType: z.string(),
  realized_pnl: decimal.nullish(),
  sequence_id: decimal.nullish(),
});

export const fillsResponse = z.looseObject({ ...successEnvelope, fills: z.array(fillSchema) });

export const notificationSchema = z.looseObject({
  type: z.string(),
  priority: z.string(),
  note: z.string(),
  effectiveTime: isoTime.optional(),
  expectedDowntimeMinutes: decimal.nullish(),
});

export const notificationsResponse = z.looseObject({ ...successEnvelope, notifications: z.array(notificationSchema) });

export const leveragePreferenceSchema = z.looseObject({ symbol, maxLeverage: decimal });

export const leveragePreferencesResponse = z.looseObject({
  ...successEnvelope,
  leveragePreferences: z.array(leveragePreferenceSchema),
});

/** The element shape of `preferences` is not documented; `{symbol, pnlCurrency}` is the likely one. */
export const pnlPreferencesResponse = z.looseObject({
  ...successEnvelope,
  preferences: z.array(z.looseObject({ symbol: symbol.optional(), pnlCurrency: z.string().optional() })),
});

/** Endpoints that answer only `{result, serverTime}` (PUT preferences, transfers). */
export const plainSuccessResponse = z.looseObject(successEnvelope);

export const orderStatusEntrySchema = z.looseObject({
  /** The order-event order shape of sendorder & co., plus the trigger fields of stop orders. */
  order: orderJsonSchema.extend({
    priceTriggerOptions: z
      .looseObject({ triggerPrice: decimal, triggerSide: z.string(), triggerSignal: z.string() })
      .nullish(),
    triggerTime: isoTime.nullish(),
  }),
  /** `ENTERED_BOOK` | `FULLY_EXECUTED` | `REJECTED` | `CANCELLED` | `TRIGGER_PLACED` | `TRIGGER_ACTIVATION_FAILURE`. */
  status: z.string(),
  updateReason: z.string().nullish(),
  error: z.string().nullish(),
});

export const orderStatusResponse = z.looseObject({ ...successEnvelope, orders: z.array(orderStatusEntrySchema) });

export type CashAccount = z.output<typeof cashAccountSchema>;
export type FlexAccount = z.output<typeof flexAccountSchema>;
export type MarginAccount = z.output<typeof marginAccountSchema>;
export type Account = z.output<typeof accountSchema>;
/**
 * Written out rather than inferred: the inferred type is an intersection that object literals
 * (test fixtures, `{ cash }`) cannot satisfy. The schema's output is assignable to it.
 */
export interface Accounts {
  readonly cash?: CashAccount;
  readonly flex?: FlexAccount;
  readonly [key: string]: Account | undefined;
}
export type OpenPosition = z.output<typeof openPositionSchema>;
export type OpenOrder = z.output<typeof openOrderSchema>;
export type Fill = z.output<typeof fillSchema>;
export type Notification = z.output<typeof notificationSchema>;
export type LeveragePreference = z.output<typeof leveragePreferenceSchema>;
export type OrderStatusEntry = z.output<typeof orderStatusEntrySchema>;
