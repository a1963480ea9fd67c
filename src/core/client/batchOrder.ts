/**
 * batchorder takes ONE form field, `json`, whose value is the JSON text `{"batchOrder":[...]}`
 * (reference §2.6). Sent URL-encoded like any other value: raw JSON in the body breaks as soon
 * as it contains `&`, `+` or `%`, and Python-repr payloads give `Json Parse Error`.
 */

type OrderType = 'lmt' | 'post' | 'ioc' | 'mkt' | 'stp' | 'take_profit' | 'trailing_stop' | 'fok';

export interface BatchSendInstruction {
  readonly order: 'send';
  /** Required by Kraken; ties the answer in `batchStatus` to this instruction. */
  readonly order_tag: string;
  readonly orderType: OrderType;
  readonly symbol: string;
  readonly side: 'buy' | 'sell';
  readonly size: number;
  readonly limitPrice?: number;
  readonly stopPrice?: number;
  readonly cliOrdId?: string;
  readonly triggerSignal?: 'mark' | 'index' | 'last';
  readonly reduceOnly?: boolean;
  readonly trailingStopMaxDeviation?: number;
  readonly trailingStopDeviationUnit?: 'PERCENT' | 'QUOTE_CURRENCY';
}

export interface BatchEditInstruction {
  readonly order: 'edit';
  readonly order_id: string;
  readonly cliOrdId?: string;
  readonly size?: number;
  readonly limitPrice?: number;
  readonly stopPrice?: number;
  readonly trailingStopMaxDeviation?: number;
  readonly trailingStopDeviationUnit?: 'PERCENT' | 'QUOTE_CURRENCY';
  readonly qtyMode?: 'ABSOLUTE' | 'RELATIVE';
}

export type BatchCancelInstruction =
  | { readonly order: 'cancel'; readonly order_id: string }
  | { readonly order: 'cancel'; readonly cliOrdId: string };

export type BatchInstruction = BatchSendInstruction | BatchEditInstruction | BatchCancelInstruction;

/**
 * The parameters of a batchorder request, in wire order: `json` first, then `processBefore`.
 * Pass the result to `buildParamString` or `client.call('batchorder', ...)`.
 */
export function batchOrderParams(instructions: readonly BatchInstruction[], processBefore?: string): Array<[string, string]> {
  if (instructions.length === 0) throw new RangeError('A batch needs at least one instruction.');
  instructions.forEach((instruction, i) => {
    if (instruction.order === 'send' && !instruction.order_tag) {
      throw new RangeError(`Instruction ${i + 1} (send) needs an order_tag: Kraken uses it to report the result of that order.`);
    }
  });
  const params: Array<[string, string]> = [['json', JSON.stringify({ batchOrder: instructions })]];
  if (processBefore !== undefined) params.push(['processBefore', processBefore]);
  return params;
}
