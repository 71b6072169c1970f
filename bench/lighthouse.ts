/**
 * Lighthouse on the built site, with Debian's Chromium: the home page and every lesson against
 * the targets (performance >= 95, accessibility, best practices and SEO 100), and the other
 * top-level pages (playground, notebook) for information. Mobile settings: Lighthouse's default
 * config, i.e. the mobile form factor with simulated throttling (slow 4G, 4x CPU slowdown).
 *
 * The site is served by the tests' static server with gzip on, as a static host would, in a
 * process of its own. Each run
 * gets a fresh Chromium and user-data-dir; each page is measured `LH_RUNS` times (default 3) and
 * the median of each score is reported, because the performance score moves with machine load
 * (the `benchmarkIndex` Lighthouse records says how fast the CPU was during each run). The
 * accessibility, best-practices and SEO scores are deterministic; the audits that cost points
 * are listed per page. Chromium is reniced to -10 where allowed (root), before it starts its
 * renderers, so other jobs on a shared machine disturb the simulation's CPU timings less;
 * `LH_NICE=0` leaves it alone. Run after `npm run build`: `npx node bench/lighthouse.ts`.
 * `LH_REPORTS=dir` also writes each run's full JSON report there (about 1 MB each);
 * `LH_PAGES=a,b` measures only the pages whose path contains one of the strings (for trying a
 * fix; the results file is then not written); `BENCH_DIST=dir` serves another build than dist/.
 */
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { chromiumPath } from '../tests/support/browser.ts';
import { benchPages } from './pages-list.ts';

const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
type Category = (typeof categories)[number];
const targets: Record<Category, number> = {
  performance: 95,
  accessibility: 100,
  'best-practices': 100,
  seo: 100,
};
const metricIds = {
  fcpMs: 'first-contentful-paint',
  lcpMs: 'largest-contentful-paint',
  tbtMs: 'total-blocking-time',
  cls: 'cumulative-layout-shift',
  siMs: 'speed-index',
} as const;
type Metric = keyof typeof metricIds;

interface Run {
  scores: Record<Category, number>;
  metrics: Record<Metric, number>;
  /** Lighthouse's CPU benchmark during the run: lower means a busier machine. */
  benchmarkIndex: number;
  /** Audits of the deterministic categories that did not score full marks. */
  failing: string[];
  /** Performance opportunities and diagnostics that scored under 0.9. */
  perfHints: string[];
}

interface PageResult {
  page: string;
  /** Whether the page is held to the targets (home and lessons) or measured for information. */
  required: boolean;
  median: Record<Category, number> & Record<Metric, number>;
  runs: Run[];
}

const runs = Number(process.env.LH_RUNS ?? 3);
const reportDir = process.env.LH_REPORTS;
const nice = Number(process.env.LH_NICE ?? -10);
const flags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] ?? NaN) : ((s[m - 1] ?? NaN) + (s[m] ?? NaN)) / 2;
};

