import { findEndpoint, parseParamString, type EndpointSpec } from '../../core/catalog';
import { UserFacingError } from '../shared/userFacingError';

/**
 * The last line of defence, below every feature: the `fetch` each environment client sends through.
 * It refuses (without sending) a signed request to any host other than the one the credentials were
 * set for, and, on a live environment, a state-changing request the live guard did not approve.
 * A feature that forgets to ask the guard therefore fails loudly instead of trading real money.
 * Pure: no vscode import.
 */

export class GuardRefusal extends UserFacingError {
  constructor(message: string) {
    super(message);
    this.name = 'GuardRefusal';
  }
}

/** One approval per confirmed request, consumed by the matching send (mutating calls are never retried). */
export class ApprovalLedger {
  private readonly granted = new Map<string, number>();

  grant(endpoint: EndpointSpec, params: ReadonlyArray<readonly [string, string]>): void {
    const key = approvalKey(endpoint, params);
    this.granted.set(key, (this.granted.get(key) ?? 0) + 1);
  }

  /** True (and used up) when this exact request was approved. */
  consume(endpoint: EndpointSpec, params: ReadonlyArray<readonly [string, string]>): boolean {
    const key = approvalKey(endpoint, params);
    const count = this.granted.get(key) ?? 0;
    if (count === 0) return false;
    if (count === 1) this.granted.delete(key);
    else this.granted.set(key, count - 1);
    return true;
  }

  get pending(): number {
    let total = 0;
    for (const count of this.granted.values()) total += count;
    return total;
  }
}

/** Order-insensitive: the guard sees parameters, the wire sees the same parameters in some order. */
function approvalKey(endpoint: EndpointSpec, params: ReadonlyArray<readonly [string, string]>): string {
  const sorted = params.map(([name, value]) => JSON.stringify([name, value])).sort();
  return `${endpoint.id}\n${sorted.join('\n')}`;
}

export interface FetchRules {
  /** Origin the credentials are bound to; signed requests anywhere else are refused. */
  readonly credentialHost: string | undefined;
  /** The environment is live: state-changing requests need an approval from the ledger. */
  readonly live: boolean;
  readonly environmentLabel: string;
  readonly approvals: ApprovalLedger;
}

export function guardedFetch(inner: typeof fetch, rules: FetchRules): typeof fetch {
  return async (input, init) => {
    const request = input instanceof Request ? input : new Request(input, init);
    const url = new URL(request.url);
    if (request.headers.has('APIKey') && rules.credentialHost !== undefined && url.origin !== rules.credentialHost) {
      throw new GuardRefusal(
        `Refused to send the ${rules.environmentLabel} credentials to ${url.origin}: they are bound to ${rules.credentialHost}. ` +
          'Send requests to the environment\'s own host, or set credentials for the other host as a separate environment.',
      );
    }
    if (rules.live) {
      const method = request.method.toUpperCase();
      const match = findEndpoint(method, url.pathname);
      const mutating = match ? match.endpoint.mutating : method !== 'GET';
      if (mutating) {
        const body = method === 'POST' || method === 'PUT' ? await request.clone().text() : '';
        const params = parseParamString(body || url.search.replace(/^\?/, ''));
        const approved = match !== undefined && rules.approvals.consume(match.endpoint, params);
        if (!approved) {
          throw new GuardRefusal(
            `Refused ${method} ${url.pathname} on ${rules.environmentLabel}: state-changing requests on a live environment must be confirmed through the live guard first, and this one was not.`,
          );
        }
      }
    }
    return inner(request);
  };
}
