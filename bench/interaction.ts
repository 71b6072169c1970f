/**
 * Slider-to-redraw time in Chromium, on the built site: for each live figure with a slider, 100
 * slider moves; each is timed from the input event to the next animation frame after the figure
 * has redrawn (the figure renders in its own rAF callback, registered during the input event, so
 * it runs first in that frame). A value at or under one frame (16.7 ms at 60 Hz) means the
 * redraw makes the next frame. Run after `npm run build`: `npx node bench/interaction.ts`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { serveStatic } from '../tests/support/static-server.ts';
import { launchBrowser, scrollToCentre } from '../tests/support/browser.ts';

interface Row {
  page: string;
  figure: string;
  control: string;
  /** Input event to the next animation frame after the redraw (includes waiting for vsync). */
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  /** The redraw's own work (the `af-render` User Timing measure). */
  renderMedianMs: number;
  renderP95Ms: number;
}

const targets = [
  { page: 'lessons/sigmoid/', selector: 'af-explorer', control: '[data-control="cursor"]' },
  { page: 'lessons/beyond/', selector: 'af-explorer', control: 'input[data-param]' },
  { page: 'lessons/sigmoid/', selector: 'af-chain-rule', control: '[data-control="depth"]' },
  { page: 'lessons/tanh/', selector: 'af-tanh-identity', control: '[data-control="t"]' },
];

const quantile = (xs: number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
};

const { server, origin } = await serveStatic('dist', '/');
const browser = await launchBrowser();
const rows: Row[] = [];
try {
  for (const t of targets) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${origin}/${t.page}`, { waitUntil: 'networkidle' });
    const figure = page.locator(t.selector).first();
    await scrollToCentre(figure);
    await page.locator(`${t.selector}[data-live="true"]`).first().waitFor();
    const { out: times, renders } = await figure
      .locator(t.control)
      .first()
      .evaluate(async (el) => {
        const input = el as HTMLInputElement;
        const lo = Number(input.min);
        const hi = Number(input.max);
        const out: number[] = [];
        performance.clearMeasures('af-render');
        for (let i = 0; i < 100; i++) {
          input.value = String(lo + ((hi - lo) * ((i * 37) % 100)) / 99);
          const t0 = performance.now();
          input.dispatchEvent(new Event('input', { bubbles: true }));
          await new Promise<void>((r) => requestAnimationFrame(() => r()));
          out.push(performance.now() - t0);
          await new Promise<void>((r) => setTimeout(r, 5));
        }
        const renders = performance.getEntriesByName('af-render').map((e) => e.duration);
        return { out, renders };
      });
    rows.push({
      page: t.page,
      figure: t.selector,
      control: t.control,
      medianMs: quantile(times, 0.5),
      p95Ms: quantile(times, 0.95),
      maxMs: Math.max(...times),
      renderMedianMs: quantile(renders, 0.5),
      renderP95Ms: quantile(renders, 0.95),
    });
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
}

console.log(
  '| page | figure | control | input→frame median ms | p95 | max | redraw median ms | redraw p95 |\n| --- | --- | --- | ---: | ---: | ---: | ---: | ---: |',
);
for (const r of rows) {
  console.log(
    `| ${r.page} | ${r.figure} | \`${r.control}\` | ${r.medianMs.toFixed(1)} | ${r.p95Ms.toFixed(1)} | ${r.maxMs.toFixed(1)} | ${r.renderMedianMs.toFixed(1)} | ${r.renderP95Ms.toFixed(1)} |`,
  );
}
mkdirSync('bench/results', { recursive: true });
writeFileSync(
  'bench/results/interaction.json',
  `${JSON.stringify({ date: new Date().toISOString(), rows }, null, 2)}\n`,
);
