import Mocha from 'mocha';

/**
 * Creates the suite's Mocha instance and installs `describe`/`it` as globals. index.ts imports this
 * module before the test files, so their top-level `describe` calls register on this instance
 * (the test files are imported statically so esbuild can bundle them into one file).
 */
export const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 20_000, reporter: 'spec' });
mocha.suite.emit('pre-require', globalThis, 'extension-host-suite', mocha);
