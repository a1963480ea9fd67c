import { z } from 'zod';

/**
 * Building blocks shared by the response schemas.
 *
 * Kraken documents numbers as JSON numbers, but real responses often carry strings
 * (`"markPrice":"2925.72"`, `"filled":"0E-11"`), so every numeric field accepts both and
 * comes out as a `number`. Objects are loose: unknown extra fields are kept, because Kraken
 * adds fields without notice and a strict parser would break on every release.
 */

const DECIMAL_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A number sent as a JSON number or as decimal text, including scientific notation. */
export const decimal = z
  .union([z.number(), z.string().regex(DECIMAL_TEXT, 'expected a number or numeric text')])
  .transform((v) => (typeof v === 'number' ? v : Number(v)));

/** An ISO-8601 timestamp as sent by the derivatives endpoints; kept as text. */
export const isoTime = z.string();

/** Epoch milliseconds (history and charts); older responses send them as strings. */
export const epochMs = decimal;

/** Symbols appear in both cases (`PI_XBTUSD`, `pi_xbtusd`); compare them with `sameSymbol`. */
export const symbol = z.string().min(1);

/** Kraken's own samples contain malformed UUIDs, so ids are only required to be text. */
export const id = z.string();

export const side = z.enum(['buy', 'sell']);

/** The `{result, serverTime}` envelope of every derivatives v3 success response. */
export const successEnvelope = {
  result: z.literal('success'),
  serverTime: isoTime.optional(),
};

export function sameSymbol(a: string, b: string): boolean {
  return a.toUpperCase() === b.toUpperCase();
}
