import { strict as assert } from 'node:assert';
import { buildParamString, endpointById } from '../../../src/core/catalog';
import { KrakenFuturesClient } from '../../../src/core/client';
import { ApprovalLedger, GuardRefusal, guardedFetch } from '../../../src/extension/environments/guardedFetch';
import { API_KEY, SECRET_A, fakeFetch, ok } from '../client/fakeFetch';

const ORDER = [['orderType', 'lmt'], ['symbol', 'PF_XBTUSD'], ['side', 'buy'], ['size', '1'], ['limitPrice', '100']] as const;

function liveClient(approvals: ApprovalLedger, live = true) {
  const transport = fakeFetch(() => ok({ sendStatus: { status: 'placed', order_id: 'o-1', receivedTime: '2024-02-20T00:00:00.000Z' }, accounts: {} }));
  const fetch = guardedFetch(transport.fetch, { credentialHost: 'https://futures.kraken.com', live, environmentLabel: 'Live', approvals });
  const client = new KrakenFuturesClient({ baseUrl: 'https://futures.kraken.com', credentials: { apiKey: API_KEY, secret: SECRET_A }, fetch });
  return { client, calls: transport.calls };
}

describe('environments: guarded fetch (host binding and live approvals)', () => {
  it('refuses an unapproved state-changing request on live without sending it, as a GuardRefusal', async () => {
    const { client, calls } = liveClient(new ApprovalLedger());
    const error = await client.call('sendorder', ORDER).then(() => undefined, (e: unknown) => e);
    assert.ok(error instanceof GuardRefusal, String(error));
    assert.match(error.message, /Refused POST \/derivatives\/api\/v3\/sendorder on Live: .* must be confirmed through the live guard first/);
    assert.equal(calls.length, 0);
  });

  it('lets an approved request through exactly once, whatever the parameter order', async () => {
    const approvals = new ApprovalLedger();
    const { client, calls } = liveClient(approvals);
    approvals.grant(endpointById('sendorder')!, [...ORDER].reverse());
    await client.call('sendorder', ORDER);
    assert.equal(calls.length, 1);
    assert.equal(approvals.pending, 0);
    await assert.rejects(client.call('sendorder', ORDER), GuardRefusal);
    approvals.grant(endpointById('sendorder')!, [['orderType', 'lmt'], ['symbol', 'PF_XBTUSD'], ['side', 'buy'], ['size', '2'], ['limitPrice', '100']]);
    await assert.rejects(client.call('sendorder', ORDER), GuardRefusal, 'an approval of another size does not cover this order');
  });

  it('guards raw() too, and an unknown non-GET path counts as state-changing', async () => {
    const { client, calls } = liveClient(new ApprovalLedger());
    await assert.rejects(client.raw('POST', '/derivatives/api/v3/sendorder', buildParamString(ORDER)), GuardRefusal);
    await assert.rejects(client.raw('DELETE', '/derivatives/api/v3/somethingnew'), GuardRefusal);
    await client.raw('GET', '/derivatives/api/v3/accounts');
    assert.equal(calls.length, 1, 'only the read went out');
  });

  it('does not ask for approvals off live', async () => {
    const { client, calls } = liveClient(new ApprovalLedger(), false);
    await client.call('sendorder', ORDER);
    assert.equal(calls.length, 1);
  });

  it('never sends signed requests to another host; unsigned ones may go anywhere', async () => {
    const { client, calls } = liveClient(new ApprovalLedger());
    await assert.rejects(client.raw('GET', 'https://evil.example/derivatives/api/v3/accounts'), /Refused to send the Live credentials to https:\/\/evil\.example: they are bound to https:\/\/futures\.kraken\.com/);
    await client.raw('GET', 'https://other.example/derivatives/api/v3/tickers', '', { sign: false });
    assert.deepEqual(calls.map((c) => c.url), ['https://other.example/derivatives/api/v3/tickers']);
  });
});
