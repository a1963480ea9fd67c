import { diagnoseKfreq, formatPosition, parseKfreq, rangeContains, type Diagnostic, type KfreqFile } from '../../core/kfreq';
import { UsageError, type CliIo } from '../io';

/**
 * Reads and parses the request files of a run and picks the requests to send (all, or those named
 * with --name). Syntax errors stop the whole run before anything is sent: a CI job should not
 * half-run a file that does not say what its author meant.
 */

export interface LoadedFile {
  /** As named on the command line (so `file:line:col` can be clicked in a terminal). */
  readonly path: string;
  readonly file: KfreqFile;
  /** Indices into `file.requests`, in file order. */
  readonly indices: readonly number[];
}

export interface LoadedRun {
  readonly files: readonly LoadedFile[];
  /** `file:line:col: error: ...` lines; non-empty means nothing may be sent. */
  readonly syntaxErrors: readonly string[];
  /** Semantic problems of the selected requests, reported but not blocking (Kraken's answer is the point). */
  readonly warnings: readonly string[];
}

const MAX_WARNINGS_PER_FILE = 20;

/** A name that does not exist is shown only when it looks like a request file, never a pasted secret. */
function shownPath(path: string): string {
  return /\.kfreq$/i.test(path) && path.length <= 300 ? `'${path}'` : '(not shown: request files end in .kfreq)';
}

function readText(path: string, io: CliIo): string {
  try {
    return io.readFile(path);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ENOENT') throw new UsageError(`request file ${shownPath(path)}: no such file.`);
    if (code === 'EISDIR') throw new UsageError(`'${path}' is a directory; give the .kfreq files themselves (e.g. requests/*.kfreq).`);
    if (code === 'EACCES') throw new UsageError(`request file '${path}': permission denied.`);
    throw new UsageError(`request file ${shownPath(path)} could not be read.`);
  }
}

export function formatDiagnostic(path: string, diagnostic: Diagnostic): string {
  return `${path}:${formatPosition(diagnostic.range.start)}: ${diagnostic.severity}: ${diagnostic.message} [${diagnostic.code}]`;
}

function selectIndices(file: KfreqFile, names: readonly string[]): number[] {
  if (names.length === 0) return file.requests.map((r) => r.index);
  return file.requests.filter((r) => names.includes(r.name?.text ?? '') || names.includes(r.title?.text ?? '')).map((r) => r.index);
}

/** `variables` are the run's --var values: with any given, an unknown `{{name}}` is checked against them too. */
export function loadRequestFiles(paths: readonly string[], names: readonly string[], environmentIds: readonly string[], io: CliIo, variables: Readonly<Record<string, string>> = {}): LoadedRun {
  const environmentVariables = Object.keys(variables).length > 0 ? { environmentVariables: variables } : {};
  if (paths.length === 0) throw new UsageError("give at least one request file, e.g. 'kfreq run requests/smoke.kfreq'; see 'kfreq run --help'.");
  const files: LoadedFile[] = [];
  const syntaxErrors: string[] = [];
  const warnings: string[] = [];
  for (const path of paths) {
    const file = parseKfreq(readText(path, io));
    syntaxErrors.push(...file.diagnostics.filter((d) => d.severity === 'error').map((d) => formatDiagnostic(path, d)));
    if (file.requests.length === 0) {
      throw new UsageError(`'${path}' holds no request: a request starts with a line such as 'GET /derivatives/api/v3/tickers' (blocks are separated by ###).`);
    }
    const indices = selectIndices(file, names);
    if (indices.length > 0) files.push({ path, file, indices });
    const selected = indices.map((i) => file.requests[i]!.range);
    const inRequests = (d: Diagnostic) => file.requests.some((r) => rangeContains(r.range, d.range.start));
    const relevant = diagnoseKfreq(file, { environmentIds, ...environmentVariables })
      .filter((d) => d.severity !== 'info' && !(d.severity === 'error' && file.diagnostics.includes(d)))
      .filter((d) => selected.some((range) => rangeContains(range, d.range.start)) || !inRequests(d));
    warnings.push(...relevant.slice(0, MAX_WARNINGS_PER_FILE).map((d) => formatDiagnostic(path, d)));
    if (relevant.length > MAX_WARNINGS_PER_FILE) warnings.push(`${path}: … and ${relevant.length - MAX_WARNINGS_PER_FILE} more problems (open the file in VS Code to see them all).`);
  }
  if (names.length > 0) {
    const found = new Set(files.flatMap((f) => f.indices.flatMap((i) => [f.file.requests[i]?.name?.text, f.file.requests[i]?.title?.text])));
    const missing = names.filter((n) => !found.has(n));
    if (missing.length > 0) {
      const known = [...new Set(allNames(files, paths, io))].slice(0, 20);
      throw new UsageError(`no request is named ${missing.map((n) => `'${n}'`).join(', ')} (# @name or ### title)${known.length > 0 ? `; named requests: ${known.join(', ')}` : '; none of the requests has a # @name'}.`);
    }
  }
  return { files, syntaxErrors, warnings };
}

function allNames(loaded: readonly LoadedFile[], paths: readonly string[], io: CliIo): string[] {
  // Files with no selected request are not kept, so read their names again for the message.
  const parsed = paths.map((p) => loaded.find((l) => l.path === p)?.file ?? parseKfreq(readText(p, io)));
  return parsed.flatMap((f) => f.requests.flatMap((r) => (r.name ? [r.name.text] : [])));
}
