/**
 * Browser fixtures for the end-to-end tests: Debian's Chromium driven by playwright-core (nothing
 * downloads a browser), pages that record console errors and failed requests, and axe-core.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import {
  chromium,
  type Browser,
  type BrowserContextOptions,
  type Locator,
  type Page,
} from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';

/** Chromium binary: Debian's by default, overridable for other machines. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}

/**
 * Scrolls an element to the middle of the viewport with the standard `scrollIntoView`, as a link
 * to it does. Playwright's `scrollIntoViewIfNeeded` uses Chromium's non-standard method, which
 * places a skipped block (content-visibility: auto, as an unwoken figure is) by its placeholder
 * size and is not held by scroll anchoring when the blocks above then take their real sizes: a
 * Conclusion figure it scrolled to ended 2,700 px below the viewport and never woke. A reader's
 * wheel, a link and the standard method all land on it.
 */
export async function scrollToCentre(target: Locator): Promise<void> {
  await target.evaluate((el) => el.scrollIntoView({ block: 'center' }));
}

/** Launches headless Chromium with flags that keep it off the (closed) network. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** The browser of a test file, once its `beforeAll` has run (see {@link useBrowser}). */
export type BrowserRef = () => Browser;

/** The browser a worker's test files share (see {@link useBrowser}). */
let shared: Promise<Browser> | undefined;

/**
 * The test file's browser; call at the top level. Returns a getter: the browser exists only once
 * the file's `beforeAll` has run. Where a Vitest project keeps a worker's modules from file to
 * file (`isolate: false`) and sets `E2E_SHARED_BROWSER=1`, as the browser files that only read
 * pages do, one Chromium serves every file the worker runs, and its page pool with it: launching
 * one and its first page cost about 1.5 s of CPU per file. Otherwise each file launches and closes
 * its own.
 */
export function useBrowser(): BrowserRef {
  let browser: Browser | undefined;
  const keep = process.env.E2E_SHARED_BROWSER === '1';
  beforeAll(async () => {
    if (!keep) browser = await launchBrowser();
    else {
      shared ??= launchBrowser();
      browser = await shared;
      if (!browser.isConnected()) browser = await (shared = launchBrowser());
    }
  });
  afterAll(async () => {
    if (!keep) await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('useBrowser: the browser is launched in beforeAll');
    return browser;
  };
}

/** A page plus what went wrong while it was open. */
export interface WatchedPage {
  page: Page;
  /** Console errors and uncaught exceptions. */
  errors: string[];
  /** Requests that failed or answered with a 4xx/5xx status. */
  failedRequests: string[];
  /** Requests to any origin other than the site's. */
  foreignRequests: string[];
  close(): Promise<void>;
}

/**
 * Pages handed back by `close()`, per browser and per set of context options, to be opened again.
 * A new page costs Chromium a renderer process, about 0.5 s of CPU on this machine and 1.1 s with
 * its context; navigating a page it already has costs about 0.15 s. So a closed page is wiped
 * (its listeners, the origin's storage, its cookies, other pages of its context) and parked on
 * about:blank, and the next `openPage` with the same options takes it.
 */
const pools = new WeakMap<Browser, Map<string, Page[]>>();

/** The Playwright page behind a watched page's proxy (for helpers that may set it up once). */
const unwrapped = Symbol('unwrapped page');

/**
 * Page methods after which a page is not handed on: what they change outlives a navigation
 * (init scripts, routes, exposed bindings, headers, emulation) or reaches the whole context.
 */
const lasting = new Set([
  'addInitScript',
  'route',
  'routeFromHAR',
  'routeWebSocket',
  'exposeFunction',
  'exposeBinding',
  'setExtraHTTPHeaders',
  'emulateMedia',
  'setViewportSize',
  'context',
  'clock',
]);

/** A page in a context of its own, with the HTTP cache off so that every load is a first visit. */
async function newPage(browser: Browser, options: BrowserContextOptions): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  const session = await context.newCDPSession(page);
  await session.send('Network.setCacheDisabled', { cacheDisabled: true });
  return page;
}

/**
 * Opens a page that records errors, failed and foreign requests, in a context of its own options
 * (the same isolation as a fresh context: no storage, cookies or other pages carry over).
 */
