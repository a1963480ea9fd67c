import { closeSync, fsyncSync, openSync, readFileSync, existsSync, ftruncateSync, writeSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import type { TradingEvent } from '../trading/events';

/**
 * The append-only journal behind `--state DIR`. Each line is one request's events (or one market
 * tick's), so a line is the unit of atomicity: a crash mid-write leaves a torn last line, which
 * replay drops, and never half a request. Every answer waits for `barrier()`, which writes and
 * fdatasyncs everything recorded so far; concurrent requests share one fsync (group commit).
 */

export interface JournalHeader {
  readonly kind: 'kraken-futures-sim-journal';
  readonly version: 1;
  readonly seed: number;
  readonly createdAt: number;
  readonly accountUid: string;
  /**
   * Which snapshot this journal continues (0 or absent: none, the journal starts from an empty
   * account). A journal older than the snapshot was already folded into it and is ignored.
   */
  readonly generation?: number;
}

export interface EventJournal {
  record(event: TradingEvent): void;
  /**
   * A signed request's nonce was accepted and is the key's new highest. It goes into the next
   * journal line (sharing that line's fsync), so a restart still refuses every nonce up to it.
   */
  recordNonce(apiKey: string, nonce: string): void;
  /** Resolves once everything recorded before the call is on disk. */
  barrier(): Promise<void>;
  close(): Promise<void>;
}

/** State kept in memory only (no `--state`). */
export class MemoryJournal implements EventJournal {
  record(): void {}
  recordNonce(): void {}
  async barrier(): Promise<void> {}
  async close(): Promise<void> {}
}

/** API key -> highest accepted nonce (decimal digits). */
export type NonceMarks = Record<string, string>;

/** One journal line: the events of one request or tick, and the nonce marks it raised. */
interface JournalLine {
  readonly e?: TradingEvent[];
  readonly n?: NonceMarks;
}

export interface ReplayedJournal {
  readonly header: JournalHeader;
  readonly events: TradingEvent[];
  readonly nonces: NonceMarks;
  /** Lines after the header. */
  readonly entries: number;
}

const DIGITS = /^\d{1,30}$/;

/** Raises `into`'s marks to those of `from` (never lowers one). */
export function mergeNonceMarks(into: NonceMarks, from: NonceMarks | undefined): void {
  if (!from || typeof from !== 'object') return;
  for (const [key, nonce] of Object.entries(from)) {
    if (typeof nonce !== 'string' || !DIGITS.test(nonce)) continue;
    const known = into[key];
    if (known === undefined || BigInt(nonce) > BigInt(known)) into[key] = nonce;
  }
}

/** Reads a journal, dropping (and truncating away) a torn last line. Throws on real corruption. */
export function readJournal(path: string): ReplayedJournal | null {
  if (!existsSync(path)) return null;
  const text = readFileSync(path, 'utf8');
  const complete = text.lastIndexOf('\n') + 1;
  if (complete < text.length) {
    const fd = openSync(path, 'r+');
    try { ftruncateSync(fd, Buffer.byteLength(text.slice(0, complete))); fsyncSync(fd); } finally { closeSync(fd); }
  }
  const lines = text.slice(0, complete).split('\n').filter((l) => l !== '');
  if (lines.length === 0) return null;
  const parse = (line: string, n: number): unknown => {
    try {
      return JSON.parse(line);
    } catch {
      throw new Error(`State journal ${path} is corrupt at line ${n + 1}; move it away to start fresh.`);
    }
  };
  const header = parse(lines[0], 0) as JournalHeader;
  if (header.kind !== 'kraken-futures-sim-journal' || header.version !== 1) {
    throw new Error(`${path} is not a kraken-futures-sim journal (version 1).`);
  }
  const events: TradingEvent[] = [];
  const nonces: NonceMarks = {};
  for (let i = 1; i < lines.length; i++) {
    const line = parse(lines[i], i) as JournalLine;
    if (line.e) events.push(...line.e);
    mergeNonceMarks(nonces, line.n);
  }
  return { header, events, nonces, entries: lines.length - 1 };
}

/** Creates a journal with its header, durably, before anything else is written. */
export function createJournal(path: string, header: JournalHeader): void {
  const fd = openSync(path, 'wx', 0o600);
  try {
    writeSync(fd, JSON.stringify(header) + '\n');
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export class FileJournal implements EventJournal {
  private pending: TradingEvent[] = [];
  private pendingNonces: NonceMarks | null = null;
  private queued: string[] = [];
  private sealed = 0;
  private durable = 0;
  private flushing: Promise<void> | null = null;
  private failure: Error | null = null;
  private readonly waiters: Array<{ target: number; resolve: () => void; reject: (e: Error) => void }> = [];

  private constructor(private readonly file: FileHandle) {}

  static async openForAppend(path: string): Promise<FileJournal> {
    return new FileJournal(await open(path, 'a', 0o600));
  }

  record(event: TradingEvent): void {
    this.pending.push(event);
  }

  recordNonce(apiKey: string, nonce: string): void {
    mergeNonceMarks((this.pendingNonces ??= {}), { [apiKey]: nonce });
  }

  barrier(): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.pending.length > 0 || this.pendingNonces !== null) {
      const line: JournalLine = this.pendingNonces === null ? { e: this.pending } : { e: this.pending, n: this.pendingNonces };
      this.queued.push(JSON.stringify(line) + '\n');
      this.pending = [];
      this.pendingNonces = null;
      this.sealed += 1;
    }
    if (this.durable >= this.sealed) return Promise.resolve();
    const target = this.sealed;
    const done = new Promise<void>((resolve, reject) => this.waiters.push({ target, resolve, reject }));
    this.flushing ??= this.flushLoop();
    return done;
  }

  private async flushLoop(): Promise<void> {
    try {
      while (this.queued.length > 0) {
        const lines = this.queued;
        this.queued = [];
        await this.file.write(lines.join(''));
        await this.file.datasync();
        this.durable += lines.length;
        for (let i = this.waiters.length - 1; i >= 0; i--) {
          if (this.waiters[i].target <= this.durable) this.waiters.splice(i, 1)[0].resolve();
        }
      }
    } catch (error) {
      this.failure = error instanceof Error ? error : new Error(String(error));
      for (const w of this.waiters.splice(0)) w.reject(this.failure);
    } finally {
      this.flushing = null;
    }
  }

  async close(): Promise<void> {
    await this.barrier().catch(() => undefined);
    await this.file.close();
  }
}
