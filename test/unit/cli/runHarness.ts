import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { KFREQ_BIN } from './builtKfreq';

/**
 * Runs the built `kfreq` bundle as a child process without blocking this process: the tests'
 * simulator runs in-process and must keep answering while the CLI talks to it (spawnSync would
 * freeze it). Every output is kept for the final "no secret anywhere" sweep.
 */

export const ROOT = resolve(__dirname, '../../..');

export interface RunOutput {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export const runOutputs: string[] = [];

export function kfreqAsync(args: readonly string[], env: Record<string, string> = {}, cwd = ROOT): Promise<RunOutput> {
  return new Promise((done, fail) => {
    // Only what the test gives: no credentials from the developer's shell leak into a test.
    const child = spawn(process.execPath, [KFREQ_BIN, ...args], { cwd, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', fail);
    child.on('close', (status) => {
      runOutputs.push(stdout, stderr);
      done({ status, stdout, stderr });
    });
  });
}

/** The JSON lines of a --json run, each parsed. */
export function jsonLines(stdout: string): Record<string, unknown>[] {
  return stdout
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

export interface JunitCase {
  readonly name: string;
  readonly classname: string;
  /** `failure`, `error`, `skipped` or undefined for a pass. */
  readonly result: string | undefined;
  readonly message: string | undefined;
}

function attributesOf(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const match of tag.matchAll(/\s([\w:-]+)="([^"]*)"/g)) {
    out[match[1]!] = match[2]!.replace(/&#10;/g, '\n').replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  }
  return out;
}

/**
 * Reads a JUnit report the way a CI server does: suites with counts, test cases with their result.
 * Checks the structure strictly enough that malformed XML (an unescaped `<` or `&`) fails.
 */
export function parseJunit(xml: string): { suites: Record<string, string>[]; totals: Record<string, string>; cases: JunitCase[] } {
  if (!xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites')) throw new Error('not a JUnit report');
  // Between tags only text without markup characters may appear; every tag must be closed in order.
  const stack: string[] = [];
  for (const match of xml.replace(/^<\?xml[^>]*\?>/, '').matchAll(/<(\/?)([\w-]+)((?:\s[\w:-]+="[^"<>]*")*)\s*(\/?)>|([^<]+)/g)) {
    const [, closing, name, , selfClosing, text] = match;
    if (text !== undefined) {
      if (/[<>]|&(?!(amp|lt|gt|quot|#10);)/.test(text)) throw new Error(`unescaped markup in text: ${text.slice(0, 40)}`);
      continue;
    }
    if (closing) {
      if (stack.pop() !== name) throw new Error(`</${name}> closes the wrong element`);
    } else if (!selfClosing) stack.push(name!);
  }
  if (stack.length > 0) throw new Error(`unclosed elements: ${stack.join(', ')}`);
  const totals = attributesOf(/<testsuites[^>]*>/.exec(xml)![0]);
  const suites = [...xml.matchAll(/<testsuite\s[^>]*>/g)].map((m) => attributesOf(m[0]));
  const cases = [...xml.matchAll(/<testcase\s([^>]*?)(\/>|>([\s\S]*?)<\/testcase>)/g)].map((m) => {
    const attributes = attributesOf(` ${m[1]}`);
    const inner = m[3] ?? '';
    const outcome = /<(failure|error|skipped)[\s/>]/.exec(inner);
    const message = outcome ? attributesOf(/<(failure|error|skipped)[^>]*>/.exec(inner)![0]).message : undefined;
    return { name: attributes.name ?? '', classname: attributes.classname ?? '', result: outcome?.[1], message };
  });
  return { suites, totals, cases };
}
