import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { SimulatedExchange } from '../exchange';
import type { AccountSnapshot } from '../trading/accountState';
import type { TradingEvent } from '../trading/events';
import { writeFileAtomic } from './atomicFile';
import { createJournal, mergeNonceMarks, readJournal, type JournalHeader, type NonceMarks } from './journal';
import type { StateDirectory } from './stateDirectory';

/**
 * Opening a `--state DIR`: the account is the snapshot (if any) plus the journal that continues
 * it. Each start that finds something new in the journal compacts: it writes a new snapshot of
 * the whole state (generation g + 1) atomically, then atomically replaces the journal with an
 * empty one whose header says it continues generation g + 1. A crash before the snapshot's rename
 * leaves the old snapshot and journal; a crash after it leaves a journal of generation g, which
 * the new snapshot already contains and is therefore ignored. Either way nothing acknowledged is
 * lost and nothing is applied twice.
 */

export interface StateSnapshot {
  readonly kind: 'kraken-futures-sim-snapshot';
  readonly version: 1;
  readonly generation: number;
  readonly seed: number;
  readonly createdAt: number;
  readonly accountUid: string;
  readonly nonces: NonceMarks;
  readonly account: AccountSnapshot;
}

export function readSnapshot(path: string): StateSnapshot | null {
  if (!existsSync(path)) return null;
  let parsed: StateSnapshot;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8')) as StateSnapshot;
  } catch {
    throw new Error(`State snapshot ${path} is corrupt; move the state directory away to start fresh.`);
  }
  if (parsed.kind !== 'kraken-futures-sim-snapshot' || parsed.version !== 1 || !Number.isInteger(parsed.generation) || parsed.generation < 1) {
    throw new Error(`${path} is not a kraken-futures-sim snapshot (version 1).`);
  }
  return parsed;
}

/** Where a test may simulate a crash during compaction. */
export type CompactionStep = 'snapshotWritten' | 'snapshotRenamed' | 'journalWritten' | 'journalRenamed';

export interface OpenedState {
  readonly exchange: SimulatedExchange;
  readonly header: JournalHeader;
  readonly nonces: NonceMarks;
  /** True when nothing was stored: the caller funds the new account (`openAccount`) once the journal is open. */
  readonly fresh: boolean;
}

export interface OpenStateOptions {
  readonly seed: number;
  readonly now: number;
  readonly record: (event: TradingEvent) => void;
  readonly step?: (step: CompactionStep) => void;
}

export function openState(dir: StateDirectory, o: OpenStateOptions): OpenedState {
  const snapshot = readSnapshot(dir.snapshotPath);
  const journal = readJournal(dir.journalPath);
  const snapshotGeneration = snapshot?.generation ?? 0;
  const journalGeneration = journal?.header.generation ?? 0;
  if (journal && journalGeneration > snapshotGeneration) {
    throw new Error(`${dir.journalPath} continues snapshot generation ${journalGeneration}, but ${dir.snapshotPath} is ${snapshot ? `generation ${snapshotGeneration}` : 'missing'}.`);
  }

  // Nothing stored, or a crash right after the journal was created and before the account was funded.
  if (!snapshot && (!journal || journal.entries === 0)) {
    const header: JournalHeader = journal?.header ?? { kind: 'kraken-futures-sim-journal', version: 1, seed: o.seed, createdAt: o.now, accountUid: randomUUID() };
    if (!journal) createJournal(dir.journalPath, header);
    return { exchange: new SimulatedExchange(header, o.record), header, nonces: {}, fresh: true };
  }

  // A journal of an older generation was folded into the snapshot before a crash: ignore it.
  const live = journal && journalGeneration === snapshotGeneration ? journal : null;
  const identity = snapshot ?? (journal as NonNullable<typeof journal>).header;
  const exchange = new SimulatedExchange({ seed: identity.seed, createdAt: identity.createdAt, accountUid: identity.accountUid }, o.record);
  if (snapshot) exchange.restore(snapshot.account);
  if (live) exchange.replay(live.events);
  const nonces: NonceMarks = {};
  mergeNonceMarks(nonces, snapshot?.nonces);
  mergeNonceMarks(nonces, live?.nonces);

  const header: JournalHeader = {
    kind: 'kraken-futures-sim-journal', version: 1, seed: identity.seed, createdAt: identity.createdAt, accountUid: identity.accountUid,
    generation: snapshotGeneration,
  };
  if (live && live.entries === 0 && snapshot) return { exchange, header, nonces, fresh: false };

  const generation = snapshotGeneration + 1;
  const next: StateSnapshot = {
    kind: 'kraken-futures-sim-snapshot', version: 1, generation, seed: identity.seed, createdAt: identity.createdAt,
    accountUid: identity.accountUid, nonces, account: exchange.snapshot(),
  };
  const step = o.step ?? (() => undefined);
  writeFileAtomic(dir.snapshotPath, JSON.stringify(next), (s) => step(s === 'written' ? 'snapshotWritten' : 'snapshotRenamed'));
  const compacted: JournalHeader = { ...header, generation };
  writeFileAtomic(dir.journalPath, JSON.stringify(compacted) + '\n', (s) => step(s === 'written' ? 'journalWritten' : 'journalRenamed'));
  return { exchange, header: compacted, nonces, fresh: false };
}
