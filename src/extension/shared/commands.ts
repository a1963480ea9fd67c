/**
 * Every command id the extension contributes, in one place, so package.json, handlers, menus and
 * tests cannot drift apart. Keep in sync with `contributes.commands` in package.json.
 */
export const Commands = {
  showSignatureSteps: 'krakenFutures.showSignatureSteps',
  switchEnvironment: 'krakenFutures.switchEnvironment',
  setCredentials: 'krakenFutures.setCredentials',
  clearCredentials: 'krakenFutures.clearCredentials',
  showCredentials: 'krakenFutures.showCredentials',
  testConnection: 'krakenFutures.testConnection',
  configureEnvironments: 'krakenFutures.configureEnvironments',
  // Explorer tree and order entry (src/extension/explorer, src/extension/orders).
  refreshExplorer: 'krakenFutures.refreshExplorer',
  filterInstruments: 'krakenFutures.filterInstruments',
  clearInstrumentFilter: 'krakenFutures.clearInstrumentFilter',
  copySymbol: 'krakenFutures.copySymbol',
  openOrderBookRequest: 'krakenFutures.openOrderBookRequest',
  openTickerRequest: 'krakenFutures.openTickerRequest',
  placeOrder: 'krakenFutures.placeOrder',
  cancelOrder: 'krakenFutures.cancelOrder',
  editOrder: 'krakenFutures.editOrder',
  openOrderRequest: 'krakenFutures.openOrderRequest',
  closePosition: 'krakenFutures.closePosition',
  openPositionRequest: 'krakenFutures.openPositionRequest',
  cancelAllOrders: 'krakenFutures.cancelAllOrders',
  armDeadManSwitch: 'krakenFutures.armDeadManSwitch',
  disarmDeadManSwitch: 'krakenFutures.disarmDeadManSwitch',
  sendRequest: 'krakenFutures.sendRequest',
  sendAllRequests: 'krakenFutures.sendAllRequests',
  showRequestSignature: 'krakenFutures.showRequestSignature',
  copyRequestAsCurl: 'krakenFutures.copyRequestAsCurl',
  copyRequestAsCurlWithKey: 'krakenFutures.copyRequestAsCurlWithKey',
  diagnoseSignature: 'krakenFutures.diagnoseSignature',
  openRequestHistory: 'krakenFutures.openRequestHistory',
  clearRequestHistory: 'krakenFutures.clearRequestHistory',
} as const;

export type CommandId = (typeof Commands)[keyof typeof Commands];

/** View ids contributed under the `krakenFutures` activity-bar container. */
export const Views = {
  container: 'krakenFutures',
  instruments: 'krakenFutures.instruments',
  positions: 'krakenFutures.positions',
  orders: 'krakenFutures.orders',
  account: 'krakenFutures.account',
} as const;

export const LANGUAGE_ID = 'kfreq';
