import { z } from 'zod';
import { decimal, id, isoTime, side, successEnvelope, symbol } from './schemaPrimitives';

/**
 * Response schemas of order entry (reference §4.3, §4.5).
 * `result:"success"` only means the request was assessed: whether the order was placed is in
 * the nested status (`sendStatus.status` etc.), which stays a plain string because Kraken keeps
 * adding values; the known ones are listed in `SEND_STATUS_VALUES`.
 */

export const SEND_STATUS_VALUES = [
  'placed', 'partiallyFilled', 'filled', 'cancelled', 'edited', 'marketSuspended', 'marketInactive',
  'invalidPrice', 'invalidSize', 'tooManySmallOrders', 'insufficientAvailableFunds', 'wouldCauseLiquidation',
  'clientOrderIdAlreadyExist', 'clientOrderIdTooBig', 'clientOrderIdTooLong', 'maxPositionViolation',
  'outsidePriceCollar', 'wouldIncreasePriceDislocation', 'notFound', 'orderForEditNotAStop',
  'orderForEditNotFound', 'postWouldExecute', 'iocWouldNotExecute', 'selfFill', 'wouldNotReducePosition',
  'marketIsPostOnly', 'tooManyOrders', 'fixedLeverageTooHigh', 'clientOrderIdInvalid',
  'cannotEditTriggerPriceOfTrailingStop', 'cannotEditLimitPriceOfTrailingStop', 'wouldProcessAfterSpecifiedTime',
  'invalidOrderType', 'invalidSide',
] as const;

export const orderJsonSchema = z.looseObject({
  orderId: id,
  cliOrdId: z.string().nullish(),
  /** `lmt` | `ioc` | `post` | `liquidation` | `assignment` | `stp` | `unwind` | `block` | `fok`. */
  type: z.string(),
  symbol,
  side,
  quantity: decimal,
  filled: decimal,
  limitPrice: decimal.nullish(),
  reduceOnly: z.boolean(),
  timestamp: isoTime,
  lastUpdateTimestamp: isoTime,
});

export const orderTriggerJsonSchema = z.looseObject({
  uid: id,
  clientId: z.string().nullish(),
  type: z.string(),
  symbol,
  side,
  quantity: decimal.nullish(),
  limitPrice: decimal.nullish(),
  triggerPrice: decimal,
  triggerSide: z.string(),
  triggerSignal: z.string(),
  reduceOnly: z.boolean(),
  timestamp: isoTime,
  lastUpdateTimestamp: isoTime,
  startTime: isoTime.nullish(),
});

/** One order event; which fields are present depends on `type` (PLACE, CANCEL, EDIT, REJECT, EXECUTION). */
export const orderEventSchema = z.looseObject({
  type: z.string(),
  uid: id.optional(),
  order: orderJsonSchema.optional(),
  orderTrigger: orderTriggerJsonSchema.optional(),
  old: orderJsonSchema.optional(),
  new: orderJsonSchema.optional(),
  reducedQuantity: decimal.nullish(),
  reason: z.string().optional(),
  executionId: id.optional(),
  price: decimal.optional(),
  amount: decimal.optional(),
  orderPriorEdit: orderJsonSchema.nullish(),
  orderPriorExecution: orderJsonSchema.optional(),
  takerReducedQuantity: decimal.nullish(),
});

export const sendStatusSchema = z.looseObject({
  /** Absent on some rejections. */
  order_id: id.optional(),
  status: z.string(),
  receivedTime: isoTime.optional(),
  cliOrdId: z.string().nullish(),
  orderEvents: z.array(orderEventSchema).optional(),
});

export const sendOrderResponse = z.looseObject({ ...successEnvelope, sendStatus: sendStatusSchema });

export const editStatusSchema = z.looseObject({
  status: z.string(),
  orderId: id.optional(),
  cliOrdId: z.string().nullish(),
  receivedTime: isoTime.optional(),
  orderEvents: z.array(orderEventSchema).optional(),
});

export const editOrderResponse = z.looseObject({ ...successEnvelope, editStatus: editStatusSchema });

export const cancelStatusSchema = z.looseObject({
  /** `cancelled` | `filled` | `notFound`. */
  status: z.string(),
  order_id: id.optional(),
  cliOrdId: z.string().nullish(),
  receivedTime: isoTime.optional(),
  orderEvents: z.array(orderEventSchema).optional(),
});

export const cancelOrderResponse = z.looseObject({ ...successEnvelope, cancelStatus: cancelStatusSchema });

export const cancelAllStatusSchema = z.looseObject({
  /** `cancelled` | `noOrdersToCancel`. */
  status: z.string(),
  receivedTime: isoTime.optional(),
  /** `all` or the symbol. */
  cancelOnly: z.string().optional(),
  cancelledOrders: z.array(z.looseObject({ order_id: id, cliOrdId: z.string().nullish() })).optional(),
  orderEvents: z.array(orderEventSchema).optional(),
});

export const cancelAllOrdersResponse = z.looseObject({ ...successEnvelope, cancelStatus: cancelAllStatusSchema });

export const deadManSwitchStatusSchema = z.looseObject({
  currentTime: isoTime,
  /** The string `"0"` when the switch is disarmed. */
  triggerTime: z.string(),
});

export const cancelAllOrdersAfterResponse = z.looseObject({ ...successEnvelope, status: deadManSwitchStatusSchema });

export const batchStatusEntrySchema = z.looseObject({
  status: z.string(),
  order_tag: z.string().nullish(),
  order_id: id.nullish(),
  cliOrdId: z.string().nullish(),
  dateTimeReceived: isoTime.nullish(),
  orderEvents: z.array(orderEventSchema).optional(),
});

export const batchOrderResponse = z.looseObject({ ...successEnvelope, batchStatus: z.array(batchStatusEntrySchema) });

export type OrderJson = z.output<typeof orderJsonSchema>;
export type OrderTriggerJson = z.output<typeof orderTriggerJsonSchema>;
export type OrderEvent = z.output<typeof orderEventSchema>;
export type SendStatus = z.output<typeof sendStatusSchema>;
export type EditStatus = z.output<typeof editStatusSchema>;
export type CancelStatus = z.output<typeof cancelStatusSchema>;
export type CancelAllStatus = z.output<typeof cancelAllStatusSchema>;
export type DeadManSwitchStatus = z.output<typeof deadManSwitchStatusSchema>;
export type BatchStatusEntry = z.output<typeof batchStatusEntrySchema>;
export type SendStatusValue = (typeof SEND_STATUS_VALUES)[number];
