/**
 * Loading on a phone: every page of the built site, with Chromium's CPU slowed 4x (a mid-range
 * phone) at 412 x 823, must run no main-thread task of 50 ms or more in its first 5 s: parsing,
 * style and layout of the page, and its figures waking (modules, controls, first redraw).
 *
 * How it is measured, robustly on a shared machine: a Chromium trace gives every task of the
 * renderer's main thread with its thread CPU time (`tdur`); under the 4x throttle that is about
 * four times the task's own work, which another process cannot stretch the way it stretches wall
 * time (see tests/e2e/playground-jank.e2e.ts). Two costs that belong to Chromium on Linux rather
 * than to the page are kept out, so the budget measures the site:
 * - Font lookups. A Linux renderer asks the browser process for every system font family, size
 *   and fallback character by synchronous IPC, and the throttle counts the wait as CPU: a page's
 *   first layout took 55-200 ms of "CPU" that way, in a process a phone (whose fonts are read
 *   in-process) never makes, and more the busier the machine. So each page is first loaded with
 *   scripts off at full speed, which fills the renderer's font cache and runs none of the page's
 *   code, and then measured with the HTTP cache disabled, so every file is fetched, parsed and
 *   compiled again as on a first visit.
 * - The navigation: swapping in a new frame and creating its JavaScript context cost 60-140 ms
 *   at 4x on any page, however small. In the tasks up to the start of parsing, and in the one
 *   that commits the new document, only the page's own work (the HTML it parses, the script it
 *   runs, style and layout) counts against the budget.
 * - DevTools' copy of the page. When the HTML finishes arriving, every DevTools session with the
 *   Network domain enabled decodes the whole body again (to answer getResponseBody), inside the
 *   task that finishes loading it; Playwright's own session always has it enabled. With a raw CDP
 *   client on Tanh at 4x that task took 0.6 ms with no such session, 60 ms with one and 93-102 ms
 *   with two, two TextResourceDecoder::Decode of 27-34 ms each. So in the task that finishes the
 *   body (DocumentLoader::BodyLoadingFinished), too, only the page's own work counts.
 * One browser, one context and one renderer serve every page, so the whole run takes minutes.
 *
 * Where the pages stand (longest task, CPU ms at 4x, six runs of every page on the 2-core machine
 * of 2026-12-05): Sigmoid 29-41, the playground 32-40, Introduction 27-39, ReLU 25-38, Conclusion
 * 26-37, Beyond 25-28, Tanh 24-28, On real data 16-27, the notebook 18-37, the other pages 10-28.
 * The longest is a lesson's first frame: the style and layout of what is within about 2.5
 * screens of the top, plus what is never skipped. How much that is, and what was cut from it, is
 * in src/styles/global.css; tests/e2e/skipped-parts.e2e.ts keeps it so. Before, on the same
 * machine, lessons measured up to 55 (the Conclusion 53 and 55 back to back, its 3,000 px claims
 * table and reference list laid out in every first frame).
 */
import { expect, inject, test } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { useBrowser } from '../support/browser.ts';
import { builtPages } from './site-pages.ts';

const origin = inject('origin');
const base = inject('base');
const browser = useBrowser();
const BUDGET_MS = 50;
const WINDOW_MS = 5000;
const RATE = 4;

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string; data?: { url?: string; functionName?: string } };
}

/** Trace events that are the page's own work: parsing, script, style, layout and paint. */
const pageWork = new Set([
  'ParseHTML',
  'ParseAuthorStyleSheet',
  'EvaluateScript',
  'v8.evaluateModule',
  'FunctionCall',
  'RunMicrotasks',
  'TimerFire',
  'FireAnimationFrame',
  'EventDispatch',
  'UpdateLayoutTree',
  'Layout',
  'PrePaint',
  'Paint',
  'Layerize',
]);

interface Task {
  /** CPU ms counted against the budget. */
  cpu: number;
  /** Wall ms, for the report only. */
  wall: number;
  /** ms after the first task of the load. */
  at: number;
  /** What the task spent its CPU on (events of 2 ms or more inside it). */
  inside: string;
}