async function lighthouseOnce(url: string): Promise<Run> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'lh-chromium-'));
  const chrome = await chromeLauncher.launch({
    chromePath: chromiumPath(),
    chromeFlags: flags,
    userDataDir,
    logLevel: 'silent',
  });
  // Renderers are started on navigation, by the browser process, and inherit its priority.
  if (nice !== 0 && chrome.pid)
    spawnSync('renice', ['-n', String(nice), '-p', String(chrome.pid)], { stdio: 'ignore' });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: [...categories],
    });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const lhr = result.lhr;
    if (reportDir) {
      mkdirSync(reportDir, { recursive: true });
      writeFileSync(
        join(
          reportDir,
          `${new URL(url).pathname.replaceAll('/', '_') || 'home'}-${Date.now()}.json`,
        ),
        JSON.stringify(lhr),
      );
    }
    if (lhr.runtimeError)
      throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const scores = {} as Record<Category, number>;
    const failing: string[] = [];
    const perfHints: string[] = [];
    for (const c of categories) {
      const cat = lhr.categories[c];
      scores[c] = Math.round((cat?.score ?? 0) * 100);
      for (const ref of cat?.auditRefs ?? []) {
        const audit = lhr.audits[ref.id];
        if (
          !audit ||
          audit.score === null ||
          audit.scoreDisplayMode === 'notApplicable' ||
          audit.scoreDisplayMode === 'informative'
        )
          continue;
        if (c !== 'performance' && audit.score < 1 && ref.weight > 0)
          failing.push(`${c}: ${ref.id}`);
        if (c === 'performance' && ref.weight === 0 && audit.score < 0.9)
          perfHints.push(`${ref.id}${audit.displayValue ? ` (${audit.displayValue})` : ''}`);
      }
    }
    const metrics = {} as Record<Metric, number>;
    for (const [key, id] of Object.entries(metricIds) as [Metric, string][])
      metrics[key] = lhr.audits[id]?.numericValue ?? NaN;
    return { scores, metrics, benchmarkIndex: lhr.environment.benchmarkIndex, failing, perfHints };
  } finally {
    chrome.kill();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

const dist = process.env.BENCH_DIST ?? 'dist';
const only = process.env.LH_PAGES?.split(',');
const pages = benchPages(dist).filter(
  (p) => !only || only.some((s) => (p.path || 'home').includes(s)),
);
// The site is served from a child process (bench/serve-dist.ts), away from Lighthouse's work.
const server = spawn(process.execPath, ['bench/serve-dist.ts', dist], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
const [firstLine] = (await once(server.stdout, 'data')) as [Buffer];
const origin = firstLine.toString().trim();
const results: PageResult[] = [];
try {
  for (const { path, required } of pages) {
    const url = `${origin}/${path}`;
    const pageRuns: Run[] = [];
    for (let i = 0; i < runs; i++) pageRuns.push(await lighthouseOnce(url));
    const med = {} as PageResult['median'];
    for (const c of categories) med[c] = median(pageRuns.map((r) => r.scores[c]));
    for (const m of Object.keys(metricIds) as Metric[])
      med[m] = median(pageRuns.map((r) => r.metrics[m]));
    results.push({ page: `/${path}`, required, median: med, runs: pageRuns });
    console.error(
      `lighthouse /${path}: ${pageRuns.map((r) => categories.map((c) => r.scores[c]).join('/')).join(', ')}`,
    );
  }
} finally {
  server.kill();
}

const met = (r: PageResult): boolean => categories.every((c) => r.median[c] >= targets[c]);
console.log(`Lighthouse ${runs} runs per page, median; mobile, simulated throttling.\n`);
console.log(
  '| page | perf | a11y | best practices | SEO | FCP ms | LCP ms | TBT ms | CLS | benchmarkIndex | targets |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
);
for (const r of results) {
  const bi = r.runs.map((x) => x.benchmarkIndex.toFixed(0)).join(', ');
  const verdict = r.required ? (met(r) ? 'met' : 'NOT met') : 'information';
  console.log(
    `| ${r.page} | ${r.median.performance} | ${r.median.accessibility} | ${r.median['best-practices']} | ${r.median.seo} | ${r.median.fcpMs.toFixed(0)} | ${r.median.lcpMs.toFixed(0)} | ${r.median.tbtMs.toFixed(0)} | ${r.median.cls.toFixed(3)} | ${bi} | ${verdict} |`,
  );
}
for (const r of results) {
  const failing = [...new Set(r.runs.flatMap((x) => x.failing))];
  const hints = [
    ...new Set(r.runs.flatMap((x) => x.perfHints.map((h) => h.replace(/ \(.*\)$/, '')))),
  ];
  if (failing.length || hints.length)
    console.log(`\n${r.page}: ${[...failing, ...hints.map((h) => `hint: ${h}`)].join('; ')}`);
}
if (!only) {
  mkdirSync('bench/results', { recursive: true });
  writeFileSync(
    'bench/results/lighthouse.json',
    `${JSON.stringify({ date: new Date().toISOString(), settings: { formFactor: 'mobile', throttling: 'simulate', runsPerPage: runs }, targets, pages: results }, null, 2)}\n`,
  );
}
const missed = results.filter((r) => r.required && !met(r));
if (missed.length) console.log(`\nBelow target: ${missed.map((r) => r.page).join(', ')}`);
