/**
 * Browser fixtures for the end-to-end tests: Debian's Chromium driven by playwright-core (nothing
 * downloads a browser), pages that record console errors and failed requests, and axe-core.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';

/** Chromium binary: Debian's by default, overridable for other machines. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || '/usr/bin/chromium';
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

/**
 * Launches Chromium before a test file's tests and closes it after them; call at the top level.
 * Returns a getter: the browser exists only once the hook has run.
 */
export function useBrowser(): BrowserRef {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
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

/** Opens a fresh context and page that records errors, failed and foreign requests. */
export async function openPage(
  browser: Browser | BrowserRef,
  origin: string,
  options: BrowserContextOptions = {},
): Promise<WatchedPage> {
  const b = typeof browser === 'function' ? browser() : browser;
  const context = await b.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
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
  return { page, errors, failedRequests, foreignRequests, close: () => context.close() };
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

/** Runs axe-core on the page and returns its serious and critical violations, summarised. */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  // evaluate() is not subject to the page's script-src, unlike an injected <script> tag.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
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
    const result = await w.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      targets: v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)),
    }));
  });
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

/** Records CSP violations in the page, installed before any of its own scripts run. */
export async function watchViolations(w: WatchedPage): Promise<() => Promise<string[]>> {
  await w.page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => {
      seen.push(
        `${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`,
      );
    });
  });
  return async () => {
    const inPage = await w.page.evaluate(
      () => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [],
    );
    const fromConsole = w.errors.filter((e) => /Content Security Policy|Refused to/i.test(e));
    return [...inPage, ...fromConsole];
  };
}
