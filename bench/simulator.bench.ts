import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { computeAuthent, NonceSource } from '../src/core/signing';
import { median, type BenchResult } from './harness';

/**
 * The simulator under load: many concurrent signed clients on loopback against the built CLI (a
 * child process, with --state, so every order is fsynced before its answer). Throughput of public
 * reads, signed reads and signed order entry, each as a ratio against a bare node:http server
 * answering a fixed JSON body, measured in the same rounds. Afterwards it checks that no
 * acknowledged order was lost or duplicated (also across a kill -9 and restart) and that the
 * book is consistent. Bounded: 5 rounds of a fixed number of requests.
 */

const ROOT = resolve(__dirname, '..');
const CLI = join(ROOT, 'dist', 'cli', 'kraken-futures-sim.js');
const CLIENTS = 32;
const ROUNDS = 5;
const PUBLIC_PER_ROUND = 1500;
const ORDERS_PER_ROUND = 600;
const SYMBOL = 'PF_ETHUSD';

interface Server {
  readonly child: ChildProcess;
  readonly host: string;
  readonly port: number;
  readonly apiKey: string;
  readonly secret: string;
}

interface Reply {
  readonly status: number;
  readonly body: string;
}

function spawnServer(args: readonly string[], readSecret: boolean): Promise<Server> {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, KRAKEN_FUTURES_SIM_SECRET: '' } });
  return new Promise((resolvePromise, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${output}`)), 20_000);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
    const onData = (d: Buffer) => {
      output += d.toString();
      const url = /listening on http:\/\/([^:\s]+):(\d+)/.exec(output);
      const apiKey = /api key: (\S+)/.exec(output)?.[1] ?? '';
      const secretFile = /api secret written to (\S+)/.exec(output)?.[1];
      if (!url || (readSecret && (!apiKey || !secretFile))) return;
      clearTimeout(timer);
      const secret = secretFile ? readFileSync(secretFile, 'utf8').trim() : '';
      resolvePromise({ child, host: url[1], port: Number(url[2]), apiKey, secret });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  });
}

const startSim = (stateDir: string) =>
  spawnServer([CLI, '--port', '0', '--state', stateDir, '--no-rate-limits', '--nonce-window', '4096'], true);

/** The baseline: node:http answering a fixed JSON body, nothing else. */
const startBaseline = () =>
  spawnServer(['-e', `require('node:http').createServer((q, s) => { q.resume(); q.on('end', () => { s.writeHead(200, { 'content-type': 'application/json' }); s.end('{"result":"success"}'); }); })
    .listen(0, '127.0.0.1', function () { console.log('listening on http://127.0.0.1:' + this.address().port); });`], false);

function stop(server: Server, signal: NodeJS.Signals): Promise<void> {
  return new Promise((done) => {
    if (server.child.exitCode !== null || server.child.signalCode !== null) return done();
    server.child.removeAllListeners('exit');
    server.child.once('exit', () => done());
    server.child.kill(signal);
  });
}

function send(server: Server, agent: Agent, method: string, path: string, headers: Record<string, string>, body?: string): Promise<Reply> {
  return new Promise((done, fail) => {
    const req = request({ host: server.host, port: server.port, method, path, headers, agent }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => done({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', fail);
    req.end(body);
  });
}

const nonces = new NonceSource({ clock: Date.now });

function signed(server: Server, agent: Agent, method: 'GET' | 'POST', path: string, postData = ''): Promise<Reply> {
  const nonce = nonces.next(server.apiKey);
  const headers: Record<string, string> = { APIKey: server.apiKey, Nonce: nonce, Authent: computeAuthent(server.secret, postData, nonce, path) };
  if (method === 'GET') return send(server, agent, method, postData ? `${path}?${postData}` : path, headers);
  headers['content-type'] = 'application/x-www-form-urlencoded';
  headers['content-length'] = String(Buffer.byteLength(postData));
  return send(server, agent, method, path, headers, postData);
}

/** `total` requests over `agents.length` concurrent keep-alive clients; returns requests per second (wall clock). */
async function drive(agents: readonly Agent[], total: number, one: (i: number, agent: Agent) => Promise<void>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(agents.map(async (agent) => {
    while (next < total) await one(next++, agent);
  }));
  return total / ((performance.now() - started) / 1000);
}

interface Ledger {
  readonly acknowledged: Map<string, string>; // order_id -> cliOrdId
  readonly failures: string[];
}

async function checkBook(sim: Server, agent: Agent, ledger: Ledger, when: string): Promise<void> {
  const open = JSON.parse((await signed(sim, agent, 'GET', '/derivatives/api/v3/openorders')).body) as { openOrders: Array<{ order_id: string; cliOrdId?: string; limitPrice: number; unfilledSize: number }> };
  const ids = open.openOrders.map((o) => o.order_id);
  const idSet = new Set(ids);
  const lost = [...ledger.acknowledged.keys()].filter((id) => !idSet.has(id));
  const unknown = ids.filter((id) => !ledger.acknowledged.has(id));
  if (idSet.size !== ids.length) throw new Error(`${when}: an order is listed twice`);
  if (new Set(open.openOrders.map((o) => o.cliOrdId)).size !== ids.length) throw new Error(`${when}: a cliOrdId is listed twice`);
  if (lost.length > 0 || unknown.length > 0) throw new Error(`${when}: ${lost.length} acknowledged orders lost, ${unknown.length} unknown orders present`);
  const book = JSON.parse((await send(sim, agent, 'GET', `/derivatives/api/v3/orderbook?symbol=${SYMBOL}`, {})).body) as { orderBook: { bids: Array<[number, number]>; asks: Array<[number, number]> } };
  const { bids, asks } = book.orderBook;
  if (bids.some((b, i) => i > 0 && b[0] >= bids[i - 1][0]) || asks.some((a, i) => i > 0 && a[0] <= asks[i - 1][0])) throw new Error(`${when}: book levels out of order`);
  if (bids[0][0] >= asks[0][0]) throw new Error(`${when}: crossed book ${bids[0][0]} >= ${asks[0][0]}`);
  const own = new Map<number, number>();
  for (const o of open.openOrders) own.set(o.limitPrice, (own.get(o.limitPrice) ?? 0) + o.unfilledSize);
  for (const [price, size] of own) {
    const level = bids.find(([p]) => p === price);
    if (!level || Math.abs(level[1] - size) > 1e-6) throw new Error(`${when}: own orders at ${price} (${size}) do not match the book (${level?.[1]})`);
  }
}

export default async function simulatorBench(): Promise<BenchResult[]> {
  if (!existsSync(CLI)) execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), '--production'], { cwd: ROOT, stdio: 'ignore' });
  const stateDir = mkdtempSync(join(tmpdir(), 'kfsim-bench-'));
  const agents = Array.from({ length: CLIENTS }, () => new Agent({ keepAlive: true, maxSockets: 1 }));
  const baseline = await startBaseline();
  let sim = await startSim(stateDir);
  const ledger: Ledger = { acknowledged: new Map(), failures: [] };
  try {
    const bid = (JSON.parse((await send(sim, agents[0], 'GET', `/derivatives/api/v3/tickers/${SYMBOL}`, {})).body) as { ticker: { bid: number } }).ticker.bid;
    // Far below the market so no order fills during the run: every acknowledged order must stay open.
    const priceOf = (i: number) => (Math.floor(bid * 0.8 * 10) - (i % 50)) / 10;
    const rates = { baseline: [] as number[], public: [] as number[], read: [] as number[], write: [] as number[] };
    let sent = 0;
    const cases: Array<[keyof typeof rates, () => Promise<number>]> = [
      ['baseline', () => drive(agents, PUBLIC_PER_ROUND, async (_i, agent) => { await send(baseline, agent, 'GET', `/derivatives/api/v3/tickers/${SYMBOL}`, {}); })],
      ['public', () => drive(agents, PUBLIC_PER_ROUND, async (_i, agent) => {
        const r = await send(sim, agent, 'GET', `/derivatives/api/v3/tickers/${SYMBOL}`, {});
        if (r.status !== 200) ledger.failures.push(`ticker ${r.status}`);
      })],
      ['read', () => drive(agents, PUBLIC_PER_ROUND, async (_i, agent) => {
        const r = await signed(sim, agent, 'GET', '/derivatives/api/v3/accounts');
        if (!r.body.startsWith('{"result":"success"')) ledger.failures.push(`accounts: ${r.body.slice(0, 80)}`);
      })],
      ['write', () => drive(agents, ORDERS_PER_ROUND, async (_i, agent) => {
        const n = sent++;
        const cliOrdId = `bench-${n}`;
        const r = await signed(sim, agent, 'POST', '/derivatives/api/v3/sendorder', `orderType=lmt&symbol=${SYMBOL}&side=buy&size=0.01&limitPrice=${priceOf(n)}&cliOrdId=${cliOrdId}`);
        const status = (JSON.parse(r.body) as { sendStatus?: { status: string; order_id?: string } }).sendStatus;
        if (status?.status === 'placed' && status.order_id) ledger.acknowledged.set(status.order_id, cliOrdId);
        else ledger.failures.push(`sendorder: ${r.body.slice(0, 120)}`);
      })],
    ];
    for (const [, run] of cases) await run(); // warm-up round, not counted
    ledger.acknowledged.clear();
    await signed(sim, agents[0], 'POST', '/derivatives/api/v3/cancelallorders');
    for (let round = 0; round < ROUNDS; round++) {
      for (let k = 0; k < cases.length; k++) {
        const [name, run] = cases[(k + round) % cases.length];
        rates[name].push(await run());
      }
    }
    if (ledger.failures.length > 0) throw new Error(`${ledger.failures.length} requests failed, e.g. ${ledger.failures[0]}`);
    await checkBook(sim, agents[0], ledger, 'after the load');
    await stop(sim, 'SIGKILL');
    sim = await startSim(stateDir);
    await checkBook(sim, agents[0], ledger, 'after kill -9 and restart');

    const ratio = (name: keyof typeof rates) => median(rates[name].map((v, i) => v / rates.baseline[i]));
    const base = { unit: 'req/s', baselineName: 'bare node:http, fixed JSON', baselineValue: median(rates.baseline) };
    const verified = `${ledger.acknowledged.size} orders acknowledged: 0 lost, 0 duplicated (also after kill -9), book uncrossed`;
    return [
      { name: `public GET tickers/${SYMBOL}, ${CLIENTS} clients`, value: median(rates.public), ratio: ratio('public'), ...base },
      { name: `signed GET accounts, ${CLIENTS} clients`, value: median(rates.read), ratio: ratio('read'), ...base },
      { name: `signed POST sendorder, fsynced, ${CLIENTS} clients`, value: median(rates.write), ratio: ratio('write'), ...base, note: verified },
    ];
  } finally {
    await stop(sim, 'SIGTERM');
    await stop(baseline, 'SIGTERM');
    for (const agent of agents) agent.destroy();
    rmSync(stateDir, { recursive: true, force: true });
  }
}
