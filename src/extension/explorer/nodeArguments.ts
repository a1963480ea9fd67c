import { UserFacingError } from '../shared/userFacingError';
import type { ExplorerNode, InstrumentNode, OrderNode, PositionNode } from './explorerNodes';

/**
 * What item commands receive: the clicked node from a tree (context menu, inline icon). Commands
 * that also work from the palette treat `undefined` as "ask"; anything else is refused clearly.
 */

function isNode(value: unknown): value is ExplorerNode {
  return typeof value === 'object' && value !== null && typeof (value as { kind?: unknown }).kind === 'string' && typeof (value as { id?: unknown }).id === 'string';
}

export function asNodeOf<K extends ExplorerNode['kind']>(value: unknown, kind: K): Extract<ExplorerNode, { kind: K }> | undefined {
  return isNode(value) && value.kind === kind ? (value as Extract<ExplorerNode, { kind: K }>) : undefined;
}

/** The contract symbol of an instrument, position or order node, or a symbol given as text. */
export function symbolOf(value: unknown, what: string): string {
  if (typeof value === 'string' && value.trim() !== '') return value.trim().toUpperCase();
  const instrument = asNodeOf(value, 'instrument') as InstrumentNode | undefined;
  if (instrument) return instrument.spec.symbol;
  const position = asNodeOf(value, 'position') as PositionNode | undefined;
  if (position) return position.position.symbol.toUpperCase();
  const order = asNodeOf(value, 'order') as OrderNode | undefined;
  if (order) return order.order.symbol.toUpperCase();
  throw new UserFacingError(`${what}: run it from an instrument, position or order in the Kraken Futures views.`);
}
