import {
  buildEnvironments,
  DEFAULT_DEMO_URL,
  isKrakenProductionHost,
  LOCAL_ID,
  normalizeBaseUrl,
} from '../../core/environments/environmentDefinitions';
import { DEFAULT_HOST, DEFAULT_PORT } from '../../simulator/options';
import { UsageError, type CliIo } from '../io';

/**
 * Which environment `kfreq run` talks to, decided before anything is sent. The built-in ones and
 * custom ones follow the same rules as the editor (environmentDefinitions is pure and shared, so
 * "is this live?" has one answer in both places): custom environments come from a JSON file with
 * the entries of the `krakenFutures.customEnvironments` setting, and any Kraken production host
 * counts as live whatever it is called.
 */

export type RunEnvironmentKind = 'local' | 'demo' | 'live' | 'custom';

export interface RunEnvironment {
  readonly id: string;
  readonly label: string;
  readonly kind: RunEnvironmentKind;
  /** Absent when the simulator is to be started in-process (its URL is known only then). */
  readonly baseUrl: string | undefined;
  readonly isLive: boolean;
  /** Why it counts as live, for the refusal message. */
  readonly liveReason: string | undefined;
  /** Start the simulator in-process: `local`, no --base-url and no credentials. */
  readonly startSimulator: boolean;
  /** Every environment id known to this run, to flag a `# @env` that names none of them. */
  readonly knownIds: readonly string[];
  readonly notices: readonly string[];
}

export interface EnvironmentChoice {
  readonly envName: string | undefined;
  readonly baseUrl: string | undefined;
  readonly live: boolean;
  readonly environmentsFile: string | undefined;
  readonly hasCredentials: boolean;
}

export const DEFAULT_ENVIRONMENTS_FILE = 'kfreq.environments.json';
/** Where `kraken-futures-sim` listens by default. */
export const LOCAL_SIMULATOR_URL = `http://${DEFAULT_HOST}:${DEFAULT_PORT}`;
const ID_PATTERN = /^[A-Za-z0-9][\w.-]*$/;

/** The file may hold the list itself, `{ "environments": [...] }`, or a settings object with the setting's key. */
function entriesOf(parsed: unknown): unknown {
  if (Array.isArray(parsed)) return parsed;
  if (parsed !== null && typeof parsed === 'object') {
    const record = parsed as Record<string, unknown>;
    if ('environments' in record) return record.environments;
    if ('krakenFutures.customEnvironments' in record) return record['krakenFutures.customEnvironments'];
  }
  return parsed;
}

function readCustomEntries(path: string | undefined, io: CliIo): { entries: unknown; file: string | undefined } {
  const file = path ?? DEFAULT_ENVIRONMENTS_FILE;
  let text: string;
  try {
    text = io.readFile(file);
  } catch (error) {
    const code = (error as { code?: string }).code;
    // The default file is optional; one named with --environments is not.
    if (path === undefined && code === 'ENOENT') return { entries: undefined, file: undefined };
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : 'it could not be read';
    throw new UsageError(`--environments '${file}': ${reason}.`);
  }
  try {
    return { entries: entriesOf(JSON.parse(text)), file };
  } catch (error) {
    throw new UsageError(`${file} is not valid JSON (${(error as Error).message}); it holds a list such as [{ "name": "staging", "baseUrl": "http://10.0.0.5:8790", "isLive": false }] (no comments).`);
  }
}

export function chooseEnvironment(choice: EnvironmentChoice, io: CliIo): RunEnvironment {
  const name = choice.envName ?? LOCAL_ID;
  if (!ID_PATTERN.test(name)) throw new UsageError("--env must be an environment id: letters, digits, '.', '_' or '-' (e.g. local, demo, live, staging).");
  const notices: string[] = [];
  const custom = readCustomEntries(choice.environmentsFile, io);
  const definitions = buildEnvironments({ demoBaseUrl: DEFAULT_DEMO_URL, customEnvironments: custom.entries }, LOCAL_SIMULATOR_URL);
  for (const problem of definitions.problems) {
    const where = custom.file ? problem.where.replace('krakenFutures.customEnvironments', custom.file) : problem.where;
    notices.push(`${where}: ${problem.message}`);
  }

  let override: string | undefined;
  if (choice.baseUrl !== undefined) {
    const normalized = normalizeBaseUrl(choice.baseUrl);
    if ('problem' in normalized) throw new UsageError(`--base-url ${normalized.problem}.`);
    override = normalized.url;
  }

  const defined = definitions.environments.find((e) => e.id === name);
  if (!defined && override === undefined) {
    const known = definitions.environments.map((e) => e.id).join(', ');
    throw new UsageError(
      `no environment is called '${name}' (known: ${known}). Define it in ${custom.file ?? DEFAULT_ENVIRONMENTS_FILE} ([{ "name": "${name}", "baseUrl": "https://...", "isLive": false }]) or give its URL with --base-url.`,
    );
  }
  const kind = (defined?.kind ?? 'custom') as RunEnvironmentKind;
  const startSimulator = name === LOCAL_ID && override === undefined && !choice.hasCredentials;
  const baseUrl = startSimulator ? undefined : (override ?? defined?.baseUrl);
  if (name === LOCAL_ID && override === undefined && choice.hasCredentials) {
    notices.push(`--env local with credentials: sending to the simulator at ${LOCAL_SIMULATOR_URL} (start it with 'kraken-futures-sim', pass --base-url for another address, or unset the credentials to let kfreq start one in-process).`);
  }

  const liveReason =
    kind === 'live' ? 'it is the live exchange'
    : baseUrl !== undefined && isKrakenProductionHost(baseUrl) ? `${new URL(baseUrl).host} is a Kraken production host`
    : choice.live ? '--live was given'
    : defined?.isLive ? `it is marked live in ${custom.file ?? DEFAULT_ENVIRONMENTS_FILE}`
    : undefined;

  return {
    id: name,
    label: defined?.label ?? name,
    kind,
    baseUrl,
    isLive: liveReason !== undefined,
    liveReason,
    startSimulator,
    knownIds: [...new Set([...definitions.environments.map((e) => e.id), name])],
    notices,
  };
}
