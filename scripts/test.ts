/**
 * `npm test`: every check in order, stopping at the first that fails, and always ending with one
 * line that counts the tests passed and failed across the Vitest runs (unit, browser, sub-path)
 * and names the step that failed, if one did. Each Vitest run also writes a JSON report to
 * test-results/, which is where the counts come from.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

interface Step {
  readonly name: string;
  readonly script: string;
  /** Name of the JSON report a Vitest step writes (test-results/<report>.json). */
  readonly report?: string;
}
const steps: readonly Step[] = [
  { name: 'unit tests', script: 'test:unit', report: 'unit' },
  { name: 'lint', script: 'lint' },
  { name: 'type-check', script: 'check' },
  { name: 'build', script: 'build' },
  { name: 'browser tests', script: 'test:e2e', report: 'e2e' },
  { name: 'sub-path build and crawl', script: 'test:subpath', report: 'subpath' },
  { name: 'reproducible build', script: 'test:repro' },
];

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
mkdirSync('test-results', { recursive: true });
const started = Date.now();
let failedStep: string | undefined;
const counts = { passed: 0, failed: 0, skipped: 0 };
for (const step of steps) {
  const reportFile = step.report ? `test-results/${step.report}.json` : undefined;
  if (reportFile) rmSync(reportFile, { force: true });
  const extra = reportFile
    ? ['--', '--reporter=default', '--reporter=json', `--outputFile.json=${reportFile}`]
    : [];
  console.log(`\n== ${step.name} (npm run ${step.script})\n`);
  const run = spawnSync(npm, ['run', step.script, ...extra], { stdio: 'inherit' });
  if (reportFile && existsSync(reportFile)) {
    const r = JSON.parse(readFileSync(reportFile, 'utf8')) as {
      numPassedTests: number;
      numFailedTests: number;
      numPendingTests: number;
      numTodoTests: number;
    };
    counts.passed += r.numPassedTests;
    counts.failed += r.numFailedTests;
    counts.skipped += r.numPendingTests + r.numTodoTests;
  }
  if (run.status !== 0) {
    failedStep = step.name;
    break;
  }
}
const minutes = ((Date.now() - started) / 60_000).toFixed(1);
const skipped = counts.skipped ? `, ${counts.skipped} skipped` : '';
console.log(
  `\nnpm test: ${counts.passed} passed, ${counts.failed} failed${skipped}; ${failedStep ? `FAILED at ${failedStep}` : 'every step passed'} (${minutes} min)`,
);
process.exit(failedStep ? 1 : 0);
