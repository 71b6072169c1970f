/**
 * The main thread while the playground trains, in Chromium on the built site: the worker trains
 * for 10 s while the page draws its snapshots; a PerformanceObserver records every long task
 * (Chromium reports tasks of 50 ms and more), and a requestAnimationFrame counter the frame rate.
 * Before the 10 s, one Step loads the drawing code and starts the worker and every view is opened,
 * so the figure is of steady training with all views drawing; the cold first draw is reported
 * apart. Run after `npm run build`: `npx node bench/playground.ts` (`BENCH_RUNS`, default 3).
 * `BENCH_QUERY` sets the playground's settings, e.g. the largest the controls allow:
 * `BENCH_QUERY='?train.layers=8&train.width=16&train.batch=1&train.opt=adam&train.act=custom&train.expr=x*sigmoid(x)'`
 * (tests/e2e/playground-jank.e2e.ts asserts that case, by thread CPU time per task).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { serveStatic } from '../tests/support/static-server.ts';
import { launchBrowser, scrollToCentre } from '../tests/support/browser.ts';

interface Run {
  /** Longest long task during the 10 s, ms (0: none reached 50 ms). */
  longestTaskMs: number;
  longTasks: number;
  /** Sum over long tasks of their time beyond 50 ms. */
  blockingMs: number;
  /** Frames drawn per second (requestAnimationFrame callbacks). */
  fps: number;
  /** Slowest redraw of the figure (`af-render` User Timing) during the 10 s. */
  slowestRedrawMs: number;
  /** The first draw after the worker started, before the 10 s. */
  coldDrawMs: number;
  epochs: number;
}

const seconds = 10;
const runs = Number(process.env.BENCH_RUNS ?? 3);
const dist = process.env.BENCH_DIST ?? 'dist';
const query = process.env.BENCH_QUERY ?? '';
const { server, origin } = await serveStatic(dist, '/');
const browser = await launchBrowser();
const results: Run[] = [];
try {
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${origin}/playground/${query}`, { waitUntil: 'networkidle' });
    const fig = page.locator('#fig-playground');
    await scrollToCentre(fig);
    await fig.locator('af-playground[data-live="true"]').waitFor({ timeout: 30_000 });
    const epoch = async (): Promise<number> =>
      Number(await fig.locator('[data-out="epoch"]').innerText());
    await fig.locator('[data-action="step"]').click();
    for (const deadline = Date.now() + 20_000; (await epoch()) < 1;) {
      if (Date.now() > deadline) throw new Error('the first Step did not train an epoch');
      await page.waitForTimeout(50);
    }
    await fig
      .locator('details')
      .evaluateAll((ds) => ds.forEach((d) => ((d as HTMLDetailsElement).open = true)));
    await page.waitForTimeout(1000);
    const coldDrawMs = await page.evaluate(() =>
      Math.max(0, ...performance.getEntriesByName('af-render').map((e) => e.duration)),
    );
    await page.evaluate(() => {
      const g = globalThis as unknown as { tasks: number[]; frames: number; t0: number };
      g.tasks = [];
      g.frames = 0;
      g.t0 = performance.now();
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) g.tasks.push(e.duration);
      }).observe({ type: 'longtask' });
      const tick = (): void => {
        g.frames++;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    const before = await epoch();
    await fig.locator('[data-action="play"]').click();
    await page.waitForTimeout(seconds * 1000);
    const m = await page.evaluate(() => {
      const g = globalThis as unknown as { tasks: number[]; frames: number; t0: number };
      const elapsed = (performance.now() - g.t0) / 1000;
      const redraws = performance
        .getEntriesByName('af-render')
        .filter((e) => e.startTime >= g.t0)
        .map((e) => e.duration);
      return { tasks: g.tasks, fps: g.frames / elapsed, slowest: Math.max(0, ...redraws) };
    });
    await fig.locator('[data-action="pause"]').click();
    results.push({
      longestTaskMs: Math.max(0, ...m.tasks),
      longTasks: m.tasks.length,
      blockingMs: m.tasks.reduce((a, d) => a + Math.max(0, d - 50), 0),
      fps: m.fps,
      slowestRedrawMs: m.slowest,
      coldDrawMs,
      epochs: (await epoch()) - before,
    });
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? NaN;
console.log(
  `Playground training ${seconds} s, ${runs} runs (1280 x 900, every view open${query ? `, ${query}` : ''})\n`,
);
console.log(
  '| run | longest task ms | long tasks | blocking ms | fps | slowest redraw ms | cold first draw ms | epochs |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
);
results.forEach((r, i) => {
  console.log(
    `| ${i + 1} | ${r.longestTaskMs.toFixed(0)} | ${r.longTasks} | ${r.blockingMs.toFixed(0)} | ${r.fps.toFixed(0)} | ${r.slowestRedrawMs.toFixed(1)} | ${r.coldDrawMs.toFixed(1)} | ${r.epochs} |`,
  );
});
const summary = {
  longestTaskMedianMs: median(results.map((r) => r.longestTaskMs)),
  longestTaskMaxMs: Math.max(...results.map((r) => r.longestTaskMs)),
  fpsMedian: median(results.map((r) => r.fps)),
  slowestRedrawMedianMs: median(results.map((r) => r.slowestRedrawMs)),
};
console.log(
  `\nLongest main-thread task while training: median ${summary.longestTaskMedianMs.toFixed(0)} ms, worst ${summary.longestTaskMaxMs.toFixed(0)} ms (0 = none reached 50 ms); ${summary.fpsMedian.toFixed(0)} fps`,
);
mkdirSync('bench/results', { recursive: true });
writeFileSync(
  `bench/results/playground${query ? '-query' : ''}.json`,
  `${JSON.stringify({ date: new Date().toISOString(), seconds, viewport: '1280x900', query, summary, runs: results }, null, 2)}\n`,
);