export async function openPage(
  browser: Browser | BrowserRef,
  origin: string,
  options: BrowserContextOptions = {},
): Promise<WatchedPage> {
  const b = typeof browser === 'function' ? browser() : browser;
  const key = JSON.stringify(options);
  let pool = pools.get(b);
  if (!pool) pools.set(b, (pool = new Map()));
  const parked = pool.get(key) ?? [];
  pool.set(key, parked);
  const page = parked.pop() ?? (await newPage(b, options));
  let handOn = true;
  const watched = new Proxy(page, {
    get(target, prop, receiver) {
      if (prop === unwrapped) return target;
      if (typeof prop === 'string' && lasting.has(prop)) handOn = false;
      const value: unknown = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  const errors: string[] = [];
  const failedRequests: string[] = [];
  const foreignRequests: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(String(err)));
  page.on('requestfailed', (req) =>
    failedRequests.push(`${req.url()} ${req.failure()?.errorText ?? ''}`),
  );
  page.on('response', (res) => {
    if (res.status() >= 400) failedRequests.push(`${res.url()} ${res.status()}`);
  });
  page.on('request', (req) => {
    const url = req.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'))
      foreignRequests.push(url);
  });
  const close = async (): Promise<void> => {
    const context = page.context();
    if (handOn && !page.isClosed()) {
      try {
        page.removeAllListeners();
        for (const other of context.pages()) if (other !== page) await other.close();
        if (page.url().startsWith(origin)) {
          await page.evaluate(() => {
            localStorage.clear();
            sessionStorage.clear();
          });
        }
        await context.clearCookies();
        await page.goto('about:blank');
        parked.push(page);
        return;
      } catch {
        // A page that cannot be wiped is not handed on.
      }
    }
    await context.close();
  };
  return { page: watched, errors, failedRequests, foreignRequests, close };
}

/**
 * One watched page shared by the tests of a `describe` (call inside it): opened before them
 * (and navigated to `url`, if given), and after them required to have logged no error, then
 * closed. Where a suite only reads a page, one load serves all its tests.
 */
export function useWatchedPage(
  browser: BrowserRef,
  origin: string,
  url?: string,
  options: BrowserContextOptions = {},
): WatchedPage {
  let w: WatchedPage | undefined;
  beforeAll(async () => {
    w = await openPage(browser, origin, options);
    if (url) await w.page.goto(url);
  });
  afterAll(async () => {
    expect(w?.errors).toEqual([]);
    await w?.close();
  });
  const current = (): WatchedPage => {
    if (!w) throw new Error('useWatchedPage: the page opens in beforeAll');
    return w;
  };
  return {
    get page() {
      return current().page;
    },
    get errors() {
      return current().errors;
    },
    get failedRequests() {
      return current().failedRequests;
    },
    get foreignRequests() {
      return current().foreignRequests;
    },
    close: () => current().close(),
  };
}

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/**
 * Runs axe-core on the page (every rule, or only `rules`) and returns its serious and critical
 * violations, summarised.
 */
export async function seriousAxeViolations(page: Page, rules?: string[]): Promise<string[]> {
  // evaluate() is not subject to the page's script-src, unlike an injected <script> tag.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async (only) => {
    const w = window as unknown as {
      axe: {
        run: (
          ctx: Document,
          opts: object,
        ) => Promise<{
          violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[];
        }>;
      };
    };
    const result = await w.axe.run(document, {
      resultTypes: ['violations'],
      ...(only ? { runOnly: { type: 'rule', values: only } } : {}),
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      targets: v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)),
    }));
  }, rules);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.targets.join(', ')}`);
}

/**
 * Starts recording the page's long main-thread tasks (Chromium reports those of 50 ms and more);
 * the returned function reads the longest so far in ms (0: none).
 */
export async function watchLongTasks(page: Page): Promise<() => Promise<number>> {
  await page.evaluate(() => {
    const g = globalThis as unknown as { longestTask: number };
    g.longestTask = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) g.longestTask = Math.max(g.longestTask, e.duration);
    }).observe({ type: 'longtask' });
  });
  return () => page.evaluate(() => (globalThis as unknown as { longestTask: number }).longestTask);
}

/** Pages that already record CSP violations: the init script outlives navigations. */
const recordingViolations = new WeakSet<Page>();

/** Records CSP violations in the page, installed before any of its own scripts run. */
export async function watchViolations(w: WatchedPage): Promise<() => Promise<string[]>> {
  const page = (w.page as Page & { [unwrapped]?: Page })[unwrapped] ?? w.page;
  if (!recordingViolations.has(page)) {
    recordingViolations.add(page);
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (e) => {
        seen.push(
          `${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`,
        );
      });
    });
  }
  return async () => {
    const inPage = await w.page.evaluate(
      () => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [],
    );
    const fromConsole = w.errors.filter((e) => /Content Security Policy|Refused to/i.test(e));
    return [...inPage, ...fromConsole];
  };
}
