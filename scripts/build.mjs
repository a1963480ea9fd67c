// Bundles the extension, the CLIs and the extension-host test suite with esbuild.
//   node scripts/build.mjs               development build (source maps)
//   node scripts/build.mjs --production  minified, no source maps
//   node scripts/build.mjs --watch       rebuild on change
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  external: ['vscode'],
};

/** Each entry is built only once its source exists, so features can land one by one. */
const entries = [
  { in: 'src/extension/extension.ts', out: 'dist/extension.js' },
  { in: 'src/cli/kfreq.ts', out: 'dist/cli/kfreq.js', banner: '#!/usr/bin/env node' },
  { in: 'src/cli/kraken-futures-sim.ts', out: 'dist/cli/kraken-futures-sim.js', banner: '#!/usr/bin/env node' },
  // mocha's parallel-mode files are never loaded in the extension host; its require.resolve of them is harmless.
  { in: 'test/host/index.ts', out: 'dist/test/host/index.js', logOverride: { 'require-resolve-not-external': 'silent' } },
].filter((e) => existsSync(e.in));

const contexts = await Promise.all(
  entries.map((e) =>
    esbuild.context({
      ...common,
      entryPoints: [e.in],
      outfile: e.out,
      banner: e.banner ? { js: e.banner } : undefined,
      logOverride: e.logOverride,
    }),
  ),
);

if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
  console.log(`watching ${entries.length} entry points`);
} else {
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
}
