/**
 * Wall time of `npm run build`, the production build as a developer or CI runs it. The build
 * writes to a temporary folder (OUT_DIR), so dist/ and anything serving it are left alone; Vite's
 * and Astro's caches stay as they are, as on a developer's machine. The time depends on what else
 * the machine is doing, so the load average before the build is recorded beside it. One build by
 * default (`BENCH_RUNS` for more; the fastest is reported). `npx node bench/build.ts`.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtPages } from '../tests/e2e/site-pages.ts';

const runs = Number(process.env.BENCH_RUNS ?? 1);
const times: number[] = [];
const loads: number[] = [];
let pages = 0;
for (let i = 0; i < runs; i++) {
  const out = mkdtempSync(join(tmpdir(), 'bench-build-'));
  loads.push(loadavg()[0] ?? NaN);
  const t0 = performance.now();
  const build = spawnSync('npm', ['run', 'build'], {
    env: { ...process.env, OUT_DIR: out },
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  });
  times.push((performance.now() - t0) / 1000);
  if (build.status !== 0) {
    console.error(build.stderr);
    throw new Error(`npm run build failed with status ${build.status}`);
  }
  pages = builtPages(out).length;
  rmSync(out, { recursive: true, force: true });
}

const seconds = Math.min(...times);
console.log(
  `| build | wall s | pages | load average before (${cpus().length} cores) |\n| --- | ---: | ---: | --- |`,
);
console.log(
  `| npm run build | ${seconds.toFixed(1)} | ${pages} | ${loads.map((l) => l.toFixed(1)).join(', ')} |`,
);
if (runs > 1) console.log(`\nAll runs: ${times.map((t) => t.toFixed(1)).join(', ')} s`);
mkdirSync('bench/results', { recursive: true });
writeFileSync(
  'bench/results/build.json',
  `${JSON.stringify({ date: new Date().toISOString(), seconds, runs: times, pages, loadAverageBefore: loads, cores: cpus().length }, null, 2)}\n`,
);
