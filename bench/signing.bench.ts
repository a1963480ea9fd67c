import { createHash, createHmac, createSecretKey } from 'node:crypto';
import { endpointPathOf, sign, signWithTrace } from '../src/core/signing';
import { compareCases, interleavedSamples, type BenchResult } from './harness';

/**
 * Signing speed. sign() against raw node:crypto doing the same two operations (SHA-256 of the
 * concatenated message, HMAC-SHA512 with a key prepared once) — both with the fastest key form
 * (a KeyObject) and with plain key bytes, as most hand-written code does; signWithTrace against
 * sign(). Goal: sign() at 0.8 or more of raw, i.e. its bookkeeping stays small next to the hashing.
 */

const SECRET = '7zxMEF5p/Z8l2p2U7Ghv6x14Af+Fx+92tPgUdVQ748FOIrEoT9bgT+bTRfXc5pz8na+hL/QdrCVG7bh9KpT0eMTm';
const OTHER_SECRET = 'cHl0aG9uLWtyYWtlbi1zZGsgdW5pdC10ZXN0IHNlY3JldCB2YWx1ZQ==';
const PATH = '/derivatives/api/v3/sendorder';
const POST_DATA = 'orderType=lmt&symbol=PF_XBTUSD&side=buy&size=0.01&limitPrice=50000&cliOrdId=my%20order%201';
const API_KEY = 'rRra59qKQs3y1egAgSaG0RJlBcbq97wTUXSxXxPdhRZdv7z9ijZRWgrf';
// Distinct nonces, so no call is a repeat of the previous one.
const NONCES = Array.from({ length: 1024 }, (_, i) => String(1_708_387_200_000_000 + i));

export default async function signingBench(): Promise<BenchResult[]> {
  const keyBytes = Buffer.from(SECRET, 'base64');
  const keyObject = createSecretKey(keyBytes);
  const endpointPath = endpointPathOf(PATH);
  let n = 0;
  const nextNonce = () => NONCES[n++ & 1023];

  const cases = [
    {
      name: 'raw',
      fn: () => createHmac('sha512', keyObject).update(createHash('sha256').update(POST_DATA + nextNonce() + endpointPath, 'utf8').digest()).digest('base64'),
    },
    {
      name: 'raw-bytes',
      fn: () => createHmac('sha512', keyBytes).update(createHash('sha256').update(POST_DATA + nextNonce() + endpointPath, 'utf8').digest()).digest('base64'),
    },
    { name: 'sign', fn: () => sign({ path: PATH, postData: POST_DATA, nonce: nextNonce(), apiKey: API_KEY, secret: SECRET }).authent },
    { name: 'trace', fn: () => signWithTrace({ path: PATH, postData: POST_DATA, nonce: nextNonce(), apiKey: API_KEY, secret: SECRET }).authent },
    {
      // Two secrets in turn defeat the one-entry decoded-key memo: the cost of decoding every time.
      name: 'sign-memo-miss',
      fn: () => sign({ path: PATH, postData: POST_DATA, nonce: nextNonce(), apiKey: API_KEY, secret: n & 1 ? SECRET : OTHER_SECRET }).authent,
    },
  ];
  const samples = interleavedSamples(cases);
  const unit = 'sig/s';
  return [
    compareCases(samples, { name: 'sign()', candidate: 'sign', baseline: 'raw', baselineName: 'raw node:crypto, KeyObject', unit, note: 'target ratio >= 0.8' }),
    compareCases(samples, { name: 'sign()', candidate: 'sign', baseline: 'raw-bytes', baselineName: 'raw node:crypto, key bytes', unit, note: 'raw code handing createHmac a Buffer' }),
    compareCases(samples, { name: 'signWithTrace()', candidate: 'trace', baseline: 'sign', baselineName: 'sign()', unit, note: 'cost of the step-by-step trace' }),
    compareCases(samples, { name: 'sign(), secret changes every call', candidate: 'sign-memo-miss', baseline: 'sign', baselineName: 'sign()', unit, note: 'what the decoded-key memo saves' }),
  ];
}
