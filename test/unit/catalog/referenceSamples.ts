/** Response bodies from the reference (§4), as Kraken documents or ccxt captured them. */

const order = (extra: Record<string, unknown> = {}) => ({
  orderId: '179f9af8-e45e-469d-b3e9-2fd4675cb7d0', cliOrdId: null, type: 'lmt', symbol: 'PI_XBTUSD', side: 'buy',
  quantity: 10000, filled: 0, limitPrice: 9400, reduceOnly: false,
  timestamp: '2019-09-05T16:33:50.734Z', lastUpdateTimestamp: '2019-09-05T16:33:50.734Z', ...extra,
});

export const samples = {
  instruments: {
    result: 'success', serverTime: '2022-06-28T09:29:04.243Z',
    instruments: [
      { symbol: 'PI_XBTUSD', pair: 'XBT:USD', base: 'XBT', quote: 'USD', type: 'futures_inverse', underlying: 'rr_xbtusd', tickSize: 0.5, contractSize: 1, contractValueTradePrecision: 0, tradeable: true, impactMidSize: 1, maxPositionSize: 1000000, openingDate: '2022-01-01T00:00:00.000Z', marginLevels: [{ contracts: 0, initialMargin: 0.02, maintenanceMargin: 0.01 }], retailMarginLevels: [{ contracts: 0, initialMargin: 0.5, maintenanceMargin: 0.25 }], fundingRateCoefficient: 8, maxRelativeFundingRate: 0.001, postOnly: false, category: '', tags: [], tradfi: false, mtf: true, isExpired: false },
      { symbol: 'PF_XBTUSD', pair: 'XBT:USD', type: 'flexible_futures', tickSize: 1, contractSize: 1, contractValueTradePrecision: 4, tradeable: true, marginLevels: [{ numNonContractUnits: 0, initialMargin: 0.02, maintenanceMargin: 0.01 }, { numNonContractUnits: 500000, initialMargin: 0.04, maintenanceMargin: 0.02 }], category: 'Layer 1' },
      { symbol: 'FI_XBTUSD_220930', type: 'futures_inverse', lastTradingTime: '2022-09-30T15:00:00.000Z', tickSize: 0.5, contractSize: 1, tradeable: true, isExpired: false },
    ],
  },
  tickers: {
    result: 'success', serverTime: '2022-06-17T11:00:31.335Z',
    tickers: [
      { tag: 'perpetual', pair: 'XBT:USD', symbol: 'PI_XBTUSD', markPrice: 30209.9, bid: 8634, bidSize: 1000, ask: 49289, askSize: 139984, vol24h: 15304, volumeQuote: 7305.2, openInterest: 149655, open24h: 49289, indexPrice: 21087.8, last: 49289, lastTime: '2022-06-17T10:46:35.705Z', lastSize: 100, suspended: false, fundingRate: 1.18588737106e-7, fundingRatePrediction: 1.1852486794e-7, postOnly: false, change24h: 1.9974017538161748 },
      { symbol: 'in_xbtusd', last: 21088, lastTime: '2022-06-17T11:00:30.000Z' },
      { symbol: 'PF_ETHUSD', markPrice: '2925.72', last: '2925.5' },
    ],
  },
  orderbook: { result: 'success', serverTime: '2016-02-25T09:45:53.818Z', orderBook: { bids: [[4213, 2000], [4210, 4000]], asks: [[4218, 4000], ['4220', '5000']] } },
  accounts: {
    result: 'success', serverTime: '2016-02-25T09:45:53.818Z',
    accounts: {
      cash: { type: 'cashAccount', balances: { xbt: '141.31756797', xrp: '52465.1254' } },
      fi_xbtusd: { type: 'marginAccount', currency: 'xbt', balances: { FI_XBTUSD_171215: '50000', xbt: '141.31756797' }, auxiliary: { af: 100.73891563, funding: 100.73891563, pnl: 12.42134766, pv: 153.73891563, usd: 0 }, marginRequirements: { im: 52.8, mm: 23.76, lt: 39.6, tt: 15.84 }, triggerEstimates: { im: 3110, mm: 3000, lt: 2890, tt: 2830 } },
      flex: { type: 'multiCollateralMarginAccount', currencies: { USD: { quantity: 5000, value: 5000, collateral: 5000, available: 5000 }, XBT: { quantity: 0.1185308247, value: 4998.72, collateral: 4886.49, available: 0.1185308247 } }, balanceValue: 34995.52, portfolioValue: 34995.52, collateralValue: 34122.66, initialMargin: 0, initialMarginWithOrders: 0, maintenanceMargin: 0, pnl: 0, unrealizedFunding: 0, totalUnrealized: 0, totalUnrealizedAsMargin: 0, marginEquity: 34122.66, availableMargin: 34122.66 },
    },
  },
  openpositions: {
    result: 'success', serverTime: '2020-07-22T14:39:12.376Z',
    openPositions: [
      { side: 'short', symbol: 'PI_XBTUSD', price: 9392.749993345933, size: 10000, fillTime: '2020-07-22T14:00:00.000Z', unrealizedPnl: -607250.006654067, unrealizedFunding: 0.00001045432180096817 },
      { side: 'long', symbol: 'PF_DEFIUSD', price: 570, size: 1, unrealizedPnl: 12.34, unrealizedFunding: -0.0073428045972263895, pnlCurrency: 'BTC', maxFixedLeverage: 5 },
    ],
  },
  openorders: {
    result: 'success', serverTime: '2019-09-05T17:08:18.138Z',
    openOrders: [{ order_id: '59302619-41d2-4f0b-941f-7e7914760ad3', symbol: 'PI_XBTUSD', side: 'sell', orderType: 'lmt', limitPrice: 10640, unfilledSize: 304, receivedTime: '2019-09-05T17:01:17.410Z', status: 'untouched', filledSize: 0, reduceOnly: true, lastUpdateTime: '2019-09-05T17:01:17.410Z' }],
  },
  fills: {
    result: 'success', serverTime: '2020-07-22T13:44:24.311Z',
    fills: [
      { fill_id: '3d57ed09-fbd6-44f1-8e8b-b10e551c5e73', symbol: 'PI_XBTUSD', side: 'buy', order_id: '693af756-055e-47ef-99d5-bcf4c456ebc5', size: 5490, price: 9400, fillTime: '2020-07-22T13:37:27.077Z', fillType: 'maker' },
      { fill_id: '56b86ada-73b0-454d-a95a-e29e3e85b349', symbol: 'PI_XBTUSD', side: 'buy', order_id: '3f513c4c-683d-44ab-a73b-d296abbea201', size: 5000, price: 9456, fillTime: '2020-07-21T12:41:52.790Z', fillType: 'taker', cliOrdId: 'my-id-1' },
    ],
  },
  sendorderPlaced: { result: 'success', serverTime: '2019-09-05T16:33:50.734Z', sendStatus: { order_id: '179f9af8-e45e-469d-b3e9-2fd4675cb7d0', status: 'placed', receivedTime: '2019-09-05T16:33:50.734Z', orderEvents: [{ type: 'PLACE', reducedQuantity: null, order: order() }] } },
  sendorderRejected: { result: 'success', serverTime: '2016-02-25T09:45:53.818Z', sendStatus: { receivedTime: '2016-02-25T09:45:53.601Z', status: 'insufficientAvailableFunds' } },
  sendorderIoc: { result: 'success', serverTime: '2019-09-05T16:32:54.077Z', sendStatus: { order_id: '614a5298-0071-450f-83c6-0617ce8c6bc4', status: 'iocWouldNotExecute', receivedTime: '2019-09-05T16:32:54.076Z', orderEvents: [{ type: 'REJECT', uid: '614a5298-0071-450f-83c6-0617ce8c6bc4', reason: 'IOC_WOULD_NOT_EXECUTE', order: order({ reduceOnly: true }) }] } },
  sendorderExecution: { result: 'success', serverTime: '2026-03-02T06:10:31.955Z', sendStatus: { status: 'placed', order_id: 'a133a4f9-254d-4806-8176-9acc936b6944', receivedTime: '2026-03-02T06:10:31.954Z', orderEvents: [{ type: 'EXECUTION', executionId: '403bf49f-dbbe-448b-8de7-fd3cf38cc5dd', price: 66596.0, amount: 0.001, orderPriorEdit: null, takerReducedQuantity: null, orderPriorExecution: order({ type: 'ioc', symbol: 'PF_XBTUSD', quantity: 0.001, limitPrice: 67261.0 }) }] } },
  editorder: { result: 'success', serverTime: '2019-09-05T16:47:47.521Z', editStatus: { status: 'edited', orderId: '022774bc-2c4a-4f26-9317-436c8d85746d', receivedTime: '2019-09-05T16:47:47.521Z', orderEvents: [{ type: 'EDIT', old: order(), new: order({ quantity: 1000 }), reducedQuantity: null }] } },
  cancelorder: { result: 'success', serverTime: '2020-07-22T13:26:20.806Z', cancelStatus: { status: 'cancelled', order_id: 'cb4e34f6-4eb3-4d4b-9724-4c3035b99d47', receivedTime: '2020-07-22T13:26:20.806Z', orderEvents: [{ type: 'CANCEL', uid: 'cb4e34f6-4eb3-4d4b-9724-4c3035b99d47', order: order({ cliOrdId: '1234568' }) }] } },
  cancelallorders: { result: 'success', serverTime: '2019-11-26T13:57:23.573Z', cancelStatus: { receivedTime: '2019-11-26T13:57:23.573Z', cancelOnly: 'all', status: 'cancelled', cancelledOrders: [{ order_id: '6180adfa-e4b1-4a52-adac-ea5417620dbd' }], orderEvents: [{ type: 'CANCEL', uid: '6180adfa-e4b1-4a52-adac-ea5417620dbd', order: order() }] } },
  cancelallordersafter: { result: 'success', serverTime: '2018-06-19T16:51:23.839Z', status: { currentTime: '2018-06-19T16:51:23.839Z', triggerTime: '0' } },
  batchorder: {
    result: 'success', serverTime: '2019-09-05T16:41:40.996Z',
    batchStatus: [
      { status: 'placed', order_tag: '1', order_id: '022774bc-2c4a-4f26-9317-436c8d85746d', dateTimeReceived: '2019-09-05T16:41:35.173Z', orderEvents: [{ type: 'PLACE', order: order() }] },
      { status: 'cancelled', order_id: '566942c8-a3b5-4184-a451-622b09493129', orderEvents: [{ type: 'CANCEL', uid: '566942c8-a3b5-4184-a451-622b09493129', order: order() }] },
      { status: 'requiredArgumentMissing', orderEvents: [] },
    ],
  },
} as const;
