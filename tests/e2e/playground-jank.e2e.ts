/**
 * The main thread while the playground trains at the largest settings its controls allow (8 hidden
 * layers of 16, all seven input features, batch 1, Adam, a custom activation, 50 added points)
 * with every view open (the network diagram's 128 maps and ~2,000 links, the 100×100 output map,
 * a selected neuron's histogram): no main-thread task may take 50 ms or more.
 *
 * How it is measured, robustly on a shared machine: a Chromium trace of 8 s of training gives
 * every task of the page's main thread with its wall time and its thread CPU time (`tdur`). The
 * CPU time is the main thread's own work (script, style, layout, paint, commit), which another
 * process cannot stretch; the wall time can be (a renderer waiting for a core), so the `longtask`
 * PerformanceObserver's view of it (as in bench/playground.ts) is asserted only when the machine
 * is otherwise idle (load average below the core count less the worker's one), and printed always.
 * The test fails on the first task over budget either way; it also checks that training and every
 * view really ran, so it cannot pass by measuring nothing.
 *
 * Also here, for the same quiet machine: a 50 MB network file is refused from its size alone,
 * without a long task. Among the page-reading files it once saw a 63 ms task where alone it sees
 * none.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, inject, test } from 'vitest';
import { openPage, useBrowser, watchLongTasks, scrollToCentre } from '../support/browser.ts';

const origin = inject('origin');
const base = inject('base');
const browser = useBrowser();
const BUDGET_MS = 50;

const points = Array.from(
  { length: 50 },
  (_, i) =>
    `${(((i * 37) % 120) / 10 - 6).toFixed(1)},${(((i * 53) % 120) / 10 - 6).toFixed(1)},${i % 2}`,
).join(';');
// Every input feature too: the first layer is as wide as it gets.
const largest = `?train.layers=8&train.width=16&train.feat=x1,x2,x1sq,x2sq,x1x2,sinx1,sinx2&train.batch=1&train.opt=adam&train.act=custom&train.expr=x*sigmoid(x)&train.pts=${points}`;

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

test('training at the largest settings keeps every main-thread task under 50 ms', async () => {
  const w = await openPage(browser, origin);
  await w.page.goto(`${origin}${base}playground/${largest}`, { waitUntil: 'networkidle' });
  const fig = w.page.locator('#fig-playground');
  await scrollToCentre(fig);
  await fig.locator('af-playground[data-live="true"]').waitFor({ timeout: 20_000 });
  expect(await fig.locator('[data-out="url-notice"]').isHidden()).toBe(true);
  // The largest network the +/− buttons allow: the + buttons are disabled at 8 layers of 16.
  await expect.poll(() => fig.locator('[data-neuron]').count(), { timeout: 20_000 }).toBe(128);
  expect(await fig.locator('[data-layers="1"]').isDisabled()).toBe(true);
  expect(await fig.locator('[data-units="7:1"]').isDisabled()).toBe(true);
  // One step starts the worker and loads the drawing code; then every view opens and settles,
  // the selected neuron's histogram included.
  await fig.locator('[data-action="step"]').click();
  await expect
    .poll(() => fig.locator('[data-out="epoch"]').innerText(), { timeout: 30_000 })
    .toBe('1');
  await fig
    .locator('details')
    .evaluateAll((ds) => ds.forEach((d) => ((d as HTMLDetailsElement).open = true)));
  await fig.locator('[data-neuron="8:15"]').click();
  await w.page.waitForTimeout(1500);
  const longestTask = await watchLongTasks(w.page);
  await w.page.evaluate(() => performance.clearMeasures());
  const load = loadavg()[0] ?? 0;
  await browser().startTracing(w.page, {
    categories: [
      'toplevel',
      'devtools.timeline',
      'disabled-by-default-devtools.timeline',
      'blink.user_timing',
    ],
  });
  await fig.locator('[data-action="play"]').click();
  await w.page.waitForTimeout(8000);
  const trace = JSON.parse((await browser().stopTracing()).toString('utf8')) as {
    traceEvents: TraceEvent[];
  };
  await fig.locator('[data-action="pause"]').click();
  const longest = await longestTask();
  const { views, epoch } = await w.page.evaluate(() => ({
    views: [...new Set(performance.getEntriesByType('measure').map((e) => e.name))].sort(),
    epoch: Number(document.querySelector('#fig-playground [data-out="epoch"]')?.textContent),
  }));

  const mainThreads = new Set(
    trace.traceEvents
      .filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const tasks = trace.traceEvents.filter(
    (e) => e.name === 'RunTask' && e.ph === 'X' && mainThreads.has(`${e.pid}:${e.tid}`),
  );
  const cpu = Math.max(...tasks.map((t) => (t.tdur ?? 0) / 1000));
  const wall = Math.max(...tasks.map((t) => (t.dur ?? 0) / 1000));
  // The worker's training holds one core, so only a load average under one leaves the other
  // core to the renderer; at 2.5 on 2 cores the observer saw 94 ms where the task's CPU was 31.
  const idle = load < cpus().length - 1;
  // What the longest task spent its CPU on (events of 2 ms or more inside it), for the failure message.
  const top = tasks.reduce((a, t) => ((t.tdur ?? 0) > (a.tdur ?? 0) ? t : a), tasks[0]!);
  const inside = trace.traceEvents
    .filter((e) => e.pid === top.pid && e.ts > top.ts && e.ts < top.ts + (top.dur ?? 0))
    .filter(
      (e) =>
        (e.ph === 'X' && e.tid === top.tid && (e.tdur ?? 0) >= 2000) ||
        (e.ph === 'b' && e.name.startsWith('af-playground-')),
    )
    .map((e) => (e.ph === 'b' ? e.name : `${e.name} ${((e.tdur ?? 0) / 1000).toFixed(0)}`))
    .join(', ');
  console.log(
    `playground at the largest settings, 8 s: longest main-thread task ${cpu.toFixed(1)} ms of CPU, ${wall.toFixed(1)} ms wall ` +
      `(longtask observer ${longest.toFixed(0)} ms; ${tasks.length} tasks; load average ${load.toFixed(1)} on ${cpus().length} cores${idle ? '' : ', wall time not asserted'}); epoch ${epoch}; longest task: ${inside}`,
  );
  // It really trained and drew every view.
  expect(epoch).toBeGreaterThan(1);
  expect(tasks.length).toBeGreaterThan(100);
  expect(views).toEqual(
    expect.arrayContaining([
      'af-playground-boundary',
      'af-playground-loss',
      'af-playground-histograms',
      'af-playground-gradients',
      'af-playground-network',
      'af-playground-unit',
      'af-playground-dead',
    ]),
  );
  expect(cpu, `longest task: ${inside}`).toBeLessThan(BUDGET_MS);
  // On an idle machine wall time is the reader's experience: the longtask observer must stay silent.
  if (idle) expect(longest, `longest task: ${inside}`).toBeLessThan(BUDGET_MS);
  expect(w.errors).toEqual([]);
  await w.close();
}, 90_000);

const scratch = mkdtempSync(join(tmpdir(), 'af-network-file-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

test('a 50 MB network file is refused by its size, with no main-thread task over 50 ms', async () => {
  const w = await openPage(browser, origin);
  await w.page.goto(`${origin}${base}playground/?train.seed=2`, { waitUntil: 'networkidle' });
  const fig = w.page.locator('#fig-playground');
  await scrollToCentre(fig);
  await fig.locator('af-playground[data-live="true"]').waitFor({ timeout: 20_000 });
  const epoch = fig.locator('[data-out="epoch"]');
  await fig.locator('[data-action="step"]').click();
  await expect.poll(() => epoch.innerText(), { timeout: 30_000 }).toBe('1');
  const path = join(scratch, 'huge.json');
  // Valid JSON of the right format, so only the size can refuse it.
  writeFileSync(
    path,
    `{"format":"activation-notebook/playground-network","version":1,"pad":"${'x'.repeat(50 * 1024 * 1024)}"}`,
  );
  // The step's redraw done (the main thread idle), only what the file sets off is timed.
  await w.page.evaluate(() => new Promise((idle) => requestIdleCallback(idle, { timeout: 5_000 })));
  const longestTask = await watchLongTasks(w.page);
  const start = await w.page.evaluate(() => performance.now());
  await fig.locator('[data-network="load"]').setInputFiles(path);
  const status = fig.locator('[data-network-status]');
  await expect.poll(() => status.innerText()).toContain('huge.json is 50.0 MB');
  const refusedMs = await w.page.evaluate((t0) => performance.now() - t0, start);
  const longest = await longestTask();
  console.log(
    `50 MB network file: refused within ${refusedMs.toFixed(0)} ms of choosing it (poll included); longest task ${longest.toFixed(0)} ms`,
  );
  expect(await status.innerText()).toContain('up to 1.0 MB');
  expect(await epoch.innerText()).toBe('1');
  expect(longest).toBeLessThanOrEqual(BUDGET_MS);
  expect(w.errors).toEqual([]);
  await w.close();
});
