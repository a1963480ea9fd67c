import type { RawParams } from '../http/rawParams';

/**
 * Typed access to the decoded request parameters. A value that is present but unusable raises
 * `ArgumentError`, which the server turns into Kraken's `invalidArgument: <name>` (or
 * `requiredArgumentMissing`); the catalog has already screened types, so this is the last line.
 */

export class ArgumentError extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

export class ParamReader {
  constructor(readonly raw: RawParams, private readonly pathParams: Readonly<Record<string, string>> = {}) {}

  has(name: string): boolean {
    return this.raw.has(name) || name in this.pathParams;
  }

  text(name: string): string | undefined {
    return this.pathParams[name] ?? this.raw.get(name)?.[0];
  }

  all(name: string): string[] {
    return this.raw.get(name) ?? [];
  }

  required(name: string): string {
    const value = this.text(name);
    if (value === undefined || value === '') throw new ArgumentError('requiredArgumentMissing');
    return value;
  }

  number(name: string): number | undefined {
    const value = this.text(name);
    if (value === undefined) return undefined;
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n)) throw new ArgumentError(`invalidArgument: ${name}`);
    return n;
  }

  integer(name: string): number | undefined {
    const n = this.number(name);
    if (n !== undefined && !Number.isSafeInteger(n)) throw new ArgumentError(`invalidArgument: ${name}`);
    return n;
  }

  boolean(name: string): boolean | undefined {
    const value = this.text(name);
    if (value === undefined) return undefined;
    if (value === 'true') return true;
    if (value === 'false') return false;
    throw new ArgumentError(`invalidArgument: ${name}`);
  }

  /** An ISO-8601 time, as epoch ms. */
  time(name: string): number | undefined {
    const value = this.text(name);
    if (value === undefined) return undefined;
    const t = Date.parse(value);
    if (!ISO_TIME.test(value) || Number.isNaN(t)) throw new ArgumentError(`invalidArgument: ${name}`);
    return t;
  }

  oneOf<T extends string>(name: string, values: readonly T[]): T | undefined {
    const value = this.text(name);
    if (value === undefined) return undefined;
    if (!(values as readonly string[]).includes(value)) throw new ArgumentError(`invalidArgument: ${name}`);
    return value as T;
  }
}
