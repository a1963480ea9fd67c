import { strict as assert } from 'node:assert';
import { KrakenFuturesClient } from '../../../src/core/client';
import {
  krakenVerdict,
  parseKfreq,
  runRequests,
  sendWithClient,
  type RequestResult,
  type ResolvedRequest,
  type SendResponse,
  type StoredResponse,
} from '../../../src/core/kfreq';
import { fixedSources, kfreq } from './kfreqFixtures';

/** A fake exchange: answers by endpoint id and records what it was asked. */
function fakeSend(answers: Record<string, (request: ResolvedRequest) => unknown>) {
  const sent: ResolvedRequest[] = [];
  const send = async (request: ResolvedRequest): Promise<SendResponse> => {
    sent.push(request);
    const answer = answers[request.endpoint?.id ?? request.path];
    if (!answer) return { status: 404, headers: {}, rawText: 'not found' };
    const body = answer(request);
    return { status: 200, headers: { 'content-type': 'application/json' }, rawText: JSON.stringify(body), json: body };
  };
  return { sent, send };
}

const ORDER_FILE = kfreq`
  ### Place
  # @name placed
  # @assert body.sendStatus.status == placed
  # @assert body.sendStatus.order_id exists
  POST /derivatives/api/v3/sendorder
  orderType = lmt
  symbol = PF_XBTUSD
  side = buy
  size = 1
  limitPrice = 100
  ### Cancel
  POST /derivatives/api/v3/cancelorder
  order_id = {{placed.response.body.sendStatus.order_id}}
`;

const placedAnswer = () => ({ result: 'success', sendStatus: { status: 'placed', order_id: 'order-7' } });
const cancelledAnswer = (r: ResolvedRequest) => ({ result: 'success', cancelStatus: { status: 'cancelled', order_id: r.params[0]?.[1] } });

