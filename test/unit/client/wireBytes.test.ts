import { strict as assert } from 'node:assert';
import { inspect } from 'node:util';
import { KrakenFuturesClient, type BatchInstruction } from '../../../src/core/client';
import { API_KEY, SECRET_A, fakeFetch, fixedNonces, ok } from './fakeFetch';

/** The request bytes and signatures must match the reference vectors of §9.4 exactly. */

function clientWith(nonce: string | false, fetchImpl: typeof fetch) {
  return new KrakenFuturesClient({
    baseUrl: 'https://futures.kraken.com',
    credentials: { apiKey: API_KEY, secret: SECRET_A },
    nonce: nonce === false ? false : fixedNonces(nonce),
    fetch: fetchImpl,
  });
}

const placed = ok({ sendStatus: { status: 'placed', order_id: 'a1', receivedTime: '2024-02-20T00:00:00.000Z', orderEvents: [] } });

describe('client: bytes on the wire (reference §9.4)', () => {
  it('R5: sendorder with a space in cliOrdId sends and signs the same %20 body', async () => {
    const t = fakeFetch(() => placed);
    const client = clientWith('1708387200001', t.fetch);
    const status = await client.sendOrder({ symbol: 'PF_XBTUSD', side: 'buy', orderType: 'lmt', size: 0.01, limitPrice: 50000, cliOrdId: 'my order 1' });
    assert.equal(status.status, 'placed');
    const [sent] = t.calls;
    assert.equal(t.calls.length, 1);
    assert.equal(sent.method, 'POST');
    assert.equal(sent.url, 'https://futures.kraken.com/derivatives/api/v3/sendorder');
    assert.equal(sent.body, 'orderType=lmt&symbol=PF_XBTUSD&side=buy&size=0.01&limitPrice=50000&cliOrdId=my%20order%201');
    assert.equal(sent.headers['content-type'], 'application/x-www-form-urlencoded');
    assert.equal(sent.headers.apikey, API_KEY);
    assert.equal(sent.headers.nonce, '1708387200001');
    assert.equal(sent.headers.authent, 'THLapNKRPLDqPzsueECRWBoTL88dsXQyktx25FaiCjddN9bNdNqOibBknPMabwgsFCLE7nGPE4XeVYw3cnpD4A==');
    assert.equal(sent.redirect, 'manual');
  });

  it('R4: GET fills with lastFillTime puts the encoded string in the query and signs it', async () => {
    const t = fakeFetch(() => ok({ fills: [] }));
    await clientWith('1708387200000', t.fetch).fills('2024-02-20T00:00:00.000Z');
    const [sent] = t.calls;
    assert.equal(sent.url, 'https://futures.kraken.com/derivatives/api/v3/fills?lastFillTime=2024-02-20T00%3A00%3A00.000Z');
    assert.equal(sent.body, '');
    assert.equal(sent.headers['content-type'], undefined);
    assert.equal(sent.headers.authent, '7puKK2lcosHIqKxq5B8kuxtrNDbwyPJ0g9VFDm4QSOxefsij8+cCWyWK1Zg5YZUSgVl7kELdifFE7P66rZYotQ==');
  });

  it('R6: batchorder sends one URL-encoded json= field', async () => {
    const t = fakeFetch(() => ok({ batchStatus: [{ status: 'placed', order_tag: '1', orderEvents: [] }, { status: 'cancelled', orderEvents: [] }] }));
    const instructions: BatchInstruction[] = [
      { order: 'send', order_tag: '1', orderType: 'lmt', symbol: 'PF_XBTUSD', side: 'buy', size: 0.01, limitPrice: 50000 },
      { order: 'cancel', order_id: 'e35d61dd-8a30-4d5f-a574-b5593ef0c050' },
    ];
    const statuses = await clientWith('1708387200002', t.fetch).batchOrder(instructions);
    assert.equal(statuses.length, 2);
    assert.match(t.calls[0].body, /^json=%7B%22batchOrder%22%3A%5B%7B%22order%22%3A%22send%22/);
    assert.equal(t.calls[0].headers.authent, 'Ol29q+AOBuMfo6PyhIjgrfeDTYzcx6j/sMiFwdiUFwmkq0coM2+f1YV1oFWsvW/S6VWU6yEYFCoi8bx2OnMOUQ==');
  });

  it('R7: history paths are signed in full', async () => {
    const t = fakeFetch(() => ok({ logs: [] }));
    await clientWith('1708387200003', t.fetch).call('history.accountlog', { count: 500, sort: 'asc' });
    assert.equal(t.calls[0].url, 'https://futures.kraken.com/api/history/v3/account-log?count=500&sort=asc');
    assert.equal(t.calls[0].headers.authent, 'Az1NJ3erJMTno2Og2GLJdImBCPqNCrmokIQ8sDVAvWRuCDtHR29l1fgJL3JqRtOyc6mT5fzVxYOgQxBrDbnUlQ==');
  });

  it('R8: orders/status repeats orderIds in the body', async () => {
    const t = fakeFetch(() => ok({ orders: [] }));
    await clientWith('1708387200004', t.fetch).orderStatus({ orderIds: ['2c611222-bfe6-42d1-9f55-77bddc01a313', '5f204f95-4354-4610-bb3b-c902ad333012'] });
    assert.equal(t.calls[0].body, 'orderIds=2c611222-bfe6-42d1-9f55-77bddc01a313&orderIds=5f204f95-4354-4610-bb3b-c902ad333012');
    assert.equal(t.calls[0].headers.authent, 'GzCR3k9KWC1U9Hglc/qmc6bhmgPbFNhiyYS7G3O7Aq8tD1SP7gGCoWN8eOXuOQJu26Inf/p5xVQewz2Brc8ovw==');
  });

  it('R1/R2: openpositions with a nonce, and without one (no Nonce header)', async () => {
    const withNonce = fakeFetch(() => ok({ openPositions: [] }));
    await clientWith('1415957147987', withNonce.fetch).openPositions();
    assert.equal(withNonce.calls[0].headers.authent, 'POeFsOK5gPirKa61Od2UFL4Xdh/iOjskpNYzlASnPrSIUkQkhH88M5xLBxzNgEmiu72AFL08Ou+CsgsYFm1XhA==');
    const noNonce = fakeFetch(() => ok({ openPositions: [] }));
    await clientWith(false, noNonce.fetch).openPositions();
    assert.equal(noNonce.calls[0].headers.nonce, undefined);
    assert.equal(noNonce.calls[0].headers.authent, '97NHlfPZy2jSPglkvI5ZaYjteN2sBRIK32YTyrR8Op+S0+TKyqJvZPeUuV0CQhcW0oq7DKYxq3B/Vq0H+PJGWQ==');
  });

  it('does not sign public endpoints and fills path parameters', async () => {
    const t = fakeFetch(() => ok({ ticker: { symbol: 'PF_XBTUSD', last: '1' } }));
    const ticker = await clientWith('1', t.fetch).ticker('PF_XBTUSD');
    assert.equal(ticker.last, 1);
    assert.equal(t.calls[0].url, 'https://futures.kraken.com/derivatives/api/v3/tickers/PF_XBTUSD');
    assert.equal(t.calls[0].headers.authent, undefined);
    assert.equal(t.calls[0].headers.apikey, undefined);
  });

  it('reports the wire request and signature trace without the secret or the raw key', async () => {
    const t = fakeFetch(() => ok({ accounts: {} }));
    const answer = await clientWith('1708387200009', t.fetch).call('accounts');
    assert.equal(answer.request.url, 'https://futures.kraken.com/derivatives/api/v3/accounts');
    assert.match(answer.request.headers.apikey, /^TEST…abcd#[0-9a-f]{6}$/);
    assert.equal(answer.signature?.endpointPath, '/api/v3/accounts');
    assert.equal(answer.signature?.message, '1708387200009/api/v3/accounts');
    assert.equal(answer.signature?.authent, t.calls[0].headers.authent);
    const everything = inspect(answer, { depth: 20 }) + JSON.stringify(answer);
    assert.ok(!everything.includes(SECRET_A), 'secret leaked');
    assert.ok(!everything.includes(API_KEY), 'raw API key leaked');
    assert.equal(answer.timing.attempts, 1);
    assert.equal(answer.status, 200);
  });
});
