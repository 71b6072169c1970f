/**
 * `npm run bench`: every benchmark in turn, each in its own process so one's JIT state and
 * garbage do not skew the next. The browser benchmarks need a built site (npm run build); the
 * build benchmark comes last and builds into a folder of its own, so dist/ is what was measured.
 * `npm run bench -- lighthouse pages` runs only the benchmarks whose file names are given.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const browserBenches = ['bench/shipped.ts', 'bench/interaction.ts', 'bench/playground.ts', 'bench/pages.ts', 'bench/lighthouse.ts'];
const all = ['bench/kernels.ts', 'bench/training.ts', ...(existsSync('dist/index.html') ? browserBenches : []), 'bench/build.ts'];
const only = process.argv.slice(2);
const benches = only.length ? all.filter((f) => only.some((name) => f === `bench/${name}.ts`)) : all;
let failed = false;
for (const file of benches) {
  console.log(`\n## ${file}\n`);
  const run = spawnSync(process.execPath, [file], { stdio: 'inherit' });
  if (run.status !== 0) failed = true;
}
if (!existsSync('dist/index.html')) console.log(`\n(${browserBenches.join(', ')} skipped: run npm run build first)`);
process.exit(failed ? 1 : 0);
