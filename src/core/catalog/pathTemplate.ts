/**
 * Path templates such as `/derivatives/api/v3/tickers/{symbol}`: matching a concrete path
 * against them, and filling them in.
 */

export interface CompiledTemplate {
  readonly template: string;
  readonly names: readonly string[];
  readonly pattern: RegExp;
}

const PLACEHOLDER = /\{([^}/]+)\}/g;

export function compileTemplate(template: string): CompiledTemplate {
  const names: string[] = [];
  let source = '';
  let last = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    source += escapeRegExp(template.slice(last, m.index));
    source += '([^/]+)';
    names.push(m[1]);
    last = (m.index ?? 0) + m[0].length;
  }
  source += escapeRegExp(template.slice(last));
  return { template, names, pattern: new RegExp(`^${source}$`) };
}

/** Values of the placeholders (percent-decoded), or undefined when the path does not fit. */
export function matchTemplate(compiled: CompiledTemplate, path: string): Record<string, string> | undefined {
  const m = compiled.pattern.exec(path);
  if (!m) return undefined;
  const values: Record<string, string> = {};
  compiled.names.forEach((name, i) => {
    values[name] = safeDecode(m[i + 1]);
  });
  return values;
}

/** Substitutes `{name}` placeholders; every value is percent-encoded as one path segment. */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(PLACEHOLDER, (_whole, name: string) => {
    const value = values[name];
    if (value === undefined || value === '') throw new Error(`Missing path parameter "${name}" for ${template}.`);
    return encodeURIComponent(value);
  });
}

export function templateNames(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]);
}

/** Only the path of a path-or-URL, without query, fragment or trailing slash. */
export function pathOnly(pathOrUrl: string): string {
  let path = pathOrUrl;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(path)) {
    try {
      path = new URL(path).pathname;
    } catch {
      return '';
    }
  }
  path = path.split(/[?#]/, 1)[0];
  if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
  return path;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
