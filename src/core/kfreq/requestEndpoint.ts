import { findEndpoint, type EndpointMatch } from '../catalog';
import { staticText } from './paramChecks';
import type { KfreqRequest } from './types';
import type { VariableScope } from './variables';

/** Which catalog endpoint a parsed request goes to, as far as it can be known before running. */

/** The request path with static variables filled in, or undefined when it is only known at run time. */
export function staticPath(request: KfreqRequest, scope: VariableScope): string | undefined {
  const text = staticText(request.requestLine.target, scope)?.trim();
  if (text === undefined || text === '') return undefined;
  const withoutQuery = text.split('?', 1)[0] ?? '';
  if (/^https?:\/\//i.test(withoutQuery)) {
    try {
      return new URL(withoutQuery).pathname;
    } catch {
      return undefined;
    }
  }
  return withoutQuery.startsWith('/') ? withoutQuery : undefined;
}

export function matchRequestEndpoint(request: KfreqRequest, scope: VariableScope): EndpointMatch | undefined {
  const path = staticPath(request, scope);
  return path === undefined ? undefined : findEndpoint(request.method, path);
}
