/**
 * Costs that depend on the request (reference §6). Each takes the DECODED parameters grouped by
 * name, as produced by `paramMapOf(parseParamString(...))`.
 */

type ParamMap = ReadonlyMap<string, readonly string[]>;

/** batchorder costs 9 plus one unit per instruction in the `json` field. */
export function batchOrderCost(params: ParamMap): number {
  return 9 + batchInstructionCount(params.get('json')?.[0]);
}

export function batchInstructionCount(jsonText: string | undefined): number {
  if (jsonText === undefined) return 0;
  try {
    const parsed: unknown = JSON.parse(jsonText);
    const list = (parsed as { batchOrder?: unknown } | null)?.batchOrder;
    return Array.isArray(list) ? list.length : 0;
  } catch {
    // The server answers `Json Parse Error`; the call still costs the base amount.
    return 0;
  }
}

/** fills costs 2 for the latest fills and 25 when paging back with `lastFillTime`. */
export function fillsCost(params: ParamMap): number {
  return params.has('lastFillTime') ? 25 : 2;
}

/** account-log cost tiers by `count` (default 500): 1–25 → 1, 26–50 → 2, 51–1000 → 3, 1001–5000 → 6, more → 10. */
export function accountLogCost(params: ParamMap): number {
  const text = params.get('count')?.[0];
  const count = text === undefined || !/^\d+$/.test(text) ? 500 : Number(text);
  if (count <= 25) return 1;
  if (count <= 50) return 2;
  if (count <= 1000) return 3;
  if (count <= 5000) return 6;
  return 10;
}
