import { KrakenFuturesClient, type ApiResponse } from '../../../src/core/client';
import { parseKfreq, resolveRequest, runRequests, sendWithClient, type ResolvedRequest, type RunSummary } from '../../../src/core/kfreq';
import { API_KEY, SECRET_A, fakeFetch, fixedNonces, ok, type Answer, type RecordedRequest } from '../client/fakeFetch';
import { fixedSources } from '../kfreq/kfreqFixtures';

export { API_KEY, SECRET_A };

/** A different valid secret: what a person pastes when they copy the wrong one. */
export const OTHER_SECRET = Buffer.alloc(64, 7).toString('base64');

export const BASE_URL = 'http://127.0.0.1:8790';

export function resolved(text: string, index = 0): ResolvedRequest {
  const { request, problems } = resolveRequest(parseKfreq(text), index, { system: fixedSources() });
  if (!request) throw new Error(`fixture does not resolve: ${problems.map((p) => p.message).join('; ')}`);
  return request;
}

/** Runs a file through the real runner and client against a recording fake transport. */
export async function runWithFakeServer(
  text: string,
  answer: (request: RecordedRequest) => Answer = () => ok({}),
  nonce = '1700000000000001',
): Promise<{ summary: RunSummary<ApiResponse>; calls: RecordedRequest[] }> {
  const transport = fakeFetch(answer);
  const client = new KrakenFuturesClient({ baseUrl: BASE_URL, credentials: { apiKey: API_KEY, secret: SECRET_A }, nonce: fixedNonces(nonce), fetch: transport.fetch });
  const summary = await runRequests(parseKfreq(text), { send: sendWithClient(client), environmentId: 'local', context: { system: fixedSources() } });
  return { summary, calls: transport.calls };
}
