/**
 * `npm run bench`: every benchmark in turn, each in its own process so one's JIT state and
 * garbage do not skew the next. The browser benchmark needs a built site (npm run build).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const benches = ['bench/kernels.ts', 'bench/training.ts', ...(existsSync('dist/index.html') ? ['bench/interaction.ts'] : [])];
let failed = false;
for (const file of benches) {
  console.log(`\n## ${file}\n`);
  const run = spawnSync(process.execPath, [file], { stdio: 'inherit' });
  if (run.status !== 0) failed = true;
}
if (!existsSync('dist/index.html')) console.log('\n(bench/interaction.ts skipped: run npm run build first)');
process.exit(failed ? 1 : 0);
