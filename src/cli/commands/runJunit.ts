import { compactBody, requestLabel, requestLine, requestLocation, type ReportEnvironment, type RequestReport } from './runReporters';

/**
 * The JUnit XML report of a run (`--junit <file>`), in the shape CI servers read (Jenkins, GitLab,
 * GitHub test reporters): one <testsuite> per request file, one <testcase> per request and one per
 * `# @assert` check. Checks of a request that was not sent are listed as skipped, so a test count
 * does not change with the outcome.
 */

export interface JunitFile {
  readonly file: string;
  readonly reports: readonly RequestReport[];
}

interface TestCase {
  readonly name: string;
  readonly classname: string;
  readonly seconds: number;
  readonly failure?: { readonly kind: 'failure' | 'error'; readonly type: string; readonly message: string; readonly detail: string };
  readonly skipped?: string;
  readonly out?: string;
}

function allowedInXml(codePoint: number): boolean {
  return codePoint === 0x9 || codePoint === 0xa || codePoint === 0xd || (codePoint >= 0x20 && codePoint <= 0xd7ff) || (codePoint >= 0xe000 && codePoint <= 0xfffd) || codePoint >= 0x10000;
}

/** XML 1.0 cannot carry most control characters (nor lone surrogates) at all, even escaped. */
function xmlText(text: string): string {
  let clean = '';
  for (const ch of text) clean += allowedInXml(ch.codePointAt(0) ?? 0) ? ch : '\ufffd';
  return clean.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function attribute(name: string, value: string | number): string {
  return ` ${name}="${xmlText(String(value)).replace(/\n/g, '&#10;')}"`;
}

function seconds(ms: number): number {
  return Math.round(ms) / 1000;
}

function casesOf(report: RequestReport): TestCase[] {
  const { result } = report;
  const response = result.response;
  const classname = report.file;
  const label = `${requestLabel(report)} ${requestLine(report)}`;
  const detail = [result.message, `at ${requestLocation(report)}`, ...(report.explanation ? [report.explanation.title, report.explanation.summary] : [])].join('\n');
  const out = response ? compactBody(response, 2000) : undefined;
  const base = { name: label, classname, seconds: response ? seconds(response.timing.durationMs) : 0, ...(out ? { out } : {}) };
  const cases: TestCase[] = [];
  switch (result.outcome) {
    case 'passed':
      cases.push(base);
      break;
    case 'failed':
    case 'refused':
      cases.push({ ...base, failure: { kind: 'failure', type: result.outcome, message: result.message, detail } });
      break;
    case 'error':
      cases.push({ ...base, failure: { kind: 'error', type: 'error', message: result.message, detail } });
      break;
    default:
      cases.push({ ...base, skipped: result.message });
  }
  const evaluated = result.asserts.length > 0 || response !== undefined;
  if (evaluated) {
    for (const check of result.asserts) {
      cases.push({
        name: `${requestLabel(report)} @assert ${check.text}`,
        classname,
        seconds: 0,
        ...(check.passed ? {} : { failure: { kind: 'failure' as const, type: 'assert', message: check.message, detail: `${check.message}\nat ${report.file}:${check.range.start.line + 1}:${check.range.start.character + 1}` } }),
      });
    }
  } else {
    for (const directive of report.request?.asserts ?? []) {
      cases.push({ name: `${requestLabel(report)} @assert ${directive.argument?.text ?? ''}`, classname, seconds: 0, skipped: 'not evaluated: the request was not sent' });
    }
  }
  return cases;
}

function testcaseXml(test: TestCase): string {
  const open = `    <testcase${attribute('name', test.name)}${attribute('classname', test.classname)}${attribute('time', test.seconds)}`;
  const inner: string[] = [];
  if (test.failure) inner.push(`      <${test.failure.kind}${attribute('message', test.failure.message)}${attribute('type', test.failure.type)}>${xmlText(test.failure.detail)}</${test.failure.kind}>`);
  if (test.skipped !== undefined) inner.push(`      <skipped${attribute('message', test.skipped)}/>`);
  if (test.out !== undefined) inner.push(`      <system-out>${xmlText(test.out)}</system-out>`);
  return inner.length === 0 ? `${open}/>` : `${open}>\n${inner.join('\n')}\n    </testcase>`;
}

interface Counts {
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
  seconds: number;
}

function countsOf(cases: readonly TestCase[]): Counts {
  return {
    tests: cases.length,
    failures: cases.filter((c) => c.failure?.kind === 'failure').length,
    errors: cases.filter((c) => c.failure?.kind === 'error').length,
    skipped: cases.filter((c) => c.skipped !== undefined).length,
    seconds: seconds(cases.reduce((sum, c) => sum + c.seconds * 1000, 0)),
  };
}

function countAttributes(counts: Counts): string {
  return `${attribute('tests', counts.tests)}${attribute('failures', counts.failures)}${attribute('errors', counts.errors)}${attribute('skipped', counts.skipped)}${attribute('time', counts.seconds)}`;
}

export function junitXml(files: readonly JunitFile[], environment: ReportEnvironment, startedAt: number): string {
  const suites = files.map((file) => ({ file, cases: file.reports.flatMap(casesOf) }));
  const all = countsOf(suites.flatMap((s) => s.cases));
  const timestamp = new Date(startedAt).toISOString().replace(/\.\d{3}Z$/, '');
  const body = suites.map(({ file, cases }) =>
    [
      `  <testsuite${attribute('name', file.file)}${countAttributes(countsOf(cases))}${attribute('timestamp', timestamp)}>`,
      '    <properties>',
      `      <property${attribute('name', 'environment')}${attribute('value', environment.id)}/>`,
      `      <property${attribute('name', 'baseUrl')}${attribute('value', environment.baseUrl)}/>`,
      `      <property${attribute('name', 'live')}${attribute('value', String(environment.isLive))}/>`,
      '    </properties>',
      ...cases.map(testcaseXml),
      '  </testsuite>',
    ].join('\n'),
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites${attribute('name', 'kfreq run')}${countAttributes(all)}>\n${body.join('\n')}\n</testsuites>\n`;
}
