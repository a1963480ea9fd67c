import { existsSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { KrakenFuturesClient, RequestSetupError, type Credentials } from '../../core/client';
import { fingerprint } from '../../core/signing';
import { startSimulator, type RunningSimulator } from '../../simulator';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, redactingIo, UsageError, type CliCommand, type CliIo } from '../io';
import { readRunArgs, type RunArgs } from './runArgs';
import { readRunCredentials } from './runCredentials';
import { chooseEnvironment, LOCAL_SIMULATOR_URL, type RunEnvironment } from './runEnvironments';
import { loadRequestFiles, type LoadedFile } from './runFiles';
import { junitXml } from './runJunit';
import { LiveOrderGuard } from './runLiveGuard';
import { formatSummary, formatTextReport, jsonLine, type ReportEnvironment, type RequestReport } from './runReporters';
import { runSession } from './runSession';

/** The conventional exit status of a run stopped by SIGINT (128 + 2). */
export const EXIT_INTERRUPTED = 130;

/**
 * Ctrl-C for the length of a run: the first SIGINT asks the session to stop before the next
 * request; the request in flight is left to finish. Injected so tests can interrupt without a signal.
 */
export interface InterruptSource {
  /** Calls `onInterrupt` on each interrupt until the returned function is called. */
  readonly listen: (onInterrupt: () => void) => () => void;
}

export const processInterrupts: InterruptSource = {
  listen: (onInterrupt) => {
    process.on('SIGINT', onInterrupt);
    return () => process.off('SIGINT', onInterrupt);
  },
};

/** --var names that a file variable of the same name overrides, per file, for a note. */
function shadowedVariables(files: readonly LoadedFile[], variables: Readonly<Record<string, string>>): string[] {
  return files.flatMap((f) => {
    const shadowed = [...new Set(f.file.fileVariables.map((v) => v.name.text))].filter((name) => name in variables);
    return shadowed.length === 0 ? [] : [`--var ${shadowed.join(', ')}: ${f.path} defines ${shadowed.length === 1 ? 'it' : 'them'} as a file variable, which wins (as in REST Client).`];
  });
}

const HELP = `kfreq run — send the requests of .kfreq files headless, for scripts and CI

Usage: kfreq run <file.kfreq> [more files] [--env local|demo|live|<custom id>] [--base-url <url>]
                 [--name <request name>] [--var <name>=<value>] [--json] [--junit <file>] [--verbose]
                 [--allow-live] [--max-notional <n>] [--secret-file <path>] [--api-key-file <path>]

Sends the requests of each file in order, as the editor does (variables, named responses for
chaining, # @env pins, # @assert checks), and prints for each request its outcome, name, HTTP
status, time and a compact body.

Exit status:
  0  every request passed: Kraken accepted it (result success, and no rejected sendStatus,
     editStatus, cancelStatus or batchStatus entry); a request with # @assert checks passes when
     all its checks hold instead (so a file can expect an error)
  1  at least one request failed, could not be sent, or was refused (live cap, # @env pin)
  2  usage or configuration error and nothing was sent: unknown option, unreadable or malformed
     file (reported as file:line:col), unusable credentials, unknown environment, or a live
     environment without --allow-live
  130 interrupted (Ctrl-C / SIGINT): the request in flight was finished (never cut off mid-send),
     the rest were not sent, and the summary (and --junit report) covers what ran

Environment:
  --env <id>             local (default), demo, live, or a custom environment id
  --base-url <url>       send to this host (e.g. http://127.0.0.1:8790); with an --env id defined
                         nowhere, this defines that environment for the run
  --live                 treat the environment as live (real money) whatever its definition says
  --environments <file>  custom environments; default ./kfreq.environments.json when it exists.
                         A JSON list of {"name", "id"?, "baseUrl", "isLive"?}: the entries of the
                         editor's krakenFutures.customEnvironments setting, with the same rules
  With --env local, no --base-url and no credentials, the simulator is started in-process for the
  run and its own key pair is used (nothing to set up). With credentials, --env local sends to
  ${LOCAL_SIMULATOR_URL} (start it with 'kraken-futures-sim').

Selection and output:
  --name <name>          run only the request with this # @name (or ### title); repeatable
  --var <name>=<value>   give {{name}} a value for this run; repeatable. These act as environment
                         variables: a file variable '@name = …' in the file wins over them, as in
                         REST Client. The name must be an identifier (letters, digits, '_', '-')
  --json                 one JSON object per request on stdout: outcome, http status and timing,
                         Kraken's verdict, body, checks, wire request and signature trace (the key
                         as a fingerprint); notes and the summary go to stderr
  --junit <file>         also write a JUnit XML report: one test case per request and one per
                         # @assert check, one test suite per file
  --verbose              add the wire request and the full signature trace to the text output

Live safety. Live means: --env live, a custom environment marked live, --live, or any
futures.kraken.com / api.futures.kraken.com host.
  --allow-live           required to run against a live environment at all; without it the run
                         stops with exit 2 before anything is sent
  --max-notional <n>     per-order cap in the contract's quote currency (USD). On a live
                         environment a state-changing request is refused (exit 1) unless the cap
                         is set and every order in it is within the cap at the current mark price
                         (from the tickers). Cancels pass; transfers and withdrawals are always refused

Credentials (only needed for signed requests; never taken from an argument):
  KRAKEN_FUTURES_API_KEY and KRAKEN_FUTURES_API_SECRET, or
  --api-key-file <path>  file holding the public API key
  --secret-file <path>   file holding the API secret (keep it chmod 600)
  The key is shown only as a fingerprint, the secret never. A signature the server rejects is
  re-checked locally by the signature doctor, and its diagnosis is printed.

  -h, --help             show this help

Examples:
  kfreq run requests/smoke.kfreq                          # against an in-process simulator
  kfreq run requests/*.kfreq --junit reports/kfreq.xml
  kfreq run orders.kfreq --var symbol=PF_ETHUSD --var size=0.01
  kfreq run smoke.kfreq --env staging --base-url http://10.0.0.5:8790 --json
  kfreq run orders.kfreq --env live --allow-live --max-notional 50 --secret-file /run/secrets/kf
`;