/** The main-thread tasks of a trace, the navigation's reduced to the page's own work. */
function mainThreadTasks(events: TraceEvent[]): Task[] {
  const mains = new Set(
    events
      .filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const onMain = events
    .filter((e) => e.ph === 'X' && mains.has(`${e.pid}:${e.tid}`))
    .sort((a, b) => a.ts - b.ts);
  const runTasks = onMain.filter((e) => e.name === 'RunTask');
  const start = runTasks[0]?.ts ?? 0;
  // Tasks up to the one that starts parsing the page are the navigation (the commit, and
  // messages the browser sends with it): the page has nothing running yet.
  const parses = onMain.filter((e) => e.name === 'ParseHTML').map((e) => e.ts);
  const firstParse = parses.length > 0 ? Math.min(...parses) : -Infinity;
  return runTasks.map((t) => {
    const end = t.ts + (t.dur ?? 0);
    // onMain is sorted by start: find this task's first event by bisection, read on to its end.
    let lo = 0;
    for (let hi = onMain.length; lo < hi;) {
      const mid = (lo + hi) >> 1;
      if (onMain[mid]!.ts < t.ts) lo = mid + 1;
      else hi = mid;
    }
    const within: TraceEvent[] = [];
    for (let i = lo; i < onMain.length && onMain[i]!.ts <= end; i++) {
      const e = onMain[i]!;
      if (e !== t && e.tid === t.tid && e.pid === t.pid && e.ts + (e.dur ?? 0) <= end)
        within.push(e);
    }
    let cpu = (t.tdur ?? 0) / 1000;
    const harness = within.some(
      (e) => e.name === 'CommitLoad' || e.name === 'DocumentLoader::BodyLoadingFinished',
    );
    if (t.ts <= firstParse || harness) {
      // Outermost page-work events only, so nested ones are not counted twice.
      let until = -Infinity;
      cpu = 0;
      for (const e of within) {
        if (!pageWork.has(e.name) || e.ts < until) continue;
        cpu += (e.tdur ?? 0) / 1000;
        until = e.ts + (e.dur ?? 0);
      }
    }
    const inside = within
      .filter((e) => (e.tdur ?? 0) >= 2000 && e.name !== 'ThreadControllerImpl::RunTask')
      .slice(0, 12)
      .map(
        (e) =>
          `${e.name}${e.args?.data?.functionName ? `(${e.args.data.functionName})` : ''}${e.args?.data?.url ? `(${e.args.data.url.split('/').pop()})` : ''} ${((e.tdur ?? 0) / 1000).toFixed(0)}`,
      )
      .join(', ');
    return { cpu, wall: (t.dur ?? 0) / 1000, at: (t.ts - start) / 1000, inside };
  });
}

let session: { page: Page; cdp: CDPSession; errors: string[] } | undefined;

/** The shared phone-sized page and its DevTools session, opened on first use. */
async function phone(): Promise<{ page: Page; cdp: CDPSession; errors: string[] }> {
  if (session) return session;
  const context = await browser().newContext({
    viewport: { width: 412, height: 823 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(String(err)));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  session = { page, cdp, errors };
  return session;
}

/**
 * Every lesson and top-level page, but one embed page and one source page: the embeds (one per
 * figure) and the source pages (one per file) share their layouts, and at about 8 s a page the
 * whole site would take over 12 minutes of the suite. `LOAD_JANK_ALL=1` measures every page.
 */
const all = builtPages();
const pages =
  process.env.LOAD_JANK_ALL === '1'
    ? all
    : all
        .filter((p) => !/^(embed|source)\//.test(p))
        .concat(
          ['embed/', 'source/'].flatMap((prefix) => all.find((p) => p.startsWith(prefix)) ?? []),
        );

test.each(pages)(
  'loading /%s with the CPU slowed 4x: no main-thread task of 50 ms',
  // One more try before failing. On this shared virtual machine about one playground load in
  // seven measured a task of 167 ms of CPU with no page work traced inside it (no event of 2 ms
  // or more; the page's other tasks at most 56 ms), and a notebook load once measured 83 ms
  // (970 tasks) where the next measured 19 (531); neither came back on the next load. A page
  // that really blocks does it on both tries.
  { timeout: 60_000, retry: 1 },
  async (path) => {
    const { page, cdp, errors } = await phone();
    const url = `${origin}${base}${path}`;
    // Warm-up with scripts off (see the header): fills the renderer's font cache only.
    await cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
    await page.goto(url, { waitUntil: 'load' });
    await cdp.send('Emulation.setScriptExecutionDisabled', { value: false });
    // A tiny same-site document, so the measured commit does not also tear down a long page.
    await page.goto(`${origin}${base}robots.txt`);
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: RATE });
    errors.length = 0;
    await browser().startTracing(page, {
      categories: [
        'toplevel',
        'devtools.timeline',
        'disabled-by-default-devtools.timeline',
        // BodyLoadingFinished, the task where DevTools decodes its copy of the page (see above)
        'loading',
      ],
    });
    let trace: { traceEvents: TraceEvent[] };
    try {
      await page.goto(url, { waitUntil: 'commit' });
      await page.waitForTimeout(WINDOW_MS);
    } finally {
      trace = JSON.parse((await browser().stopTracing()).toString('utf8')) as {
        traceEvents: TraceEvent[];
      };
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
    }
    const tasks = mainThreadTasks(trace.traceEvents).filter((t) => t.at <= WINDOW_MS);
    const longest = tasks.reduce((a, t) => (t.cpu > a.cpu ? t : a), {
      cpu: 0,
      wall: 0,
      at: 0,
      inside: '',
    });
    const over = tasks.filter((t) => t.cpu >= BUDGET_MS);
    console.log(
      `/${path}: longest load task ${longest.cpu.toFixed(1)} ms of CPU at ${RATE}x (${longest.wall.toFixed(0)} ms wall, at ${longest.at.toFixed(0)} ms; ${tasks.length} tasks, ${over.length} over ${BUDGET_MS} ms)`,
    );
    // It really loaded the page and measured its main thread.
    expect(tasks.length).toBeGreaterThan(10);
    expect(errors).toEqual([]);
    const report = over
      .map((t) => `${t.cpu.toFixed(0)} ms at ${t.at.toFixed(0)} ms: ${t.inside}`)
      .join('\n');
    // Printed for every page, so a try that fails and is retried still leaves its tasks in the log.
    if (longest.cpu >= BUDGET_MS)
      console.log(`/${path}: over the ${BUDGET_MS} ms budget\n${report}`);
    expect(longest.cpu, `tasks of ${BUDGET_MS} ms or more:\n${report}`).toBeLessThan(BUDGET_MS);
  },
);
