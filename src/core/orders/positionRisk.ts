import type { Accounts, OpenPosition } from '../catalog';
import type { ContractBook } from './contractSpec';

/**
 * Where a position would be liquidated, when that can be said from the account figures alone.
 * Kraken's `/openpositions` has no liquidation price, so this is an estimate:
 * - inverse (coin-margined) contracts: the margin account's `triggerEstimates.lt`, which Kraken
 *   computes for the account's position; only used when that account holds exactly one contract;
 * - linear contracts in the multi-collateral (flex) account: the mark price at which margin equity
 *   falls to maintenance margin, when the flex account holds exactly this one position.
 * With several positions sharing the collateral the answer depends on all of them: undefined.
 */
export function estimateLiquidationPrice(
  position: OpenPosition,
  markPrice: number | undefined,
  accounts: Accounts | undefined,
  contracts: ContractBook,
  allPositions: readonly OpenPosition[],
): number | undefined {
  const spec = contracts.get(position.symbol);
  if (!spec || !accounts) return undefined;
  const sharing = allPositions.filter((p) => contracts.get(p.symbol)?.settlement === spec.settlement && (spec.settlement === 'linear' || contracts.get(p.symbol)?.base === spec.base));
  if (sharing.length !== 1) return undefined;

  if (spec.settlement === 'inverse') {
    const key = `fi_${spec.base}${spec.quote}`.toLowerCase();
    const account = Object.entries(accounts).find(([name]) => name.toLowerCase() === key)?.[1] as
      | { type?: string; balances?: Record<string, number>; triggerEstimates?: { lt?: number } }
      | undefined;
    if (account?.type !== 'marginAccount') return undefined;
    const held = Object.keys(account.balances ?? {}).filter((name) => name.includes('_'));
    const lt = account.triggerEstimates?.lt;
    return held.length <= 1 && typeof lt === 'number' && lt > 0 ? lt : undefined;
  }

  const flex = accounts.flex as { type?: string; marginEquity?: number; maintenanceMargin?: number } | undefined;
  if (flex?.type !== 'multiCollateralMarginAccount' || markPrice === undefined) return undefined;
  const { marginEquity, maintenanceMargin } = flex;
  if (typeof marginEquity !== 'number' || typeof maintenanceMargin !== 'number') return undefined;
  const signed = (position.side === 'long' ? 1 : -1) * position.size * spec.contractSize;
  if (signed === 0) return undefined;
  // equity + signed × (P − mark) = maintenance  ⇒  P = mark − (equity − maintenance) / signed
  const price = markPrice - (marginEquity - maintenanceMargin) / signed;
  return price > 0 && Number.isFinite(price) ? price : undefined;
}
