import type { Accounts } from '../../core/catalog';
import { formatAmount, isFiatLike } from '../../core/orders';
import type { AccountNode, AccountRowNode } from './explorerNodes';

/**
 * The `/accounts` answer as rows (reference §4.2): the multi-collateral (flex) account first, with
 * available margin on top, then cash, then the coin margin accounts of inverse contracts. Pure.
 */

type Loose = Record<string, unknown>;

const num = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

function money(amount: number, currency: string): string {
  return `${isFiatLike(currency) ? formatAmount(amount, 2, 2) : formatAmount(amount, 8)} ${currency}`;
}

function row(account: string, key: string, label: string, value: string, extra: Partial<AccountRowNode> = {}): AccountRowNode {
  return { kind: 'accountRow', id: `account:${account}:${key}`, label, value, ...extra };
}

function flexNode(flex: Loose): AccountNode {
  const rows: AccountRowNode[] = [];
  const figure = (key: string, label: string, detail?: string, emphasis = false) => {
    const value = num(flex[key]);
    if (value !== undefined) rows.push(row('flex', key, label, money(value, 'USD'), { ...(emphasis ? { emphasis } : {}), ...(detail ? { detail } : {}) }));
  };
  figure('availableMargin', 'Available margin', 'Margin equity minus the initial margin of positions and open orders: what new orders can use.', true);
  figure('marginEquity', 'Margin equity', 'Collateral value after haircuts plus unrealised PnL.');
  figure('portfolioValue', 'Portfolio value');
  figure('collateralValue', 'Collateral value', 'Balances valued in USD after haircuts.');
  figure('initialMarginWithOrders', 'Initial margin (with orders)');
  figure('initialMargin', 'Initial margin (positions)');
  figure('maintenanceMargin', 'Maintenance margin', 'Below this equity, positions are liquidated.');
  figure('totalUnrealized', 'Unrealised PnL');
  const currencies = (flex.currencies ?? {}) as Record<string, Loose>;
  for (const [currency, figures] of Object.entries(currencies).sort(([a], [b]) => a.localeCompare(b))) {
    const quantity = num(figures.quantity);
    if (quantity === undefined) continue;
    const value = num(figures.value);
    const available = num(figures.available);
    const parts = [value !== undefined && currency !== 'USD' ? `≈ ${money(value, 'USD')}` : '', available !== undefined ? `available ${formatAmount(available, 8)}` : ''].filter(Boolean);
    rows.push(row('flex', `currency:${currency}`, `${currency} balance`, `${money(quantity, currency)}${parts.length ? ` (${parts.join(', ')})` : ''}`));
  }
  const available = num(flex.availableMargin);
  return {
    kind: 'account', id: 'account:flex', key: 'flex', title: 'Multi-collateral (flex)',
    ...(available !== undefined ? { summary: `available ${money(available, 'USD')}` } : {}),
    children: rows,
  };
}

function cashNode(cash: Loose): AccountNode {
  const balances = (cash.balances ?? {}) as Record<string, unknown>;
  const rows = Object.entries(balances)
    .filter(([, value]) => num(value) !== undefined)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, value]) => row('cash', currency, `${currency.toUpperCase()} balance`, money(num(value) as number, currency.toUpperCase())));
  return { kind: 'account', id: 'account:cash', key: 'cash', title: 'Cash (spot holding)', summary: `${rows.length} currenc${rows.length === 1 ? 'y' : 'ies'}`, children: rows };
}

function marginNode(key: string, account: Loose): AccountNode {
  const currency = String(account.currency ?? key.slice(3, -3)).toUpperCase();
  const auxiliary = (account.auxiliary ?? {}) as Loose;
  const requirements = (account.marginRequirements ?? {}) as Loose;
  const rows: AccountRowNode[] = [];
  const add = (id: string, label: string, value: number | undefined, extra: Partial<AccountRowNode> = {}) => {
    if (value !== undefined) rows.push(row(key, id, label, money(value, currency), extra));
  };
  add('af', 'Available funds', num(auxiliary.af), { emphasis: true, detail: 'What new orders on this coin-margined contract can use.' });
  add('pv', 'Portfolio value', num(auxiliary.pv));
  add('pnl', 'Unrealised PnL', num(auxiliary.pnl));
  add('im', 'Initial margin', num(requirements.im));
  add('mm', 'Maintenance margin', num(requirements.mm));
  for (const [name, value] of Object.entries((account.balances ?? {}) as Record<string, unknown>)) {
    const amount = num(value);
    if (amount === undefined) continue;
    const isContract = name.includes('_');
    rows.push(row(key, `balance:${name}`, isContract ? `${name.toUpperCase()} position` : `${name.toUpperCase()} balance`, isContract ? `${formatAmount(amount, 8)} contracts` : money(amount, name.toUpperCase())));
  }
  const af = num(auxiliary.af);
  return {
    kind: 'account', id: `account:${key}`, key, title: `${currency} margin (${key})`,
    ...(af !== undefined ? { summary: `available ${money(af, currency)}` } : {}),
    children: rows,
  };
}

export function accountNodes(accounts: Accounts): AccountNode[] {
  const nodes: AccountNode[] = [];
  const entries = Object.entries(accounts) as Array<[string, Loose]>;
  const flex = entries.find(([key, a]) => key === 'flex' || a.type === 'multiCollateralMarginAccount');
  if (flex) nodes.push(flexNode(flex[1]));
  const cash = entries.find(([, a]) => a.type === 'cashAccount');
  if (cash) nodes.push(cashNode(cash[1]));
  for (const [key, account] of entries.sort(([a], [b]) => a.localeCompare(b))) {
    if (account.type === 'marginAccount') nodes.push(marginNode(key, account));
  }
  return nodes;
}
