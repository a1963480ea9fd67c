import { familyOf, type EndpointSpec, type ParamSpec } from '../catalog';

/** Markdown shown by hover and in completion details; plain enough for a terminal too. */

function costText(endpoint: EndpointSpec): string {
  const { pool, cost, dynamic } = endpoint.rate;
  if (pool === 'none') return 'no rate-limit cost';
  return `cost ${cost}${dynamic ? ' (varies with the parameters)' : ''} from the ${pool} pool`;
}

export function paramTypeText(param: ParamSpec): string {
  if (param.type === 'enum' && param.values) return param.values.map((v) => `\`${v}\``).join(' \\| ');
  return param.type;
}

export function paramDoc(param: ParamSpec): string {
  const flags = [param.required ? 'required' : 'optional'];
  if (param.requiredWhen) flags.push(`required when ${param.requiredWhen.param} is ${param.requiredWhen.values.join('/')}`);
  if (param.repeated) flags.push('repeat the line for several values');
  if (param.in === 'path') flags.push('part of the path');
  if (param.maxLength !== undefined) flags.push(`at most ${param.maxLength} characters`);
  return `**${param.name}** (${paramTypeText(param)}; ${flags.join(', ')})\n\n${param.doc}`;
}

export function endpointDoc(endpoint: EndpointSpec): string {
  const parts = [
    `**${endpoint.method} ${endpoint.path}** — \`${endpoint.id}\``,
    endpoint.summary,
    `${endpoint.auth === 'private' ? 'Signed (private)' : 'Public, not signed'}; ${endpoint.mutating ? 'changes state (live guard applies)' : 'read-only'}; ${costText(endpoint)}.`,
  ];
  if (endpoint.params.length > 0) {
    parts.push(endpoint.params.map((p) => `- \`${p.name}\`${p.required ? ' (required)' : ''}: ${p.doc}`).join('\n'));
  } else {
    parts.push('No parameters.');
  }
  if (endpoint.requiresOneOf?.length) parts.push(endpoint.requiresOneOf.map((group) => `Needs one of ${group.map((n) => `\`${n}\``).join(' or ')}.`).join(' '));
  const note = familyOf(endpoint)?.lifecycleNote;
  if (note) parts.push(`_${note}_`);
  return parts.join('\n\n');
}
