import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BenchFunction, BenchResult } from './harness';

/**
 * `npm run bench [-- <filter>]`: runs every bench/*.bench.ts (or those whose name contains a
 * filter word), one after the other so they do not compete for the CPU, and prints one table.
 */

const BENCH_DIR = resolve(__dirname);

function isBenchResult(value: unknown): value is BenchResult {
  const r = value as Partial<BenchResult> | null;
  return (
    typeof r === 'object' && r !== null &&
    typeof r.name === 'string' && typeof r.unit === 'string' && typeof r.baselineName === 'string' &&
    [r.value, r.baselineValue, r.ratio].every((n) => typeof n === 'number' && Number.isFinite(n))
  );
}

function formatNumber(n: number): string {
  if (Math.abs(n) >= 1000) return Math.round(n).toLocaleString('en-US');
  return n.toPrecision(3);
}

function printTable(rows: readonly (BenchResult & { file: string })[]): void {
  const header = ['bench', 'result', 'value', 'baseline', 'baseline value', 'ratio', 'note'];
  const cells = rows.map((r) => [r.file, r.name, `${formatNumber(r.value)} ${r.unit}`, r.baselineName, `${formatNumber(r.baselineValue)} ${r.unit}`, r.ratio.toFixed(2), r.note ?? '']);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: readonly string[]) => c.map((v, i) => (i === c.length - 1 ? v : v.padEnd(widths[i]))).join('  ').trimEnd();
  console.log(line(header));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const c of cells) console.log(line(c));
}

async function main(filters: readonly string[]): Promise<number> {
  const files = readdirSync(BENCH_DIR)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => filters.length === 0 || filters.some((word) => f.includes(word)))
    .sort();
  if (files.length === 0) {
    console.error(`no bench/*.bench.ts file matches ${filters.join(', ') || '(any)'}`);
    return 1;
  }
  const rows: (BenchResult & { file: string })[] = [];
  let failed = false;
  for (const file of files) {
    const label = file.replace(/\.bench\.ts$/, '');
    process.stderr.write(`running ${file} …\n`);
    try {
      const mod = (await import(pathToFileURL(join(BENCH_DIR, file)).href)) as { default?: unknown };
      // tsx loads a .ts file as CommonJS here, so the default export may sit one level deeper.
      const candidate = typeof mod.default === 'function' ? mod.default : (mod.default as { default?: unknown } | undefined)?.default;
      if (typeof candidate !== 'function') throw new Error('it has no default export `async function(): Promise<BenchResult[]>`');
      const results: unknown = await (candidate as BenchFunction)();
      if (!Array.isArray(results) || !results.every(isBenchResult)) throw new Error('it returned something other than BenchResult[]');
      rows.push(...results.map((r) => ({ ...r, file: label })));
    } catch (error) {
      failed = true;
      console.error(`${file} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (rows.length > 0) printTable(rows);
  return failed ? 1 : 0;
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
