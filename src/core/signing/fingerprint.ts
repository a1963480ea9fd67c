import { createHash } from 'node:crypto';

/**
 * Display forms for credentials. Every log line, trace, error and UI label shows these instead of
 * the real values, so a screenshot or a pasted log never leaks a credential.
 */

const KEY_EDGE = 4;
/** Below this length the edges would reveal most of the key, so only the hash tag is shown. */
const MIN_KEY_LENGTH_FOR_EDGES = 16;

function shortSha256(text: string, hexChars: number): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, hexChars);
}

/**
 * `rRra…Wgrf#1a2b3c`: enough to tell keys apart at a glance and to match a key in a list, not
 * enough to rebuild it. The hash tag tells apart keys that share their edges.
 */
export function fingerprint(apiKey: string): string {
  const tag = shortSha256(apiKey, 6);
  if (apiKey.length < MIN_KEY_LENGTH_FOR_EDGES) return `key#${tag}`;
  return `${apiKey.slice(0, KEY_EDGE)}…${apiKey.slice(-KEY_EDGE)}#${tag}`;
}

/**
 * `secret#1a2b3c4d`: hash only — no character of the secret — so two people can check they hold
 * the same secret without showing it.
 */
export function secretFingerprint(secret: string): string {
  return `secret#${shortSha256(secret, 8)}`;
}
