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
