import * as assert from 'node:assert/strict';
import { SEND_STATUS_VALUES } from '../../../src/core/catalog';
import { checkSwitchSeconds, closingDraft, explainStatus, formatCountdown, secondsLeft, statusSentence, switchStateOf } from '../../../src/core/orders';
import { xbtLinear } from './orderFixtures';

describe('order statuses, closing orders and the dead man\'s switch', () => {
  it('explains every documented sendStatus value in plain words', () => {
    for (const status of SEND_STATUS_VALUES) {
      const explained = explainStatus(status);
      assert.doesNotMatch(explained.meaning, /does not know/, `${status} has no explanation`);
    }
    assert.equal(explainStatus('placed').accepted, true);
    const funds = explainStatus('insufficientAvailableFunds');
    assert.equal(funds.accepted, false);
    assert.match(funds.meaning, /Not enough available margin/);
    assert.match(funds.advice ?? '', /Reduce the size/);
  });

  it('says an unknown status is unknown instead of guessing', () => {
    assert.match(statusSentence('brandNewStatus'), /Rejected \(brandNewStatus\): .*does not know/);
    assert.match(statusSentence('postWouldExecute'), /^Rejected \(postWouldExecute\): A post-only order/);
  });

  it('closes a position with the opposite side, full size on the grid, reduce-only', () => {
    assert.deepEqual(closingDraft({ symbol: 'PF_XBTUSD', side: 'long', size: 0.30000000000000004 }, { orderType: 'mkt' }, xbtLinear), {
      symbol: 'PF_XBTUSD', side: 'sell', orderType: 'mkt', size: '0.3', reduceOnly: true,
    });
    const limit = closingDraft({ symbol: 'PI_XBTUSD', side: 'short', size: 100 }, { orderType: 'lmt', limitPrice: '90000.5' });
    assert.equal(limit.side, 'buy');
    assert.equal(limit.limitPrice, '90000.5');
  });

  it('reads an armed switch relative to the server clock and counts down', () => {
    const receivedAt = 1_000_000;
    // The server clock is 5 minutes ahead of ours; the switch fires 60 s after the server's now.
    const state = switchStateOf({ currentTime: '2026-01-01T00:05:00.000Z', triggerTime: '2026-01-01T00:06:00.000Z' }, receivedAt);
    assert.deepEqual(state, { armed: true, deadline: receivedAt + 60_000 });
    assert.equal(secondsLeft(state, receivedAt + 500), 60);
    assert.equal(secondsLeft(state, receivedAt + 59_001), 1);
    assert.equal(secondsLeft(state, receivedAt + 90_000), 0);
    assert.deepEqual(switchStateOf({ currentTime: '2026-01-01T00:05:00.000Z', triggerTime: '0' }, receivedAt), { armed: false });
  });

  it('formats the countdown and checks the timeout', () => {
    assert.equal(formatCountdown(65), '1:05');
    assert.equal(formatCountdown(9), '0:09');
    assert.equal(formatCountdown(3725), '1:02:05');
    assert.equal(checkSwitchSeconds('60'), undefined);
    assert.match(checkSwitchSeconds('0') ?? '', /Disarm/);
    assert.match(checkSwitchSeconds('1.5') ?? '', /whole number/);
    assert.match(checkSwitchSeconds('100000') ?? '', /one day/);
  });
});
