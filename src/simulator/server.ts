import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { SimulatedExchange } from './exchange';
import { readBody } from './http/bodyReader';
import { payloadTooLarge, serverError, type HttpAnswer } from './http/envelopes';
import type { EventJournal } from './persistence/journal';
import { handleCall, type PipelineDeps } from './requestPipeline';

/**
 * The HTTP front: node:http, no framework. Each answer is written only after the journal holds
 * every change made so far, and nothing a client sends can throw out of a request.
 */

export interface ServerOptions extends PipelineDeps {
  readonly journal: EventJournal;
  readonly clock: () => number;
  readonly maxBodyBytes: number;
  /** How often the market is advanced without requests (dead man's switch, stops, maker fills). */
  readonly tickIntervalMs: number;
}

function send(res: ServerResponse, answer: HttpAnswer): void {
  if (res.headersSent || res.destroyed) return;
  const text = answer.text ?? JSON.stringify(answer.body);
  res.writeHead(answer.status, {
    'content-type': answer.contentType ?? (answer.text !== undefined ? 'text/plain; charset=utf-8' : 'application/json'),
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    ...answer.headers,
  });
  res.end(text);
}

export class SimulatorServer {
  readonly http: Server;
  private readonly ticker: NodeJS.Timeout;
  private switchTimer: NodeJS.Timeout | null = null;
  private switchAt: number | null = null;

  constructor(private readonly options: ServerOptions) {
    this.http = createServer({ keepAliveTimeout: 5000 }, (req, res) => void this.serve(req, res));
    this.http.on('clientError', (_error, socket) => {
      if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\ncontent-type: application/json\r\nconnection: close\r\n\r\n{"result":"error","error":"Bad Request"}');
      else socket.destroy();
    });
    this.ticker = setInterval(() => this.tick(), options.tickIntervalMs);
    this.ticker.unref();
  }

  get exchange(): SimulatedExchange {
    return this.options.exchange;
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = Date.now();
    let answer: HttpAnswer;
    try {
      const body = await readBody(req, this.options.maxBodyBytes);
      const now = this.options.clock();
      if (!body.ok) {
        if (body.reason === 'aborted') return;
        answer = payloadTooLarge(now, this.options.maxBodyBytes);
        res.setHeader('connection', 'close');
      } else {
        answer = handleCall(this.options, { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body: body.text }, now);
      }
      await this.options.journal.barrier();
    } catch (error) {
      this.options.log?.(`request failed: ${error instanceof Error ? error.message : String(error)}`);
      answer = serverError(this.options.clock());
    }
    send(res, answer);
    this.armSwitchTimer();
    this.options.log?.(`${req.method} ${(req.url ?? '').split('?')[0]} -> ${answer.status} in ${Date.now() - started} ms`);
  }

  /** Advance the market without a request and make what it changed durable. */
  tick(): void {
    try {
      this.options.exchange.tick.advance(this.options.clock());
      this.options.journal.barrier().catch((error: Error) => this.options.log?.(`journal write failed: ${error.message}`));
      this.armSwitchTimer();
    } catch (error) {
      this.options.log?.(`market tick failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** A real timer for the dead man's switch, so it fires on time even between ticks. */
  private armSwitchTimer(): void {
    const at = this.options.exchange.state.deadManSwitch;
    if (at === this.switchAt) return;
    if (this.switchTimer) clearTimeout(this.switchTimer);
    this.switchTimer = null;
    this.switchAt = at;
    if (at === null) return;
    this.switchTimer = setTimeout(() => {
      this.switchAt = null;
      this.switchTimer = null;
      this.tick();
    }, Math.max(0, at - this.options.clock()));
    this.switchTimer.unref();
  }

  listen(port: number, host: string): Promise<{ port: number; host: string }> {
    return new Promise((resolve, reject) => {
      this.http.once('error', reject);
      this.http.listen(port, host, () => {
        this.http.off('error', reject);
        const address = this.http.address();
        resolve({ port: typeof address === 'object' && address ? address.port : port, host });
      });
    });
  }

  async close(): Promise<void> {
    clearInterval(this.ticker);
    if (this.switchTimer) clearTimeout(this.switchTimer);
    await new Promise<void>((resolve) => {
      this.http.close(() => resolve());
      this.http.closeIdleConnections();
      setTimeout(() => this.http.closeAllConnections(), 200).unref();
    });
  }
}
