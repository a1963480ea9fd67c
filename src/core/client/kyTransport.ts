import type { KyInstance } from 'ky' with { 'resolution-mode': 'import' };
import { NetworkError, TimeoutError } from './errors';

/**
 * The HTTP layer, on ky. ky's own retries are off (the client decides, and never retries orders),
 * HTTP errors are not thrown (the client classifies them), and redirects are not followed, so a
 * 301 from a retired host is seen and explained instead of silently landing on a web page.
 *
 * ky is an ES module and this package is CommonJS, so it is loaded once with a dynamic import.
 */

let kyLoading: Promise<KyInstance> | undefined;

function loadKy(): Promise<KyInstance> {
  kyLoading ??= import('ky').then((m) => m.default);
  return kyLoading;
}

export interface OutgoingRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly signal?: AbortSignal;
  /** Only used to word the error: an unanswered order may still have been placed. */
  readonly mutating: boolean;
}

export interface Exchange {
  readonly response: Response;
  /** The `Request` handed to fetch: the ground truth of what went on the wire. */
  readonly sent: Request;
}

function describeNetworkFailure(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if (cause?.code) return `${cause.code}${cause.message ? ` (${cause.message})` : ''}`;
  return error instanceof Error ? error.message : String(error);
}

export class KyTransport {
  private instance: Promise<KyInstance> | undefined;

  constructor(
    private readonly fetchImpl: typeof fetch,
    private readonly timeoutMs: number,
  ) {}

  private ky(): Promise<KyInstance> {
    this.instance ??= loadKy().then((ky) =>
      ky.create({
        fetch: this.fetchImpl,
        retry: 0,
        throwHttpErrors: false,
        timeout: this.timeoutMs,
        redirect: 'manual',
      }),
    );
    return this.instance;
  }

  async send(request: OutgoingRequest): Promise<Exchange> {
    const ky = await this.ky();
    let sent: Request | undefined;
    try {
      const response = await ky(request.url, {
        method: request.method,
        headers: request.headers,
        body: request.body,
        signal: request.signal,
        hooks: { beforeRequest: [(req) => void (sent = req)] },
      });
      return { response, sent: sent ?? new Request(request.url, { method: request.method }) };
    } catch (error) {
      if ((error as Error)?.name === 'TimeoutError') throw new TimeoutError(this.timeoutMs, request.mutating);
      if ((error as Error)?.name === 'AbortError') throw new NetworkError('the request was aborted by the caller', request.mutating, error);
      // fetch reports every connection failure as a TypeError. Anything else comes from an injected
      // fetch on purpose (e.g. a guard refusing to send) and must reach the caller unchanged.
      if (error instanceof TypeError) throw new NetworkError(describeNetworkFailure(error), request.mutating, error);
      throw error;
    }
  }
}
