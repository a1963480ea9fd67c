import type { EndpointSpec, HttpMethod } from '../../core/catalog';
import { templateNames } from '../../core/catalog';

/**
 * The simulator's routes are the endpoint catalog: every catalog entry is a route, and the
 * handler is looked up by the entry's id. Literal path segments match case-insensitively
 * (Kraken's own Java sample calls `/sendOrder`); placeholders keep the caller's text.
 */

export type RouteMatch =
  | { readonly kind: 'found'; readonly endpoint: EndpointSpec; readonly pathParams: Readonly<Record<string, string>> }
  | { readonly kind: 'wrongMethod'; readonly allowed: readonly HttpMethod[] }
  | { readonly kind: 'unknown' };

interface Route {
  readonly endpoint: EndpointSpec;
  readonly pattern: RegExp;
  readonly names: readonly string[];
}

function compile(endpoint: EndpointSpec): Route {
  const source = endpoint.path
    .split(/(\{[^}/]+\})/)
    .map((part) => (/^\{[^}/]+\}$/.test(part) ? '([^/]+)' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return { endpoint, pattern: new RegExp(`^${source}/?$`, 'i'), names: templateNames(endpoint.path) };
}

function decodeSegment(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

export class RouteTable {
  /** Literal paths first, so `/instruments/status` is never read as `/instruments/{symbol}/...`. */
  private readonly routes: Route[];

  constructor(endpoints: readonly EndpointSpec[]) {
    this.routes = endpoints.map(compile).sort((a, b) => a.names.length - b.names.length);
  }

  get endpoints(): EndpointSpec[] {
    return this.routes.map((r) => r.endpoint);
  }

  match(method: string, pathname: string): RouteMatch {
    const allowed = new Set<HttpMethod>();
    for (const route of this.routes) {
      const m = route.pattern.exec(pathname);
      if (!m) continue;
      if (route.endpoint.method !== method) {
        allowed.add(route.endpoint.method);
        continue;
      }
      const pathParams: Record<string, string> = {};
      let decodable = true;
      route.names.forEach((name, i) => {
        const value = decodeSegment(m[i + 1]);
        if (value === undefined) decodable = false;
        else pathParams[name] = value;
      });
      if (!decodable) return { kind: 'unknown' };
      return { kind: 'found', endpoint: route.endpoint, pathParams };
    }
    return allowed.size > 0 ? { kind: 'wrongMethod', allowed: [...allowed] } : { kind: 'unknown' };
  }
}
