import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KrakenFuturesClient } from '../../../src/core/client';
import { diagnoseKfreq, parseKfreq, runRequests, sendWithClient } from '../../../src/core/kfreq';
import { startSimulator, type RunningSimulator } from '../../../src/simulator';

/**
 * The examples/ tour must run green against the local simulator, in file order, each file as the
 * editor runs it (its own named responses), and show no errors in the editor.
 */

const EXAMPLES = join(__dirname, '..', '..', '..', 'examples');
const files = readdirSync(EXAMPLES).filter((f) => f.endsWith('.kfreq')).sort();

describe('examples/*.kfreq: the tour', () => {
  let simulator: RunningSimulator;
  let client: KrakenFuturesClient;

  before(async () => {
    simulator = await startSimulator({ rateLimits: false });
    client = new KrakenFuturesClient({ baseUrl: simulator.baseUrl, credentials: { apiKey: simulator.apiKey, secret: simulator.secret } });
  });
  after(() => simulator?.close());

  it('covers market data, account, order lifecycle, batch orders and signature debugging', () => {
    const topics = ['market-data', 'account', 'order-lifecycle', 'batch-orders', 'signature-debugging'];
    for (const topic of topics) assert.ok(files.some((f) => f.includes(topic)), `no example for ${topic}`);
    const readme = readFileSync(join(EXAMPLES, 'README.md'), 'utf8');
    for (const file of files) assert.ok(readme.includes(file), `examples/README.md does not mention ${file}`);
  });

  for (const file of files) {
    it(`${file} has no errors and every request passes`, async () => {
      const parsed = parseKfreq(readFileSync(join(EXAMPLES, file), 'utf8'));
      const errors = diagnoseKfreq(parsed).filter((d) => d.severity === 'error');
      assert.deepEqual(errors.map((d) => `${d.range.start.line + 1}: ${d.message}`), []);
      const summary = await runRequests(parsed, { send: sendWithClient(client), environmentId: 'local' });
      const failed = summary.results.filter((r) => r.outcome !== 'passed').map((r) => `#${r.index + 1} ${r.outcome}: ${r.message}`);
      assert.deepEqual(failed, []);
      assert.equal(summary.passed, parsed.requests.length);
      assert.ok(summary.passed > 0);
    });
  }
});
