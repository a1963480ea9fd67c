import { krakenError, success } from '../http/envelopes';
import type { Handler } from './handlerTypes';

/**
 * Transfers between the account's own wallets (reference §4.4). The simulator has one user and
 * no Spot wallet, so subaccount transfers and withdrawals are answered as Kraken answers an
 * account without them.
 */

const transfer: Handler = (ctx) => {
  const { exchange, now } = ctx;
  const from = ctx.params.required('fromAccount').toLowerCase();
  const to = ctx.params.required('toAccount').toLowerCase();
  const unit = ctx.params.required('unit').toUpperCase();
  const amount = ctx.params.number('amount');
  const wallets = exchange.state.balances;
  if (!wallets.has(from) || !wallets.has(to) || from === to) return krakenError(now, 'invalidAccount');
  // Coin margin accounts hold only their coin (fi_xbtusd holds XBT).
  const holds = (account: string) => account === 'cash' || account === 'flex' || account.slice(3, -3).toUpperCase() === unit;
  if (!/^[A-Z]{2,5}$/.test(unit) || !holds(from) || !holds(to)) return krakenError(now, 'invalidUnit');
  if (amount === undefined || !(amount > 0)) return krakenError(now, 'invalidAmount');
  if (amount > exchange.state.balance(from, unit) + 1e-12) return krakenError(now, 'insufficientFunds');
  if (from === 'flex' || exchange.instruments.all.some((s) => s.marginAccount === from)) {
    // Moving collateral out must not leave open positions and orders short of margin.
    const totals = exchange.portfolio.totals(from, now);
    const value = amount * (from === 'flex' ? exchange.portfolio.usdPrice(unit, now) : 1);
    if (totals.available - value < 0) return krakenError(now, 'insufficientFunds');
  }
  exchange.engine.commit({ k: 'transfer', t: now, from, to, currency: unit, amount });
  return success(now, {});
};

export const transferHandlers: Readonly<Record<string, Handler>> = {
  transfer,
  'transfer.subaccount': (ctx) => krakenError(ctx.now, 'invalidAccount'),
  withdrawal: (ctx) => krakenError(ctx.now, 'Unavailable'),
};
