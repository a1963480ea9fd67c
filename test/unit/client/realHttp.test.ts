import { strict as assert } from 'node:assert';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { KrakenFuturesClient, NotJsonError, TimeoutError } from '../../../src/core/client';

/**
 * Node's real fetch behind ky, against a bare HTTP server: a 301 must reach the client as a 301
 * (not be followed to the web page), and a silent server must end in TimeoutError.
 */

describe('client over real sockets', () => {
  let server: Server;
  let baseUrl: string;
  let followed = 0;

  before(async () => {
    server = createServer((req, res) => {
      if (req.url?.startsWith('/derivatives/api/v3/tickers')) {
        res.writeHead(301, { location: `${baseUrl}/marketing` }).end();
      } else if (req.url === '/marketing') {
        followed++;
        res.writeHead(200, { 'content-type': 'text/html' }).end('<html><title>Futures</title></html>');
      }
      // Anything else: never answer (the timeout case).
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('reports a redirect instead of following it', async () => {
    const client = new KrakenFuturesClient({ baseUrl });
    await assert.rejects(client.tickers(), (e: unknown) => e instanceof NotJsonError && e.redirectLocation === `${baseUrl}/marketing`);
    assert.equal(followed, 0);
  });

  it('ends a silent request with TimeoutError', async () => {
    const client = new KrakenFuturesClient({ baseUrl, timeoutMs: 50, retry: { limit: 0, backoffMs: 1 } });
    await assert.rejects(client.instruments(), TimeoutError);
  });
});