function reportEnvironment(environment: RunEnvironment, baseUrl: string): ReportEnvironment {
  return { id: environment.id, label: environment.label, baseUrl, isLive: environment.isLive };
}

function checkJunitTarget(path: string | undefined): void {
  if (path === undefined) return;
  const dir = dirname(path);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`--junit '${path}': the directory '${dir}' does not exist; create it first.`);
  if (existsSync(path) && statSync(path).isDirectory()) throw new UsageError(`--junit '${path}' is a directory; give a file name such as ${path.replace(/\/+$/, '')}/kfreq.xml.`);
}

function liveRefusal(environment: RunEnvironment, baseUrl: string | undefined, requests: number): string {
  return (
    `refusing to run against the live environment '${environment.id}'${baseUrl ? ` (${baseUrl})` : ''}: ${environment.liveReason}. ` +
    `Nothing was sent (${requests} request${requests === 1 ? '' : 's'} selected). ` +
    'Pass --allow-live to run against real money; state-changing requests then also need --max-notional <n>.\n'
  );
}

function header(environment: RunEnvironment, baseUrl: string, credentials: Credentials | undefined, simulator: boolean): string {
  const where = simulator ? `in-process simulator ${baseUrl}` : baseUrl;
  const key = credentials ? `key ${fingerprint(credentials.apiKey)}` : 'no credentials (public requests only)';
  return `kfreq run · ${environment.id}${environment.isLive ? ' (LIVE)' : ''} · ${where} · ${key}\n`;
}

