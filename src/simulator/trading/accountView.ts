import type { SimulatedExchange } from '../exchange';
import { roundTo } from '../market/decimals';
import { HAIRCUTS } from './portfolio';
import { unrealizedPnl } from './positionMath';

/** The `/accounts` payload: cash, the flex (multi-collateral) account and the coin margin accounts. */

const r = (x: number, d = 8): number => roundTo(x, d);

function flexAccount(ex: SimulatedExchange, now: number): Record<string, unknown> {
  const totals = ex.portfolio.totals('flex', now);
  const currencies: Record<string, unknown> = {};
  for (const [ccy, quantity] of ex.state.balances.get('flex') ?? []) {
    const value = quantity * ex.portfolio.usdPrice(ccy, now);
    currencies[ccy] = {
      quantity: r(quantity), value: r(value, 2), collateral: r(value > 0 ? value * (1 - (HAIRCUTS[ccy] ?? 0.1)) : value, 2),
      available: r(ccy === 'USD' ? Math.min(quantity, Math.max(0, totals.available)) : quantity),
    };
  }
  return {
    type: 'multiCollateralMarginAccount', currencies,
    initialMargin: r(totals.initialMargin, 2), initialMarginWithOrders: r(totals.initialMarginWithOrders, 2),
    maintenanceMargin: r(totals.maintenanceMargin, 2), balanceValue: r(totals.balanceValue, 2),
    portfolioValue: r(totals.balanceValue + totals.unrealized, 2), collateralValue: r(totals.collateralValue, 2),
    pnl: r(totals.unrealized, 2), unrealizedFunding: 0, totalUnrealized: r(totals.unrealized, 2),
    totalUnrealizedAsMargin: r(totals.unrealized, 2), availableMargin: r(totals.available, 2), marginEquity: r(totals.equity, 2),
  };
}

/**
 * Legacy coin-margined account. Thresholds follow Kraken's sample ratios (lt = 5/3 mm, tt = 2/3 mm);
 * trigger estimates are the mark prices at which portfolio value meets each threshold, for the
 * account's largest position.
 */
function marginAccount(ex: SimulatedExchange, account: string, now: number): Record<string, unknown> {
  const totals = ex.portfolio.totals(account, now);
  const coin = account.slice(3, -3).toUpperCase();
  const balances: Record<string, number> = { [coin.toLowerCase()]: r(ex.state.balance(account, coin)) };
  let largest: { size: number; price: number; rate: number; mmRate: number } | null = null;
  for (const spec of ex.instruments.all) {
    if (spec.marginAccount !== account) continue;
    const position = ex.state.positions.get(spec.symbol);
    if (!position) continue;
    balances[spec.symbol] = position.size;
    const tier = spec.marginLevels[0];
    if (!largest || Math.abs(position.size) > Math.abs(largest.size)) {
      largest = { size: position.size, price: position.price, rate: tier.initialMargin, mmRate: tier.maintenanceMargin };
    }
  }
  const mm = totals.maintenanceMargin;
  const thresholds = { im: totals.initialMargin, mm, lt: (mm * 5) / 3, tt: (mm * 2) / 3 };
  const estimate = (rate: number): number => {
    if (!largest) return 0;
    // balance + S(1/entry − 1/P) = rate·|S|/P  ⇒  P = (S + rate·|S|) / (balance + S/entry)
    const p = (largest.size + rate * Math.abs(largest.size)) / (totals.balanceValue + largest.size / largest.price);
    return p > 0 && Number.isFinite(p) ? r(p, 1) : 0;
  };
  const mmRate = largest?.mmRate ?? 0;
  return {
    type: 'marginAccount', currency: coin.toLowerCase(), balances,
    auxiliary: { usd: 0, pv: r(totals.balanceValue + totals.unrealized), pnl: r(totals.unrealized), af: r(totals.available), funding: 0 },
    marginRequirements: { im: r(thresholds.im), mm: r(thresholds.mm), lt: r(thresholds.lt), tt: r(thresholds.tt) },
    triggerEstimates: {
      im: estimate(largest?.rate ?? 0), mm: estimate(mmRate), lt: estimate((mmRate * 5) / 3), tt: estimate((mmRate * 2) / 3),
    },
  };
}

export function accountsJson(ex: SimulatedExchange, now: number): Record<string, unknown> {
  const accounts: Record<string, unknown> = {};
  const cash: Record<string, string> = {};
  for (const [ccy, qty] of ex.state.balances.get('cash') ?? []) cash[ccy.toLowerCase()] = String(r(qty));
  accounts.cash = { type: 'cashAccount', balances: cash };
  for (const name of ex.state.balances.keys()) {
    if (name !== 'cash' && name !== 'flex') accounts[name] = marginAccount(ex, name, now);
  }
  accounts.flex = flexAccount(ex, now);
  return accounts;
}

export function openPositionsJson(ex: SimulatedExchange, now: number): Array<Record<string, unknown>> {
  return [...ex.state.positions.values()]
    .sort((a, b) => a.fillTime - b.fillTime)
    .map((p) => {
      const spec = ex.engine.spec(p.symbol);
      const upnl = unrealizedPnl(spec.kind, spec.contractSize, p.size, p.price, ex.market.mark(spec, now));
      const leverage = ex.state.leverage.get(p.symbol);
      return {
        side: p.size > 0 ? 'long' : 'short', symbol: p.symbol, price: p.price, fillTime: new Date(p.fillTime).toISOString(),
        size: Math.abs(p.size), unrealizedFunding: 0, unrealizedPnl: upnl,
        // Kraken names bitcoin BTC in pnlCurrency even though symbols say XBT.
        pnlCurrency: spec.kind === 'linear' ? (ex.state.pnlCurrency.get(p.symbol) ?? 'USD') : spec.settlementCurrency.replace('XBT', 'BTC'),
        ...(leverage !== undefined ? { maxFixedLeverage: leverage } : {}),
      };
    });
}
