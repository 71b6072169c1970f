/**
 * `npm test`: every check, stopping after the first phase in which one fails, and always ending
 * with one line that counts the tests passed and failed across the Vitest runs (unit, browser,
 * sub-path) and names the step that failed, if one did. Each Vitest run also writes a JSON report
 * to test-results/, which is where the counts come from.
 *
 * The steps run in phases, and the lanes of a phase side by side: `astro check` uses about one
 * core while ESLint, Prettier and then the build use the other; the sub-path build and crawl run
 * beside the unit tests, and the second production build (the reproducibility check) beside the
 * browser files that only read pages. No two Astro builds run at once: they share .astro/.
 * The browser files that time the main thread run last, with nothing else on the machine. The first
 * lane of a phase prints as it runs; the others print when they end, so no two steps interleave.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

interface Step {
  readonly name: string;
  readonly script: string;
  readonly args?: readonly string[];
  /** Name of the JSON report a Vitest step writes (test-results/<report>.json). */
  readonly report?: string;
}
type Lane = readonly Step[];
type Phase = readonly Lane[];

const phases: readonly Phase[] = [
  [
    [{ name: 'unit tests', script: 'test:unit', report: 'unit' }],
    // The sub-path build needs nothing built before it, and no other Astro process runs now.
    [{ name: 'sub-path build and crawl', script: 'test:subpath', report: 'subpath' }],
  ],
  [
    [{ name: 'type-check', script: 'check' }],
    // The build starts after ESLint and Prettier, by when astro check has generated its types:
    // two Astro processes writing .astro/ at once could read each other's half-written files.
    [
      { name: 'lint', script: 'lint' },
      { name: 'build', script: 'build' },
    ],
  ],
  [
    [
      {
        name: 'browser tests that read pages',
        script: 'test:e2e',
        args: ['--project', 'pages'],
        report: 'e2e-pages',
      },
    ],
    [{ name: 'reproducible build', script: 'test:repro' }],
  ],
  [
    [
      {
        name: 'browser tests that time the main thread',
        script: 'test:e2e',
        args: ['--project', 'timed'],
        report: 'e2e-timed',
      },
    ],
  ],
];

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const counts = { passed: 0, failed: 0, skipped: 0 };

/** Where a lane writes: straight through for the first lane of a phase, buffered for the others. */
interface Sink {
  push(text: string): void;
}

/**
 * The last lines each failed step printed, repeated just above the summary line: a lane that
 * buffers prints before the longer lane beside it ends, so a CI log cut to its tail would
 * otherwise show the failure's name without its reason.
 */
const failureTails: string[] = [];
const TAIL_LINES = 40;

/** Runs one step; resolves to whether it passed. */
function runStep(step: Step, out: Sink): Promise<boolean> {
  const reportFile = step.report ? `test-results/${step.report}.json` : undefined;
  if (reportFile) rmSync(reportFile, { force: true });
  const extra = reportFile
    ? ['--reporter=default', '--reporter=json', `--outputFile.json=${reportFile}`]
    : [];
  const args = [...(step.args ?? []), ...extra];
  const started = Date.now();
  out.push(
    `\n== ${step.name} (npm run ${step.script}${args.length ? ` -- ${args.join(' ')}` : ''})\n\n`,
  );
  return new Promise((done) => {
    const child = spawn(npm, ['run', step.script, ...(args.length ? ['--', ...args] : [])], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '1' },
    });
    const printed: string[] = [];
    const onData = (d: Buffer) => {
      const text = d.toString();
      printed.push(text);
      out.push(text);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('close', (code) => {
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
      const seconds = ((Date.now() - started) / 1000).toFixed(0);
      out.push(`\n-- ${step.name}: ${code === 0 ? 'passed' : 'FAILED'} in ${seconds} s\n`);
      if (code !== 0) {
        const tail = printed.join('').trimEnd().split('\n').slice(-TAIL_LINES).join('\n');
        failureTails.push(`\n== the end of what ${step.name} printed\n\n${tail}\n`);
      }
      done(code === 0);
    });
  });
}

/** Runs a lane's steps in order until one fails; returns the failed step's name, if any. */
async function runLane(lane: Lane, index: number): Promise<string | undefined> {
  const buffered: string[] = [];
  const out: Sink = index === 0 ? { push: (t) => process.stdout.write(t) } : buffered;
  let failed: string | undefined;
  for (const step of lane) {
    if (!(await runStep(step, out))) {
      failed = step.name;
      break;
    }
  }
  process.stdout.write(buffered.join(''));
  return failed;
}

mkdirSync('test-results', { recursive: true });
const started = Date.now();
let failedStep: string | undefined;
for (const phase of phases) {
  const failures = (await Promise.all(phase.map(runLane))).filter((f) => f !== undefined);
  if (failures.length) {
    failedStep = failures.join(', ');
    break;
  }
}
process.stdout.write(failureTails.join(''));
const minutes = ((Date.now() - started) / 60_000).toFixed(1);
const skipped = counts.skipped ? `, ${counts.skipped} skipped` : '';
console.log(
  `\nnpm test: ${counts.passed} passed, ${counts.failed} failed${skipped}; ${failedStep ? `FAILED at ${failedStep}` : 'every step passed'} (${minutes} min)`,
);
process.exit(failedStep ? 1 : 0);
