import type { Environment } from './environment';

/**
 * The environments a person can choose from, built from settings. Pure (no vscode import): the
 * settings values come in as plain JSON so bad input can be explained instead of crashing.
 */

export const LOCAL_ID = 'local';
export const DEMO_ID = 'demo';
export const LIVE_ID = 'live';

export const DEFAULT_DEMO_URL = 'https://demo-futures.kraken.com';
export const LIVE_URL = 'https://futures.kraken.com';

const BUILT_IN_IDS = new Set([LOCAL_ID, DEMO_ID, LIVE_ID]);
const ID_PATTERN = /^[A-Za-z0-9][\w.-]*$/;

/** Settings read by `readEnvironmentSettings` (all non-secret). */
export interface EnvironmentSettings {
  readonly demoBaseUrl: unknown;
  readonly customEnvironments: unknown;
}

export interface DefinitionProblem {
  /** Where in settings, e.g. `krakenFutures.customEnvironments[1].baseUrl`. */
  readonly where: string;
  readonly message: string;
}

export interface EnvironmentDefinitions {
  readonly environments: readonly Environment[];
  /** Entries that were skipped or corrected, each with a sentence a person can act on. */
  readonly problems: readonly DefinitionProblem[];
}

/**
 * `https://host[:port][/prefix]` without a trailing slash, or a problem. Endpoint paths are added by
 * the client, so a URL that already contains `/derivatives` or `/api` is refused with the fix.
 */
export function normalizeBaseUrl(raw: unknown): { url: string } | { problem: string } {
  if (typeof raw !== 'string' || raw.trim() === '') return { problem: 'is empty; give a URL such as https://futures.kraken.com or http://127.0.0.1:8790' };
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { problem: `"${raw}" is not a URL; give one such as https://futures.kraken.com` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { problem: `must use http or https, not ${url.protocol}` };
  if (url.username || url.password) return { problem: 'must not contain a user name or password (credentials belong in "Kraken Futures: Set Credentials")' };
  if (url.search || url.hash) return { problem: `must not have a query or fragment; use ${url.origin}` };
  if (/\/(derivatives|api)(\/|$)/.test(url.pathname)) return { problem: `must be the host only (the client adds /derivatives/api/v3/...); use ${url.origin}` };
  return { url: url.origin + url.pathname.replace(/\/+$/, '') };
}

/** The origin credentials are bound to: scheme, host and port, lower-cased by URL. */
export function hostOf(baseUrl: string): string {
  return new URL(baseUrl).origin;
}

/** Local is listed first: it is the safe default. */
export function buildEnvironments(settings: EnvironmentSettings, localBaseUrl: string): EnvironmentDefinitions {
  const problems: DefinitionProblem[] = [];
  const demo = normalizeBaseUrl(settings.demoBaseUrl ?? DEFAULT_DEMO_URL);
  if ('problem' in demo) problems.push({ where: 'krakenFutures.demo.baseUrl', message: `${demo.problem}. Using ${DEFAULT_DEMO_URL}.` });
  const demoUrl = 'url' in demo ? demo.url : DEFAULT_DEMO_URL;
  // A "demo" pointed at the production host is live, whatever it is called.
  if (isKrakenProductionHost(demoUrl)) problems.push({ where: 'krakenFutures.demo.baseUrl', message: `points at ${demoUrl}, which trades real money; Demo is treated as live.` });
  const environments: Environment[] = [
    { id: LOCAL_ID, label: 'Local simulator', kind: 'local', baseUrl: localBaseUrl, isLive: false },
    { id: DEMO_ID, label: 'Demo', kind: 'demo', baseUrl: demoUrl, isLive: isKrakenProductionHost(demoUrl) },
    { id: LIVE_ID, label: 'Live', kind: 'live', baseUrl: LIVE_URL, isLive: true },
  ];
  environments.push(...customEnvironments(settings.customEnvironments, problems));
  return { environments, problems };
}

function customEnvironments(raw: unknown, problems: DefinitionProblem[]): Environment[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    problems.push({ where: 'krakenFutures.customEnvironments', message: 'must be a list of { "name", "baseUrl", "isLive" } entries.' });
    return [];
  }
  const out: Environment[] = [];
  const seen = new Set<string>(BUILT_IN_IDS);
  raw.forEach((entry: unknown, index) => {
    const where = `krakenFutures.customEnvironments[${index}]`;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      problems.push({ where, message: 'must be an object such as { "name": "Direct access", "baseUrl": "https://api.futures.kraken.com", "isLive": true }.' });
      return;
    }
    const { name, baseUrl, isLive, id } = entry as Record<string, unknown>;
    if (typeof name !== 'string' || name.trim() === '') {
      problems.push({ where: `${where}.name`, message: 'is missing; give the environment a name.' });
      return;
    }
    const environmentId = typeof id === 'string' && id.trim() !== '' ? id.trim() : idFromName(name);
    if (!ID_PATTERN.test(environmentId)) {
      problems.push({ where: `${where}.id`, message: `"${environmentId}" is not a usable id; use letters, digits, ".", "_" or "-".` });
      return;
    }
    if (seen.has(environmentId)) {
      problems.push({ where, message: `the id "${environmentId}" is already taken${BUILT_IN_IDS.has(environmentId) ? ' by a built-in environment' : ''}; give this entry another name or an explicit "id".` });
      return;
    }
    const url = normalizeBaseUrl(baseUrl);
    if ('problem' in url) {
      problems.push({ where: `${where}.baseUrl`, message: `${url.problem}.` });
      return;
    }
    if (isLive !== undefined && typeof isLive !== 'boolean') {
      problems.push({ where: `${where}.isLive`, message: 'must be true or false; treating the environment as live to be safe.' });
    }
    // Unknown means live: wrongly asking for a confirmation is cheap, wrongly not asking is not. And
    // no setting (a workspace's included) can take the guard off Kraken's production hosts.
    const production = isKrakenProductionHost(url.url);
    if (production && isLive === false) problems.push({ where: `${where}.isLive`, message: `is false, but ${url.url} trades real money; the environment is treated as live.` });
    const live = production || (typeof isLive === 'boolean' ? isLive : isLive !== undefined);
    seen.add(environmentId);
    out.push({ id: environmentId, label: name.trim(), kind: 'custom', baseUrl: url.url, isLive: live });
  });
  return out;
}

/** `Direct access (EU)` -> `direct-access-eu`. */
export function idFromName(name: string): string {
  const slug = name.trim().toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return slug === '' ? 'custom' : slug;
}

/** futures.kraken.com and its direct-access sibling api.futures.kraken.com move real money. */
export function isKrakenProductionHost(baseUrl: string): boolean {
  const host = new URL(baseUrl).hostname.toLowerCase();
  return host === 'futures.kraken.com' || host.endsWith('.futures.kraken.com');
}
