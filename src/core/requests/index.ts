/**
 * Pure helpers behind the extension's `.kfreq` runner: dry-run signing, cURL export, plain-words
 * explanations of rejected signatures, the response-view entry model and the request history.
 * No `vscode` import, so they are unit-tested with plain mocha.
 */
export { dryRunRequest, type DryRun, type DryRunOptions } from './dryRun';
export { curlCommand, shellQuote, API_KEY_PLACEHOLDER, type CurlOptions } from './curlCommand';
export {
  explainRejection,
  rejectionKindOf,
  type RejectionExplanation,
  type RejectionInput,
  type RejectionKind,
  type DoctorFinding,
} from './rejectionExplanation';
export {
  entryFromResult,
  signatureEntry,
  doctorEntry,
  wireViewOf,
  signatureViewOf,
  signingOf,
  bodyViewOf,
  titleOf,
  MAX_BODY_CHARS,
  type ResponseEntry,
  type EntryKind,
  type EntryContext,
  type EntryEnvironment,
  type WireView,
  type SignatureView,
  type TraceStepView,
  type BodyView,
  type KrakenView,
  type DoctorView,
} from './responseEntry';
export {
  addToHistory,
  compactForHistory,
  parseHistory,
  serializeHistory,
  redactCredentials,
  containsSecret,
  historySizeOf,
  DEFAULT_HISTORY_SIZE,
  MAX_HISTORY_SIZE,
  HISTORY_BODY_CHARS,
  type ParsedHistory,
} from './requestHistory';