async function execute(options: RunArgs, io: CliIo, interrupts: InterruptSource): Promise<number> {
  const loadedCredentials = readRunCredentials(options, io);
  const environment = chooseEnvironment({ ...options, hasCredentials: loadedCredentials.credentials !== undefined }, io);
  const loaded = loadRequestFiles(options.files, options.names, environment.knownIds, io, options.variables);
  const early = redactingIo(io, loadedCredentials.credentials ? [loadedCredentials.credentials.secret] : []);
  for (const notice of [...loadedCredentials.notices, ...environment.notices, ...shadowedVariables(loaded.files, options.variables)]) early.stderr(`note: ${notice}\n`);
  for (const warning of loadedCredentials.warnings) early.stderr(`warning: ${warning}\n`);
  if (loaded.syntaxErrors.length > 0) {
    for (const line of loaded.syntaxErrors) early.stderr(`${line}\n`);
    early.stderr(`kfreq run: ${loaded.syntaxErrors.length} syntax error${loaded.syntaxErrors.length === 1 ? '' : 's'}; fix ${loaded.syntaxErrors.length === 1 ? 'it' : 'them'} first. Nothing was sent.\n`);
    return EXIT_USAGE;
  }
  for (const line of loaded.warnings) early.stderr(`${line}\n`);
  const selected = loaded.files.reduce((n, f) => n + f.indices.length, 0);
  if (environment.isLive && !options.allowLive) {
    early.stderr(`kfreq run: ${liveRefusal(environment, environment.baseUrl, selected)}`);
    return EXIT_USAGE;
  }
  if (options.maxNotional !== undefined && !environment.isLive) early.stderr(`note: --max-notional applies to live environments only; '${environment.id}' is not live.\n`);
  checkJunitTarget(options.junit);

  let simulator: RunningSimulator | undefined;
  try {
    if (environment.startSimulator) simulator = await startSimulator();
    const credentials = simulator ? { apiKey: simulator.apiKey, secret: simulator.secret } : loadedCredentials.credentials;
    const out = redactingIo(io, [credentials?.secret, loadedCredentials.credentials?.secret].filter((s): s is string => s !== undefined));
    const baseUrl = simulator?.baseUrl ?? environment.baseUrl ?? '';
    let client: KrakenFuturesClient;
    try {
      client = new KrakenFuturesClient({ baseUrl, ...(credentials ? { credentials } : {}) });
    } catch (error) {
      if (error instanceof RequestSetupError) throw new UsageError(`${error.message}${error.hint ? ` ${error.hint}` : ''}`);
      throw error;
    }
    const shown = reportEnvironment(environment, baseUrl);
    (options.json ? out.stderr : out.stdout)(header(environment, baseUrl, credentials, simulator !== undefined));
    const liveGuard = environment.isLive
      ? new LiveOrderGuard({ environmentLabel: environment.id, maxNotional: options.maxNotional, market: { instruments: () => client.instruments(), tickers: () => client.tickers(), openOrders: () => client.openOrders() }, canReadOrders: credentials !== undefined })
      : undefined;
    const startedAt = io.now();
    let currentFile: string | undefined;
    const onReport = (report: RequestReport): void => {
      if (options.json) return out.stdout(jsonLine(report, shown));
      if (report.file !== currentFile) out.stdout(`\n${report.file}\n`);
      currentFile = report.file;
      out.stdout(formatTextReport(report, options.verbose));
    };
    let interrupted = false;
    const stopListening = interrupts.listen(() => {
      if (!interrupted) out.stderr('\nkfreq run: interrupted; stopping after the request in flight (it is never cut off mid-send).\n');
      interrupted = true;
    });
    let files: Awaited<ReturnType<typeof runSession>>;
    try {
      files = await runSession({ files: loaded.files, client, environment, credentials, liveGuard, onReport, variables: options.variables, stopRequested: () => interrupted });
    } finally {
      stopListening();
    }
    const reports = files.flatMap((f) => f.reports);
    if (interrupted) {
      const notRun = selected - reports.length;
      out.stderr(`kfreq run: interrupted: ${reports.length} request${reports.length === 1 ? '' : 's'} ran, ${notRun} not sent.\n`);
    }
    const passed = reports.filter((r) => r.result.outcome === 'passed').length;
    const checks = reports.flatMap((r) => r.result.asserts);
    const summary = formatSummary({ requests: reports.length, passed, files: files.length, checks: checks.length, checksPassed: checks.filter((c) => c.passed).length, durationMs: io.now() - startedAt });
    (options.json ? out.stderr : out.stdout)(options.json ? summary : `\n${summary}`);
    if (options.junit !== undefined) {
      // The report passes through the same redaction as the terminal output before it touches disk.
      let xml = '';
      redactingIo({ ...io, stdout: (text) => (xml += text) }, [credentials?.secret ?? '']).stdout(junitXml(files, shown, startedAt));
      try {
        writeFileSync(options.junit, xml);
      } catch (error) {
        out.stderr(`kfreq run: could not write the JUnit report '${options.junit}': ${(error as { code?: string }).code ?? 'write failed'}.\n`);
        return EXIT_USAGE;
      }
    }
    if (interrupted) return EXIT_INTERRUPTED;
    return passed === reports.length ? EXIT_OK : EXIT_FAILURE;
  } finally {
    await simulator?.close();
  }
}

export async function runRun(args: readonly string[], io: CliIo, interrupts: InterruptSource = processInterrupts): Promise<number> {
  const options = readRunArgs(args);
  if (options.help) {
    io.stdout(HELP);
    return EXIT_OK;
  }
  return execute(options, io, interrupts);
}

const run = (args: readonly string[], io: CliIo): Promise<number> => runRun(args, io);

export const runCommand: CliCommand = {
  name: 'run',
  summary: 'send the requests of .kfreq files headless (CI: exit codes, --json, --junit)',
  help: HELP,
  run,
};
