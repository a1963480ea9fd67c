import { allEndpoints, findEndpoint, methodsAt, type EndpointSpec } from '../catalog';
import { parseAssert } from './assertion';
import { closest } from './didYouMean';
import { batchOrderValues, checkOrderValues, checkSymbol, indexInstruments, type InstrumentIndex, type InstrumentInfo, type OrderValues } from './instrumentChecks';
import { checkParams, paramEntries, type ParamEntry } from './paramChecks';
import { staticPath } from './requestEndpoint';
import type { SystemSources } from './systemVariables';
import type { Diagnostic, KfreqFile, KfreqRequest } from './types';
import { checkVariables } from './variableChecks';
import { createScope, type VariableScope } from './variables';

/**
 * Everything the editor underlines in a `.kfreq` file: syntax problems from the parser plus the
 * semantic checks against the endpoint catalog, the variables and (when given) instrument data.
 */

export interface DiagnoseContext {
  /** Instrument data for tick-size, size-step and symbol checks; those checks are skipped without it. */
  readonly instruments?: readonly InstrumentInfo[];
  /** The active environment's variables; when absent, unknown variables may still be defined there. */
  readonly environmentVariables?: Readonly<Record<string, string>>;
  /** Known environment ids, to flag a `# @env` that names none of them. */
  readonly environmentIds?: readonly string[];
}

// Values produced by system variables only need the right shape here, so the sources are fixed.
const STATIC_SOURCES: SystemSources = {
  nowMs: () => 1_700_000_000_000,
  uuid: () => '00000000-0000-4000-8000-000000000000',
  nonce: () => '1700000000000000',
  random: () => 0,
};

export function diagnoseKfreq(file: KfreqFile, context: DiagnoseContext = {}): Diagnostic[] {
  const environmentNames = context.environmentVariables ? new Set(Object.keys(context.environmentVariables)) : undefined;
  const diagnostics: Diagnostic[] = [...file.diagnostics, ...checkVariables(file, environmentNames)];
  const scope = createScope(file, { system: STATIC_SOURCES, ...(context.environmentVariables ? { environmentVariables: context.environmentVariables } : {}) });
  const instruments = context.instruments ? indexInstruments(context.instruments) : undefined;
  for (const request of file.requests) diagnostics.push(...checkRequest(request, scope, context, instruments));
  return diagnostics;
}

function checkRequest(request: KfreqRequest, scope: VariableScope, context: DiagnoseContext, instruments: InstrumentIndex | undefined): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const check of request.asserts) {
    const parsed = parseAssert(check.argument?.text ?? '');
    if ('error' in parsed) diagnostics.push({ range: check.argument?.range ?? check.range, severity: 'error', message: parsed.error, code: 'bad-assert' });
  }
  if (request.env && context.environmentIds && !context.environmentIds.includes(request.env.text)) {
    diagnostics.push({
      range: request.env.range,
      severity: 'warning',
      message: `No environment is called \`${request.env.text}\`; known ones: ${context.environmentIds.join(', ')}.`,
      code: 'unknown-environment',
    });
  }
  if (request.requestLine.query && request.params.length > 0) {
    diagnostics.push({
      range: request.requestLine.query.range,
      severity: 'error',
      message: 'Write the parameters either in the query string or as `key = value` lines, not both: Kraken signs one parameter string.',
      code: 'mixed-params',
    });
  }

  const path = staticPath(request, scope);
  if (path === undefined) return diagnostics;
  const match = findEndpoint(request.method, path);
  if (!match) {
    diagnostics.push(unknownEndpoint(request, path));
    return diagnostics;
  }
  const { endpoint, pathParams } = match;
  const entries = paramEntries(request, scope);
  diagnostics.push(...checkParams(request, endpoint, entries, pathParams));
  if (request.sign === false && endpoint.auth === 'private') {
    diagnostics.push({
      range: request.directives.find((d) => d.name.text === 'no-sign')?.range ?? request.requestLine.range,
      severity: 'warning',
      message: `${endpoint.id} is private: without a signature Kraken answers authenticationError.`,
      code: 'unsigned-private',
    });
  }
  if (instruments) diagnostics.push(...checkInstruments(request, endpoint, entries, pathParams, instruments));
  return diagnostics;
}

function unknownEndpoint(request: KfreqRequest, path: string): Diagnostic {
  const methods = methodsAt(path);
  if (methods.length > 0) {
    return {
      range: request.requestLine.method?.range ?? request.requestLine.target.range,
      severity: 'error',
      message: `\`${path}\` is served with ${methods.join(' or ')}, not ${request.method}.`,
      code: 'wrong-method',
    };
  }
  const candidates = allEndpoints().filter((e) => !e.aliasOf);
  const sameMethod = candidates.filter((e) => e.method === request.method).map((e) => e.path);
  const suggestion = closest(path, sameMethod) ?? closest(path, candidates.map((e) => e.path));
  const suggested = suggestion === undefined ? undefined : candidates.find((e) => e.path === suggestion && e.method === request.method) ?? candidates.find((e) => e.path === suggestion);
  return {
    range: request.requestLine.target.range,
    severity: 'warning',
    message:
      `Unknown endpoint \`${request.method} ${path}\`: it is not in the catalog, so its parameters are not checked and it is sent unsigned unless you add \`# @sign\`.` +
      (suggested ? ` Did you mean \`${suggested.method} ${suggested.path}\`?` : ''),
    code: 'unknown-endpoint',
  };
}

function checkInstruments(
  request: KfreqRequest,
  endpoint: EndpointSpec,
  entries: readonly ParamEntry[],
  pathParams: Readonly<Record<string, string>>,
  instruments: InstrumentIndex,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const symbolParams = new Set(endpoint.params.filter((p) => p.type === 'symbol').map((p) => p.name));
  for (const [name, value] of Object.entries(pathParams)) {
    if (!symbolParams.has(name)) continue;
    const unknown = checkSymbol({ text: value, range: request.requestLine.target.range }, instruments);
    if (unknown) diagnostics.push(unknown);
  }
  const known = (name: string): ParamEntry | undefined => entries.find((e) => e.name === name && e.value !== undefined);
  const symbols = entries.filter((e) => symbolParams.has(e.name) && e.value !== undefined);
  const symbol = symbols[0];
  // The first symbol is checked with the order values below; repeated ones (tickers filters) here.
  for (const extra of symbols.slice(1)) {
    const unknown = checkSymbol({ text: extra.value as string, range: extra.valueRange }, instruments);
    if (unknown) diagnostics.push(unknown);
  }
  const size = known('size');
  const prices = ['limitPrice', 'stopPrice'].flatMap((param) => {
    const entry = known(param);
    return entry ? [{ param, text: entry.value as string, range: entry.valueRange }] : [];
  });
  const order: OrderValues = {
    prices,
    ...(symbol ? { symbol: { text: symbol.value as string, range: symbol.valueRange } } : {}),
    ...(size ? { size: { text: size.value as string, range: size.valueRange } } : {}),
  };
  diagnostics.push(...checkOrderValues(order, instruments));
  const json = known('json');
  if (json) for (const instruction of batchOrderValues(json.value as string, json.valueRange)) diagnostics.push(...checkOrderValues(instruction, instruments));
  return diagnostics;
}
