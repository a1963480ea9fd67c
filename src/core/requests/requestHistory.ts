import type { Credentials } from '../client';
import { fingerprint, secretFingerprint } from '../signing';
import type { ResponseEntry } from './responseEntry';

/**
 * The history of sent requests: newest first, at most N, kept as one JSON file. Entries are built
 * without secrets; `redactCredentials` is a second line of defence run before anything is written.
 */

export const HISTORY_FORMAT = 'kraken-futures-request-history';
export const HISTORY_VERSION = 1;
/** A stored response body is cut to this many characters, so the file stays small. */
export const HISTORY_BODY_CHARS = 64_000;
export const DEFAULT_HISTORY_SIZE = 50;
export const MAX_HISTORY_SIZE = 1000;

export interface HistoryFile {
  readonly format: typeof HISTORY_FORMAT;
  readonly version: typeof HISTORY_VERSION;
  readonly entries: readonly ResponseEntry[];
}

export interface ParsedHistory {
  readonly entries: ResponseEntry[];
  /** Set when the file could not be read as a whole or some entries were dropped. */
  readonly problem?: string;
}

/** A usable history size from a setting value: whole, 0 (off) to MAX_HISTORY_SIZE. */
export function historySizeOf(setting: unknown): number {
  if (typeof setting !== 'number' || !Number.isFinite(setting)) return DEFAULT_HISTORY_SIZE;
  return Math.min(MAX_HISTORY_SIZE, Math.max(0, Math.floor(setting)));
}

export function compactForHistory(entry: ResponseEntry, maxBodyChars = HISTORY_BODY_CHARS): ResponseEntry {
  if (!entry.body || entry.body.text.length <= maxBodyChars) return entry;
  return { ...entry, body: { ...entry.body, text: entry.body.text.slice(0, maxBodyChars), truncated: true } };
}

/** Newest first; an entry with the same id replaces the old one. */
export function addToHistory(entries: readonly ResponseEntry[], entry: ResponseEntry, limit: number): ResponseEntry[] {
  if (limit <= 0) return [];
  return [compactForHistory(entry), ...entries.filter((e) => e.id !== entry.id)].slice(0, limit);
}

export function serializeHistory(entries: readonly ResponseEntry[]): string {
  const file: HistoryFile = { format: HISTORY_FORMAT, version: HISTORY_VERSION, entries };
  return JSON.stringify(file);
}

function looksLikeEntry(value: unknown): value is ResponseEntry {
  if (value === null || typeof value !== 'object') return false;
  const e = value as Record<string, unknown>;
  const env = e.environment as Record<string, unknown> | null | undefined;
  return (
    typeof e.id === 'string' &&
    (e.kind === 'response' || e.kind === 'signature' || e.kind === 'doctor') &&
    typeof e.createdAt === 'number' &&
    typeof e.title === 'string' &&
    typeof e.message === 'string' &&
    Array.isArray(e.asserts) &&
    typeof env === 'object' && env !== null && typeof env.id === 'string' && typeof env.label === 'string'
  );
}

/** Never throws: a damaged file gives an empty (or partial) history and a reason. */
export function parseHistory(text: string): ParsedHistory {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { entries: [], problem: 'The request history file is not valid JSON; starting a new history.' };
  }
  const file = value as Partial<HistoryFile> | null;
  if (file === null || typeof file !== 'object' || file.format !== HISTORY_FORMAT || !Array.isArray(file.entries)) {
    return { entries: [], problem: 'The request history file has an unknown format; starting a new history.' };
  }
  if (file.version !== HISTORY_VERSION) {
    return { entries: [], problem: `The request history file has version ${String(file.version)}; this version reads ${HISTORY_VERSION}. Starting a new history.` };
  }
  const entries = file.entries.filter(looksLikeEntry);
  const dropped = file.entries.length - entries.length;
  return dropped > 0 ? { entries, problem: `${dropped} damaged history entr${dropped === 1 ? 'y was' : 'ies were'} dropped.` } : { entries };
}

/**
 * Replaces every occurrence of a secret or raw API key inside strings of a JSON value with its
 * fingerprint. Entries never contain them by construction; this guards against future mistakes.
 */
export function redactCredentials<T>(value: T, credentials: readonly Credentials[]): T {
  const replacements: Array<[string, string]> = [];
  for (const c of credentials) {
    // Very short values would match ordinary text; real keys and secrets are long.
    if (c.secret.length >= 16) replacements.push([c.secret, `[${secretFingerprint(c.secret)}]`]);
    if (c.apiKey.length >= 16) replacements.push([c.apiKey, fingerprint(c.apiKey)]);
  }
  if (replacements.length === 0) return value;
  const redact = (text: string): string => replacements.reduce((t, [from, to]) => (t.includes(from) ? t.split(from).join(to) : t), text);
  const walk = (node: unknown): unknown => {
    if (typeof node === 'string') return redact(node);
    if (Array.isArray(node)) return node.map(walk);
    if (node !== null && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([k, v]) => [redact(k), walk(v)]));
    return node;
  };
  return walk(value) as T;
}

/** True when `text` contains the secret (or its URL-encoded form). */
export function containsSecret(text: string, secret: string): boolean {
  if (secret === '') return false;
  return text.includes(secret) || text.includes(encodeURIComponent(secret));
}
