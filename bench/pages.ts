/**
 * Page weight of every built page, in Chromium: the JavaScript (gzip) loaded before interaction,
 * against the 150 KB budget, and the total bytes downloaded. Method (tests/e2e/page-weight.ts,
 * shared with the budget test): a 1280 x 900 window loads the page, scrolls it top to bottom so
 * every figure takes over, and waits for the network to settle; each response counts as gzip
 * level 9 of its body where a static host compresses (HTML, CSS, JavaScript, SVG, JSON, XML) and
 * raw otherwise (woff2 fonts, PNG). Clicks and slider moves are left out. Run after
 * `npm run build`: `npx node bench/pages.ts`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { serveStatic } from '../tests/support/static-server.ts';
import { launchBrowser } from '../tests/support/browser.ts';
import { builtPages } from '../tests/e2e/site-pages.ts';
import { measurePageWeight, type PageWeight } from '../tests/e2e/page-weight.ts';
import { benchPages } from './pages-list.ts';

const budgetBytes = 150 * 1024;
const dist = process.env.BENCH_DIST ?? 'dist';
const main = benchPages(dist);
// Home, lessons and the other top-level pages first, then the code views and embeds.
const paths = [
  ...main.map((p) => p.path),
  ...builtPages(dist).filter((p) => !main.some((m) => m.path === p)),
];

interface Row extends PageWeight {
  page: string;
  withinBudget: boolean;
}

const { server, origin } = await serveStatic(dist, '/');
const browser = await launchBrowser();
const rows: Row[] = [];
try {
  for (const path of paths) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const weight = await measurePageWeight(await context.newPage(), `${origin}/${path}`);
    rows.push({ page: `/${path}`, ...weight, withinBudget: weight.jsBytes <= budgetBytes });
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}

const kb = (b: number): string => (b / 1024).toFixed(1);
console.log(
  '| page | JS KB gzip (files) | total KB | requests | HTML KB | CSS KB | fonts KB |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
);
for (const r of rows) {
  console.log(
    `| ${r.page} | ${kb(r.jsBytes)} (${r.jsFiles})${r.withinBudget ? '' : ' OVER'} | ${kb(r.totalBytes)} | ${r.requests} | ${kb(r.byKind.document ?? 0)} | ${kb(r.byKind.stylesheet ?? 0)} | ${kb(r.byKind.font ?? 0)} |`,
  );
}
const heaviest = rows.reduce((a, b) => (b.jsBytes > a.jsBytes ? b : a));
console.log(
  `\nHeaviest JavaScript: ${heaviest.page}, ${kb(heaviest.jsBytes)} KB gzip (budget ${kb(budgetBytes)} KB); pages over budget: ${rows.filter((r) => !r.withinBudget).length}`,
);
mkdirSync('bench/results', { recursive: true });
writeFileSync(
  'bench/results/pages.json',
  `${JSON.stringify({ date: new Date().toISOString(), method: 'gzip level 9 of text bodies, raw bytes otherwise; loaded at 1280x900 and scrolled through; no clicks', budgetBytes, rows }, null, 2)}\n`,
);
