/**
 * Paths into a stored response, shared by chaining (`{{placed.response.body.sendStatus.order_id}}`)
 * and by `# @assert body.sendStatus.status == placed`.
 */

export type PathSegment = string | number;

/** What chaining and asserts can read from a response. */
export interface StoredResponse {
  readonly status: number;
  /** Header names as received; lookups ignore case. */
  readonly headers: Readonly<Record<string, string>>;
  /** Parsed JSON when the body was JSON, otherwise the text. */
  readonly body: unknown;
}

export type PathParse = { readonly segments: PathSegment[] } | { readonly error: string };

/** Parses `.a.b[0]["odd.key"].3`; an empty string is the empty path. */
export function parseAccessPath(text: string): PathParse {
  const segments: PathSegment[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '.') {
      const match = /^[^.[\]\s]+/.exec(text.slice(i + 1));
      if (!match) return { error: `expected a field name after \`.\` at \`${text.slice(i)}\`` };
      segments.push(/^\d+$/.test(match[0]) ? Number(match[0]) : match[0]);
      i += 1 + match[0].length;
    } else if (c === '[') {
      const rest = text.slice(i);
      const index = /^\[(\d+)\]/.exec(rest);
      const quoted = /^\[(["'])(.*?)\1\]/.exec(rest);
      if (index) {
        segments.push(Number(index[1]));
        i += index[0].length;
      } else if (quoted) {
        segments.push(quoted[2] ?? '');
        i += quoted[0].length;
      } else {
        return { error: `expected \`[number]\` or \`["field"]\` at \`${rest}\`` };
      }
    } else {
      return { error: `unexpected \`${c}\` at \`${text.slice(i)}\`` };
    }
  }
  return { segments };
}

export type WalkResult = { readonly found: true; readonly value: unknown } | { readonly found: false; readonly missing: string };

export function describePath(segments: readonly PathSegment[]): string {
  return segments.map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`)).join('');
}

export function walkPath(root: unknown, segments: readonly PathSegment[]): WalkResult {
  let value = root;
  for (let k = 0; k < segments.length; k++) {
    const segment = segments[k] as PathSegment;
    if (Array.isArray(value) && typeof segment === 'number') {
      if (segment >= value.length) return { found: false, missing: `${describePath(segments.slice(0, k + 1))} (the array has ${value.length} element${value.length === 1 ? '' : 's'})` };
      value = value[segment];
    } else if (value !== null && typeof value === 'object' && !Array.isArray(value) && Object.prototype.hasOwnProperty.call(value, String(segment))) {
      value = (value as Record<string, unknown>)[String(segment)];
    } else {
      return { found: false, missing: describePath(segments.slice(0, k + 1)) };
    }
  }
  return { found: true, value };
}

/**
 * Reads `status`, `headers.<Name>` or `body<path>` from a response.
 * `path` is the text after `response` (chaining) or the whole assert subject.
 */
export function readResponse(response: StoredResponse, path: string): WalkResult | { readonly error: string } {
  const head = /^\.?(status|headers|body)(?=$|[.[])/.exec(path);
  if (!head) return { error: 'expected `status`, `headers.<name>` or `body...`' };
  const parsed = parseAccessPath(path.slice(head[0].length));
  if ('error' in parsed) return parsed;
  const { segments } = parsed;
  switch (head[1]) {
    case 'status':
      return segments.length === 0 ? { found: true, value: response.status } : { error: '`status` has no fields' };
    case 'headers': {
      if (segments.length === 0) return { found: true, value: response.headers };
      const wanted = String(segments[0]).toLowerCase();
      const entry = Object.entries(response.headers).find(([name]) => name.toLowerCase() === wanted);
      if (!entry) return { found: false, missing: `header \`${String(segments[0])}\`` };
      return walkPath(entry[1], segments.slice(1));
    }
    default:
      return walkPath(response.body, segments);
  }
}

/** The text a value stands for when substituted into a request. */
export function valueToText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  return JSON.stringify(value);
}
