/**
 * Plain-words meaning of the order statuses Kraken reports inside a `result:"success"` answer
 * (`sendStatus.status`, `editStatus.status`, `cancelStatus.status`; reference §4.3). A rejected
 * order is not an HTTP or API error, so without this a person only sees "success".
 */

export interface StatusExplanation {
  readonly status: string;
  /** True when the action happened (placed, filled, edited, cancelled). */
  readonly accepted: boolean;
  /** What it means, in one sentence. */
  readonly meaning: string;
  /** What to do about it, when there is something to do. */
  readonly advice?: string;
}

type Entry = readonly [accepted: boolean, meaning: string, advice?: string];

const STATUSES: Readonly<Record<string, Entry>> = {
  placed: [true, 'The order was accepted: it rests in the book, or it already executed.'],
  partiallyFilled: [true, 'Part of the order executed; the rest is still open.'],
  filled: [true, 'The order executed completely.'],
  cancelled: [true, 'The order was cancelled (possibly after partial fills).'],
  edited: [true, 'The order was changed.'],
  noOrdersToCancel: [true, 'There were no open orders to cancel.'],
  marketSuspended: [false, 'Trading in this contract is suspended.', 'Wait until the market reopens (see Kraken status notifications).'],
  marketInactive: [false, 'This contract is not trading (expired or not yet open).', 'Pick another contract, e.g. the perpetual.'],
  invalidPrice: [false, 'The price is not valid for this contract, usually not a multiple of its tick size.', 'Use a price on the tick grid shown in the instrument tooltip.'],
  invalidSize: [false, 'The size is not valid for this contract: below the minimum or not a multiple of the size step.', 'Use a multiple of the size step shown in the instrument tooltip.'],
  tooManySmallOrders: [false, 'The account has too many small open orders.', 'Cancel some small orders or place a larger one.'],
  insufficientAvailableFunds: [false, 'Not enough available margin to open this order.', 'Reduce the size, add collateral, or close other positions or orders.'],
  wouldCauseLiquidation: [false, 'Executing the order would bring the account below maintenance margin.', 'Reduce the size or add collateral.'],
  clientOrderIdAlreadyExist: [false, 'Another order already uses this client order id.', 'Use a new, unique client order id (or leave it empty).'],
  clientOrderIdTooBig: [false, 'The client order id is longer than 100 characters.', 'Shorten it.'],
  clientOrderIdTooLong: [false, 'The client order id is longer than 100 characters.', 'Shorten it.'],
  clientOrderIdInvalid: [false, 'Kraken does not accept this client order id.', 'Use letters, digits and dashes, e.g. a UUID.'],
  maxPositionViolation: [false, 'The order would take the position above the contract\'s maximum position size.', 'Reduce the size.'],
  outsidePriceCollar: [false, 'The limit price is too far from the current mark price (the price collar).', 'Use a price closer to the market.'],
  wouldIncreasePriceDislocation: [false, 'The market is dislocated and this order would make it worse.', 'Wait, or trade in the other direction.'],
  notFound: [false, 'The order was not found: it was already cancelled or filled, or never existed.', 'Refresh the open orders.'],
  orderForEditNotAStop: [false, 'Only stop orders have a stop price to edit.'],
  orderForEditNotFound: [false, 'The order to edit was not found: it was already filled or cancelled.', 'Refresh the open orders.'],
  postWouldExecute: [false, 'A post-only order would have executed immediately, so it was rejected.', 'Move the price away from the other side of the book, or use a limit order.'],
  iocWouldNotExecute: [false, 'Nothing was available at the price, so the immediate-or-cancel order was cancelled unfilled.', 'Use a price that reaches the other side of the book.'],
  selfFill: [false, 'The order would have traded against one of your own orders.', 'Cancel or move your resting order first.'],
  wouldNotReducePosition: [false, 'The order is reduce-only but would not reduce a position (no position, or same side).', 'Turn off reduce-only, or choose the side opposite to the position.'],
  marketIsPostOnly: [false, 'The market accepts post-only orders only right now.', 'Use a post-only order.'],
  tooManyOrders: [false, 'The account has reached the maximum number of open orders.', 'Cancel some open orders.'],
  fixedLeverageTooHigh: [false, 'The position\'s fixed (isolated) leverage is too high for this order.', 'Lower the leverage preference of the contract.'],
  cannotEditTriggerPriceOfTrailingStop: [false, 'The trigger price of a trailing stop cannot be edited.'],
  cannotEditLimitPriceOfTrailingStop: [false, 'The limit price of a trailing stop cannot be edited.'],
  wouldProcessAfterSpecifiedTime: [false, 'The order arrived after its processBefore time and was not processed.', 'Send it again with a later processBefore.'],
  invalidOrderType: [false, 'The order type is not one Kraken accepts (lmt, post, ioc, mkt, stp, take_profit, trailing_stop, fok).'],
  invalidSide: [false, 'The side must be buy or sell.'],
  requiredArgumentMissing: [false, 'A required parameter was missing.'],
};

export function explainStatus(status: string): StatusExplanation {
  const entry = STATUSES[status];
  if (!entry) {
    return { status, accepted: false, meaning: `Kraken answered "${status}", a status this version does not know.`, advice: 'Check the open orders to see what happened.' };
  }
  const [accepted, meaning, advice] = entry;
  return advice === undefined ? { status, accepted, meaning } : { status, accepted, meaning, advice };
}

/** One line for a notification: "Rejected: insufficientAvailableFunds — Not enough … Reduce the size, …". */
export function statusSentence(status: string): string {
  const explained = explainStatus(status);
  const advice = explained.advice ? ` ${explained.advice}` : '';
  return explained.accepted ? explained.meaning : `Rejected (${status}): ${explained.meaning}${advice}`;
}
