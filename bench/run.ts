/**
 * `npm run bench`: every benchmark in turn, each in its own process so one's JIT state and
 * garbage do not skew the next. The browser benchmarks need a built site (npm run build); the
 * build benchmark comes last and builds into a folder of its own, so dist/ is what was measured.
 * `npm run bench -- lighthouse pages` runs only the benchmarks whose file names are given.
 *
 * The peers (TensorFlow.js with its cpu and wasm backends, Lighthouse) are bench/'s own
 * dependencies, installed here on first use from bench/package-lock.json, so the site's install
 * and CI never fetch them; the benchmarks
 * are type-checked (bench/tsconfig.json) before they run, since the site's check skips bench/.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const browserBenches = [
  'bench/shipped.ts',
  'bench/interaction.ts',
  'bench/playground.ts',
  'bench/pages.ts',
  'bench/lighthouse.ts',
];
const all = [
  'bench/kernels.ts',
  'bench/training.ts',
  'bench/digits.ts',
  ...(existsSync('dist/index.html') ? browserBenches : []),
  'bench/build.ts',
];
const only = process.argv.slice(2);
const benches = only.length
  ? all.filter((f) => only.some((name) => f === `bench/${name}.ts`))
  : all;
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
if (!existsSync('bench/node_modules/.package-lock.json')) {
  console.log("Installing the benchmarks' peers (npm ci --prefix bench)...");
  if (
    spawnSync(npm, ['ci', '--prefix', 'bench', '--no-audit', '--no-fund'], { stdio: 'inherit' })
      .status !== 0
  )
    process.exit(1);
}
if (
  spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'bench/tsconfig.json'], {
    stdio: 'inherit',
  }).status !== 0
) {
  console.error('bench/: type errors (tsc -p bench/tsconfig.json)');
  process.exit(1);
}
let failed = false;
for (const file of benches) {
  console.log(`\n## ${file}\n`);
  const run = spawnSync(process.execPath, [file], { stdio: 'inherit' });
  if (run.status !== 0) failed = true;
}
if (!existsSync('dist/index.html'))
  console.log(`\n(${browserBenches.join(', ')} skipped: run npm run build first)`);
process.exit(failed ? 1 : 0);
