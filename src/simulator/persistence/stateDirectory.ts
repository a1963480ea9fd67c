import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The files of a `--state DIR`: the journal, the accepted API key, the generated secret (mode
 * 0600, never printed) and a lock so two simulators never append to the same journal.
 */

export const JOURNAL_FILE = 'journal.jsonl';
export const SECRET_FILE = 'api-secret';
export const SNAPSHOT_FILE = 'snapshot.json';
const KEY_FILE = 'api-key';
const LOCK_FILE = 'lock';

/** A Kraken-shaped secret: 64 random bytes in standard base64 (88 characters). */
export function generateSecret(): string {
  return randomBytes(64).toString('base64');
}

/** A Kraken-shaped public key (56 base64 characters). */
export function generateApiKey(): string {
  return randomBytes(42).toString('base64');
}

/** Writes a secret readable by its owner only; tightens the mode of an existing file too. */
export function writeSecretFile(path: string, secret: string): void {
  const fd = openSync(path, 'w', 0o600);
  try {
    writeSync(fd, secret + '\n');
  } finally {
    closeSync(fd);
  }
  chmodSync(path, 0o600);
}

function readTrimmed(path: string): string | undefined {
  return existsSync(path) ? readFileSync(path, 'utf8').trim() || undefined : undefined;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class StateDirectory {
  private locked = false;

  constructor(readonly path: string) {
    mkdirSync(path, { recursive: true, mode: 0o700 });
  }

  get journalPath(): string {
    return join(this.path, JOURNAL_FILE);
  }

  get snapshotPath(): string {
    return join(this.path, SNAPSHOT_FILE);
  }

  get secretPath(): string {
    return join(this.path, SECRET_FILE);
  }

  /** Take the directory; a lock left by a killed process (its pid is gone) is taken over. */
  lock(): void {
    const path = join(this.path, LOCK_FILE);
    const holder = Number(readTrimmed(path));
    if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isRunning(holder)) {
      throw new Error(`State directory ${this.path} is in use by another simulator (pid ${holder}).`);
    }
    writeFileSync(path, String(process.pid) + '\n');
    this.locked = true;
  }

  unlock(): void {
    if (this.locked) rmSync(join(this.path, LOCK_FILE), { force: true });
    this.locked = false;
  }

  /** The key stays the same across restarts unless one is given explicitly. */
  apiKey(given: string | undefined): string {
    const path = join(this.path, KEY_FILE);
    const key = given ?? readTrimmed(path) ?? generateApiKey();
    if (readTrimmed(path) !== key) writeFileSync(path, key + '\n', { mode: 0o600 });
    return key;
  }

  /** A secret given by the caller is used as is and not stored; otherwise the stored or a new one. */
  secret(given: string | undefined): { secret: string; file: string | null } {
    if (given !== undefined) return { secret: given, file: null };
    const stored = readTrimmed(this.secretPath);
    if (stored !== undefined) {
      chmodSync(this.secretPath, 0o600);
      return { secret: stored, file: this.secretPath };
    }
    const secret = generateSecret();
    writeSecretFile(this.secretPath, secret);
    return { secret, file: this.secretPath };
  }
}
