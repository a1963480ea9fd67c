import { KrakenFuturesClient, type Credentials, type SignatureTrace, type WireRequest } from '../client';
import { sendWithClient, type ResolvedRequest } from '../kfreq';

/**
 * Signs a resolved `.kfreq` request exactly as the client would send it, without sending it.
 * The real client is run against a transport that answers locally, so "Show signature" and
 * "Copy as cURL" can never drift from the bytes a real send puts on the wire.
 */

export interface DryRunOptions {
  /** The environment's host, e.g. `http://127.0.0.1:8790` (the client checks it). */
  readonly baseUrl: string;
  /** Needed only when the request is signed. */
  readonly credentials?: Credentials;
  /** The nonce to sign with; a signed request needs one from an increasing source. */
  readonly nonce?: string;
}

export interface DryRun {
  /** What would go on the wire; the APIKey header is a fingerprint. */
  readonly request: WireRequest;
  /** Absent when the request is not signed. */
  readonly signature?: SignatureTrace;
}

const LOCAL_ANSWER = '{"result":"success","note":"not sent: dry run"}';

export async function dryRunRequest(request: ResolvedRequest, options: DryRunOptions): Promise<DryRun> {
  const client = new KrakenFuturesClient({
    baseUrl: options.baseUrl,
    ...(options.credentials ? { credentials: options.credentials } : {}),
    nonce: options.nonce === undefined ? false : { next: () => options.nonce as string },
    // Answers without touching the network; the request it is handed is discarded.
    fetch: async () => new Response(LOCAL_ANSWER, { status: 200, headers: { 'content-type': 'application/json' } }),
    retry: { limit: 0, backoffMs: 0 },
  });
  const answer = await sendWithClient(client)(request, undefined);
  return { request: answer.request, ...(answer.signature ? { signature: answer.signature } : {}) };
}