describe('kfreq/runner', () => {
  it('runs requests in order, chaining a named response into the next request', async () => {
    const { sent, send } = fakeSend({ sendorder: placedAnswer, cancelorder: cancelledAnswer });
    const seen: string[] = [];
    const summary = await runRequests(parseKfreq(ORDER_FILE), { send, environmentId: 'local', onResult: (r) => seen.push(r.outcome) });
    assert.deepEqual(seen, ['passed', 'passed']);
    assert.equal(summary.passed, 2);
    assert.equal(summary.failed, 0);
    assert.equal(sent[1]?.postData, 'order_id=order-7');
    assert.deepEqual(summary.results[0]?.asserts.map((a) => a.passed), [true, true]);
    assert.equal(summary.results[0]?.name, 'placed');
    assert.equal(summary.results[0]?.title, 'Place');
  });

  it('fails a request whose assert fails, and the dependent request cannot be built', async () => {
    const { send } = fakeSend({ sendorder: () => ({ result: 'success', sendStatus: { status: 'insufficientAvailableFunds' } }), cancelorder: cancelledAnswer });
    const summary = await runRequests(parseKfreq(ORDER_FILE), { send, environmentId: 'local' });
    assert.deepEqual(summary.results.map((r) => r.outcome), ['failed', 'error']);
    assert.match(summary.results[0]?.message ?? '', /Check failed: body.sendStatus.status == placed: found "insufficientAvailableFunds"/);
    assert.match(summary.results[1]?.message ?? '', /line 13: .*has no \.sendStatus\.order_id/);
  });

  it('without asserts, uses Kraken’s verdict (rejections come with result success)', async () => {
    const file = parseKfreq('POST /derivatives/api/v3/sendorder\norderType = mkt\nsymbol = PF_XBTUSD\nside = buy\nsize = 1');
    const { send } = fakeSend({ sendorder: () => ({ result: 'success', sendStatus: { status: 'invalidSize' } }) });
    const summary = await runRequests(file, { send, environmentId: 'local' });
    assert.equal(summary.results[0]?.outcome, 'failed');
    assert.equal(summary.results[0]?.message, 'sendStatus.status = invalidSize');
  });

  it('lets asserts expect an error', async () => {
    const file = parseKfreq('# @assert body.error == authenticationError\nGET /derivatives/api/v3/openpositions');
    const { send } = fakeSend({ openpositions: () => ({ result: 'error', error: 'authenticationError' }) });
    const summary = await runRequests(file, { send, environmentId: 'local' });
    assert.equal(summary.results[0]?.outcome, 'passed');
    assert.equal(summary.results[0]?.verdict?.ok, false);
  });

  it('refuses a request pinned to another environment with a clear message, and runs it where it belongs', async () => {
    const file = parseKfreq('# @env live\nGET /derivatives/api/v3/tickers');
    const { sent, send } = fakeSend({ tickers: () => ({ result: 'success', tickers: [] }) });
    const refused = await runRequests(file, { send, environmentId: 'local' });
    assert.equal(refused.results[0]?.outcome, 'refused');
    assert.match(refused.results[0]?.message ?? '', /pinned to environment `live` \(# @env on line 1\) but the active environment is `local`/);
    assert.equal(sent.length, 0);
    const allowed = await runRequests(file, { send, environmentId: 'live' });
    assert.equal(allowed.results[0]?.outcome, 'passed');
  });

  it('applies a guard before sending', async () => {
    const { sent, send } = fakeSend({ sendorder: placedAnswer });
    const summary = await runRequests(parseKfreq(ORDER_FILE), { send, environmentId: 'live', indices: [0], guard: (r) => (r.mutating ? 'no --max-notional given' : undefined) });
    assert.equal(summary.results[0]?.outcome, 'refused');
    assert.equal(summary.results[0]?.message, 'Refused: no --max-notional given');
    assert.equal(sent.length, 0);
    const asked = await runRequests(parseKfreq(ORDER_FILE), { send, environmentId: 'live', indices: [0], guard: async () => 'declined in the prompt' });
    assert.equal(asked.results[0]?.outcome, 'refused');
    assert.equal(sent.length, 0);
  });

  it('runs only the chosen indices and keeps named responses across runs in a shared map', async () => {
    const { send } = fakeSend({ sendorder: placedAnswer, cancelorder: cancelledAnswer });
    const responses = new Map<string, StoredResponse>();
    const file = parseKfreq(ORDER_FILE);
    await runRequests(file, { send, environmentId: 'local', indices: [0], responses });
    assert.equal(responses.get('placed')?.status, 200);
    const second = await runRequests(file, { send, environmentId: 'local', indices: [1], responses });
    assert.deepEqual(second.results.map((r) => [r.index, r.outcome]), [[1, 'passed']]);
  });

  it('stops on cancellation: the running request is cancelled and the rest are not sent', async () => {
    const controller = new AbortController();
    const sent: string[] = [];
    const send = (request: ResolvedRequest, signal: AbortSignal | undefined) =>
      new Promise<SendResponse>((_resolve, reject) => {
        sent.push(request.path);
        signal?.addEventListener('abort', () => reject(new Error('aborted')));
        controller.abort();
      });
    const summary = await runRequests(parseKfreq(ORDER_FILE), { send, environmentId: 'local', signal: controller.signal });
    assert.deepEqual(summary.results.map((r) => r.outcome), ['cancelled', 'cancelled']);
    assert.equal(summary.cancelled, true);
    assert.equal(sent.length, 1);
  });

  it('reports a transport failure and can stop after the first failure', async () => {
    const send = async (): Promise<SendResponse> => {
      throw new Error('connect ECONNREFUSED 127.0.0.1:1');
    };
    const summary = await runRequests(parseKfreq(ORDER_FILE), { send, environmentId: 'local', stopOnFailure: true });
    assert.deepEqual(summary.results.map((r: RequestResult) => r.outcome), ['error', 'skipped']);
    assert.equal(summary.results[0]?.message, 'Sending failed: connect ECONNREFUSED 127.0.0.1:1');
  });

  it('sends through the real client with the exact parameter string, signed', async () => {
    const wire: { url: string; body: string | undefined; authent: string | null }[] = [];
    const fetchStub = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
      const request = new Request(input, init);
      wire.push({ url: request.url, body: request.method === 'GET' ? undefined : await request.text(), authent: request.headers.get('authent') });
      return new Response(JSON.stringify({ result: 'success', sendStatus: { status: 'placed', order_id: 'o-1' } }), { headers: { 'content-type': 'application/json' } });
    };
    const client = new KrakenFuturesClient({
      baseUrl: 'http://127.0.0.1:9',
      credentials: { apiKey: 'key', secret: Buffer.alloc(64, 7).toString('base64') },
      fetch: fetchStub as typeof fetch,
      retry: { limit: 0, backoffMs: 0 },
    });
    const file = parseKfreq(kfreq`
      POST /derivatives/api/v3/sendorder
      orderType = lmt
      symbol = PF_XBTUSD
      side = buy
      size = 1
      limitPrice = 100
      cliOrdId = {{$uuid}}
      ###
      POST /derivatives/api/v3/cancelallorders?symbol=PF_XBTUSD
    `);
    const summary = await runRequests(file, { send: sendWithClient(client), environmentId: 'local', context: { system: fixedSources() } });
    assert.deepEqual(summary.results.map((r) => r.outcome), ['passed', 'passed']);
    assert.equal(wire[0]?.url, 'http://127.0.0.1:9/derivatives/api/v3/sendorder');
    assert.equal(wire[0]?.body, 'orderType=lmt&symbol=PF_XBTUSD&side=buy&size=1&limitPrice=100&cliOrdId=00000000-0000-4000-8000-000000000001');
    assert.match(wire[0]?.authent ?? '', /^[A-Za-z0-9+/]{86}==$/);
    assert.equal(wire[1]?.url, 'http://127.0.0.1:9/derivatives/api/v3/cancelallorders?symbol=PF_XBTUSD');
    assert.equal(summary.results[0]?.response?.request.postData, summary.results[0]?.request?.postData);
  });
});

describe('kfreq/verdict', () => {
  it('reads HTTP errors, result error, errors[] and nested rejections', () => {
    assert.deepEqual(krakenVerdict(200, { result: 'success', tickers: [] }), { ok: true, reason: 'result = success' });
    assert.equal(krakenVerdict(400, { errors: [{ code: 0, message: '400 BAD_REQUEST' }] }).ok, false);
    assert.equal(krakenVerdict(200, { result: 'error', error: 'nonceDuplicate' }).reason, 'result = error: nonceDuplicate');
    assert.equal(krakenVerdict(500, { errors: [{ code: 92, message: 'INSUFFICIENT_MARGIN' }] }).ok, false);
    assert.equal(krakenVerdict(200, { result: 'success', cancelStatus: { status: 'notFound' } }).reason, 'cancelStatus.status = notFound');
    assert.equal(krakenVerdict(200, { result: 'success', batchStatus: [{ status: 'placed' }, { status: 'requiredArgumentMissing' }] }).reason, 'batchStatus[1].status = requiredArgumentMissing');
    assert.equal(krakenVerdict(200, { result: 'success', cancelStatus: { status: 'noOrdersToCancel' } }).ok, true);
    assert.equal(krakenVerdict(200, 'time,asset\n').ok, true);
  });
});
