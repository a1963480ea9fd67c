import { closeSync, fsyncSync, openSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Replaces a file so that after a crash at any moment it holds either the old or the new content,
 * never a mix: write a temporary file, fsync it, rename it over the target, fsync the directory
 * (which makes the rename itself durable).
 */

export function fsyncDirectory(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** `step` is called after each durable step; tests use it to simulate a crash there. */
export function writeFileAtomic(path: string, text: string, step: (name: 'written' | 'renamed') => void = () => undefined): void {
  const tmp = `${path}.tmp`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeFileSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  step('written');
  renameSync(tmp, path);
  fsyncDirectory(dirname(path));
  step('renamed');
}
