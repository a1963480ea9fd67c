import { ContractBook } from '../../core/orders';
import { accountNodes } from './accountNodes';
import { instrumentGroups, messageNode, orderNodes, positionNodes, type ExplorerNode } from './explorerNodes';
import { dataOf, type SectionState, type SectionStates } from './sectionState';

/**
 * The top-level rows of each view from the model's section states. A view is never silently empty:
 * it shows loading and error rows, or it is empty on purpose and says why through `welcome`
 * (a context key selects the matching `viewsWelcome` text in package.json). Pure.
 */

export type ExplorerView = 'instruments' | 'positions' | 'orders' | 'account';

/** Why a view has no rows: selects its viewsWelcome content. */
export type WelcomeState = 'noCredentials' | 'empty';

export interface ViewContent {
  readonly nodes: readonly ExplorerNode[];
  readonly welcome?: WelcomeState;
}

const EMPTY_BOOK = new ContractBook([]);

const NOUNS: Readonly<Record<ExplorerView, string>> = {
  instruments: 'instruments',
  positions: 'positions',
  orders: 'open orders',
  account: 'balances',
};

/**
 * The rows every view shares: a loading row before the first answer, an error row (above the
 * last answer, when there is one). `undefined` means "the data is there, build the rows".
 */
function statusRows<T>(view: ExplorerView, state: SectionState<T>, environmentLabel: string): ViewContent | undefined {
  switch (state.status) {
    case 'idle':
    case 'loading':
      return state.status === 'loading' && state.data !== undefined ? undefined : { nodes: [messageNode(view, 'loading', `Loading ${NOUNS[view]} from ${environmentLabel}…`)] };
    case 'noCredentials':
      return { nodes: [], welcome: 'noCredentials' };
    case 'error':
      return state.data !== undefined ? undefined : { nodes: [errorRow(view, state, environmentLabel)] };
    case 'ready':
      return undefined;
  }
}

function errorRow(view: ExplorerView, state: Extract<SectionState<unknown>, { status: 'error' }>, environmentLabel: string): ExplorerNode {
  return messageNode(view, 'error', `Could not load ${NOUNS[view]} from ${environmentLabel}`, state.message, `${state.hint ? `${state.hint}\n\n` : ''}Click to retry.`);
}

/** The error row shown above stale data. */
function withError<T>(view: ExplorerView, state: SectionState<T>, environmentLabel: string, nodes: readonly ExplorerNode[]): readonly ExplorerNode[] {
  return state.status === 'error' ? [errorRow(view, state, environmentLabel), ...nodes] : nodes;
}

export function instrumentsContent(states: Pick<SectionStates, 'market'>, environmentLabel: string, filter: string): ViewContent {
  const early = statusRows('instruments', states.market, environmentLabel);
  if (early) return early;
  const market = dataOf(states.market);
  if (!market) return { nodes: [] };
  const groups = instrumentGroups(market.contracts, market.tickers, filter);
  if (groups.length === 0) {
    const none = filter.trim() !== ''
      ? messageNode('instruments', 'info', `No instrument matches "${filter.trim()}"`, undefined, 'Change or clear the filter (view title bar).')
      : messageNode('instruments', 'info', `${environmentLabel} lists no instruments`);
    return { nodes: withError('instruments', states.market, environmentLabel, [none]) };
  }
  return { nodes: withError('instruments', states.market, environmentLabel, groups) };
}

export function positionsContent(states: Pick<SectionStates, 'positions' | 'market' | 'account'>, environmentLabel: string): ViewContent {
  const early = statusRows('positions', states.positions, environmentLabel);
  if (early) return early;
  const positions = dataOf(states.positions) ?? [];
  const market = dataOf(states.market);
  const nodes = positionNodes(positions, market?.contracts ?? EMPTY_BOOK, market?.tickers ?? new Map(), dataOf(states.account));
  if (nodes.length === 0 && states.positions.status === 'ready') return { nodes: [], welcome: 'empty' };
  return { nodes: withError('positions', states.positions, environmentLabel, nodes) };
}

export function ordersContent(states: Pick<SectionStates, 'orders' | 'market'>, environmentLabel: string): ViewContent {
  const early = statusRows('orders', states.orders, environmentLabel);
  if (early) return early;
  const nodes = orderNodes(dataOf(states.orders) ?? [], dataOf(states.market)?.contracts ?? EMPTY_BOOK);
  if (nodes.length === 0 && states.orders.status === 'ready') return { nodes: [], welcome: 'empty' };
  return { nodes: withError('orders', states.orders, environmentLabel, nodes) };
}

export function accountContent(states: Pick<SectionStates, 'account'>, environmentLabel: string): ViewContent {
  const early = statusRows('account', states.account, environmentLabel);
  if (early) return early;
  const accounts = dataOf(states.account);
  const nodes = accounts ? accountNodes(accounts) : [];
  if (nodes.length === 0) return { nodes: withError('account', states.account, environmentLabel, [messageNode('account', 'info', `${environmentLabel} reports no accounts`)]) };
  return { nodes: withError('account', states.account, environmentLabel, nodes) };
}
