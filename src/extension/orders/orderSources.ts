import { availableMarginFor, type ContractSpec, type Money, type PositionFacts } from '../../core/orders';
import type { Environments } from '../environments/environment';
import type { ExplorerModel } from '../explorer/explorerModel';
import { UserFacingError } from '../shared/userFacingError';
import type { QuickOrderSources, Quotes } from './quickOrderFlow';

/**
 * What order entry reads: the explorer model's cached contracts, tickers, positions and balances
 * (refreshed when missing), and a fresh ticker for the contract being traded (public, costs nothing).
 */
export async function orderSources(model: ExplorerModel, environments: Environments): Promise<QuickOrderSources> {
  // Positions and balances load in the background while the person picks the first answers.
  void model.refresh(['positions', 'account']);
  if (!model.market) await model.refresh(['market']);
  const market = model.market;
  if (!market) {
    const state = model.state('market');
    const why = state.status === 'error' ? `${state.message}${state.hint ? ` ${state.hint}` : ''}` : 'no answer yet';
    throw new UserFacingError(`Cannot place an order: the instruments of ${environments.active.label} could not be loaded (${why}).`);
  }
  const environment = environments.active;
  return {
    environment,
    contracts: market.contracts,
    tickers: market.tickers,
    quotes: (symbol) => quotesOf(model, environments, symbol),
    available: (spec) => availableFor(model, spec),
    position: (symbol) => positionOf(model, symbol),
  };
}

export async function quotesOf(model: ExplorerModel, environments: Environments, symbol: string): Promise<Quotes> {
  let ticker = model.market?.tickers.get(symbol.toUpperCase());
  try {
    ticker = await (await environments.client()).ticker(symbol);
  } catch {
    // The cached ticker (from the last refresh) is good enough to pre-fill a price.
  }
  return {
    ...(ticker?.bid !== undefined ? { bid: ticker.bid } : {}),
    ...(ticker?.ask !== undefined ? { ask: ticker.ask } : {}),
    ...(ticker?.markPrice !== undefined ? { mark: ticker.markPrice } : {}),
    ...(ticker?.last !== undefined ? { last: ticker.last } : {}),
  };
}

async function availableFor(model: ExplorerModel, spec: ContractSpec): Promise<Money | undefined> {
  await model.refresh(['account']);
  const accounts = model.data('account');
  return accounts ? availableMarginFor(spec, accounts) : undefined;
}

export function positionOf(model: ExplorerModel, symbol: string): PositionFacts | undefined {
  const position = model.data('positions')?.find((p) => p.symbol.toUpperCase() === symbol.toUpperCase());
  return position ? { symbol: position.symbol.toUpperCase(), side: position.side, size: position.size } : undefined;
}
