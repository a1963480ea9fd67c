import type { IncomingMessage } from 'node:http';

/**
 * Reads a request body as raw text without ever holding more than `limit` bytes. An oversized body
 * is reported at once (from Content-Length when the client declares it) and the rest is drained
 * and discarded, so the answer still reaches the client.
 */

export type BodyResult = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly reason: 'tooLarge' | 'aborted' };

/** Past this much discarded data the connection is simply cut. */
const DRAIN_FACTOR = 16;

export function readBody(req: IncomingMessage, limit: number): Promise<BodyResult> {
  return new Promise((resolve) => {
    const declared = Number(req.headers['content-length']);
    let tooLarge = Number.isFinite(declared) && declared > limit;
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (result: BodyResult) => {
      if (!settled) {
        settled = true;
        resolve(result);
      }
    };
    if (tooLarge) settle({ ok: false, reason: 'tooLarge' });
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (!tooLarge && size > limit) {
        tooLarge = true;
        chunks.length = 0;
        settle({ ok: false, reason: 'tooLarge' });
      }
      if (tooLarge) {
        if (size > limit * DRAIN_FACTOR) req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => settle(tooLarge ? { ok: false, reason: 'tooLarge' } : { ok: true, text: Buffer.concat(chunks).toString('utf8') }));
    req.on('error', () => settle({ ok: false, reason: 'aborted' }));
    req.on('close', () => settle({ ok: false, reason: 'aborted' }));
  });
}
