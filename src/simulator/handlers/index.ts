import { accountHandlers } from './account';
import { batchOrderHandlers } from './batchOrder';
import { chartHandlers } from './charts';
import type { Handler } from './handlerTypes';
import { historyHandlers } from './history';
import { marketDataHandlers } from './marketData';
import { orderHandlers } from './orders';
import { transferHandlers } from './transfers';

/** Every handler, keyed by the endpoint id of the catalog entry it serves. */
export const HANDLERS: Readonly<Record<string, Handler>> = {
  ...marketDataHandlers,
  ...accountHandlers,
  ...orderHandlers,
  ...batchOrderHandlers,
  ...transferHandlers,
  ...historyHandlers,
  ...chartHandlers,
};

export type { Handler, HandlerContext } from './handlerTypes';
