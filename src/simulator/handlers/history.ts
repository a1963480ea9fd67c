import type { HistoryElement } from '../trading/historyRecorder';
import type { Handler, HandlerContext } from './handlerTypes';
import { historyAnswer, page, pagingQuery } from './historyPaging';
import { publicHistoryHandlers } from './publicHistory';

/** The private history API (`/api/history/v2|v3/...`, reference §4.6). */

const ACCOUNT_LOG_DEFAULT = 500;

function eventsHandler(pick: (ctx: HandlerContext) => readonly HistoryElement[], openClosed: boolean): Handler {
  return (ctx) => {
    const q = pagingQuery(ctx.params);
    const tradeable = ctx.params.text('tradeable')?.toUpperCase();
    const opened = openClosed ? ctx.params.boolean('opened') : undefined;
    const closed = openClosed ? ctx.params.boolean('closed') : undefined;
    const { state } = ctx.exchange;
    const isOpen = (e: HistoryElement) => e.orderId !== null && (state.orders.has(e.orderId) || state.triggers.has(e.orderId));
    const wanted = pick(ctx).filter((e) => {
      if (tradeable !== undefined && e.tradeable !== tradeable) return false;
      if (opened === undefined && closed === undefined) return true;
      return isOpen(e) ? opened === true : closed === true;
    });
    const result = page(wanted, (e) => e.timestamp, q);
    return historyAnswer(ctx, {
      accountUid: ctx.exchange.identity.accountUid, len: result.items.length,
      elements: result.items.map((e) => ({ uid: e.uid, timestamp: e.timestamp, event: e.event })),
    }, result.continuationToken);
  };
}

function accountLogEntries(ctx: HandlerContext) {
  const from = ctx.params.integer('from');
  const to = ctx.params.integer('to');
  const info = ctx.params.all('info');
  return ctx.exchange.state.history.accountLog.filter((e) =>
    (from === undefined || e.id >= from) && (to === undefined || e.id <= to) && (info.length === 0 || info.includes(e.info)));
}

const accountLog: Handler = (ctx) => {
  const q = pagingQuery(ctx.params, ACCOUNT_LOG_DEFAULT);
  const result = page(accountLogEntries(ctx), (e) => e.date, { ...q, offset: 0 });
  const logs = result.items.map((e) => ({ ...e, date: new Date(e.date).toISOString() }));
  return { status: 200, body: { accountUid: ctx.exchange.identity.accountUid, logs } };
};

const CSV_COLUMNS = ['id', 'date', 'info', 'asset', 'contract', 'margin_account', 'old_balance', 'new_balance', 'trade_price', 'mark_price', 'fee', 'realized_pnl', 'execution'];

function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const accountLogCsv: Handler = (ctx) => {
  const rows = ctx.exchange.state.history.accountLog.map((e) =>
    CSV_COLUMNS.map((c) => csvCell(c === 'date' ? new Date(e.date).toISOString() : e[c])).join(','));
  return { status: 200, body: null, text: [CSV_COLUMNS.join(','), ...rows].join('\n') + '\n', contentType: 'text/csv' };
};

const privateHistory: Readonly<Record<string, Handler>> = {
  executions: eventsHandler((ctx) => ctx.exchange.state.history.executions, false),
  orders: eventsHandler((ctx) => ctx.exchange.state.history.orders, true),
  triggers: eventsHandler((ctx) => ctx.exchange.state.history.triggers, true),
  positions: eventsHandler((ctx) => ctx.exchange.state.history.positions, false),
  accountlog: accountLog,
  accountlogcsv: accountLogCsv,
};

/** Both versions of every history endpoint (the catalog lists v3 ids and `history.v2.*` aliases). */
export const historyHandlers: Readonly<Record<string, Handler>> = Object.fromEntries(
  Object.entries({ ...privateHistory, ...publicHistoryHandlers }).flatMap(([name, handler]) => [
    [`history.${name}`, handler],
    [`history.v2.${name}`, handler],
  ]),
);
