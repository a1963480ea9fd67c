/**
 * An injectable transport for client tests: records every Request exactly as ky handed it to
 * fetch (URL, headers, body text) and answers from a handler.
 */

export interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  readonly redirect: Request['redirect'];
  readonly signal: AbortSignal;
}

export type Answer = Response | Error;

export function fakeFetch(handler: (request: RecordedRequest, callNumber: number) => Answer | Promise<Answer>) {
  const calls: RecordedRequest[] = [];
  const fetchImpl = async (input: Parameters<typeof fetch>[0], init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? input : new Request(input, init);
    const recorded: RecordedRequest = {
      method: request.method,
      url: request.url,
      headers: Object.fromEntries(request.headers.entries()),
      body: await request.clone().text(),
      redirect: request.redirect,
      signal: request.signal,
    };
    calls.push(recorded);
    const answer = await handler(recorded, calls.length);
    if (answer instanceof Error) throw answer;
    return answer;
  };
  return { fetch: fetchImpl as typeof fetch, calls };
}

export function jsonAnswer(body: unknown, init: ResponseInit = {}): Response {
  return new Response(JSON.stringify(body), { status: 200, ...init, headers: { 'content-type': 'application/json', ...(init.headers as Record<string, string> | undefined) } });
}

export const SERVER_TIME = '2024-02-20T00:00:00.000Z';
export const ok = (payload: Record<string, unknown>) => jsonAnswer({ result: 'success', serverTime: SERVER_TIME, ...payload });
export const krakenError = (error: string, init?: ResponseInit) => jsonAnswer({ result: 'error', serverTime: SERVER_TIME, error }, init);

/** Secret A of the reference test vectors (§9) and a key that passes the credential checks. */
export const SECRET_A = '7zxMEF5p/Z8l2p2U7Ghv6x14Af+Fx+92tPgUdVQ748FOIrEoT9bgT+bTRfXc5pz8na+hL/QdrCVG7bh9KpT0eMTm';
export const API_KEY = 'TESTKEYa1b2c3d4e5f6g7h8i9j0TESTKEYa1b2c3d4e5f6g7h8i9j0abcd';

/** Hands out the given nonces in order (the test vectors fix them). */
export function fixedNonces(...nonces: string[]) {
  let i = 0;
  return { next: () => nonces[Math.min(i++, nonces.length - 1)] };
}

export function recordedSleep() {
  const waits: number[] = [];
  return { waits, sleep: async (ms: number) => void waits.push(ms) };
}
