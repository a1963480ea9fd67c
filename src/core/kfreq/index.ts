/**
 * The `.kfreq` request-file core: parse, check, complete, resolve and run. Pure (no `vscode`),
 * shared by the extension and the `kfreq` CLI. The format is described in docs/kfreq-format.md.
 */

export type * from './types';
export { parseKfreq } from './parser';
export { diagnoseKfreq, type DiagnoseContext } from './diagnostics';
export { completionsAt, type CompletionContext, type CompletionItem, type CompletionKind } from './completion';
export { hoverAt, type Hover, type HoverContext } from './hover';
export { resolveRequest, type ResolveContext, type ResolvedRequest, type Resolution } from './resolver';
export {
  runRequests,
  storedResponseOf,
  type AssertResult,
  type RequestOutcome,
  type RequestResult,
  type RunOptions,
  type RunSummary,
  type SendFunction,
  type SendResponse,
} from './runner';
export { sendWithClient, wireTarget, type RawCaller } from './clientSend';
export { krakenVerdict, ACCEPTED_STATUSES, type ResponseVerdict } from './verdict';
export { parseAssert, evaluateAssert, ASSERT_OPERATORS, type AssertOperator, type ParsedAssert } from './assertion';
export { readResponse, type StoredResponse } from './responsePath';
export { SYSTEM_VARIABLES, DEFAULT_SYSTEM_SOURCES, type SystemSources } from './systemVariables';
export type { VariableContext } from './variables';
export { indexInstruments, isMultipleOf, type InstrumentInfo } from './instrumentChecks';
export { rangeContains, formatPosition } from './ranges';
export { DIRECTIVE_DOCS } from './directives';
