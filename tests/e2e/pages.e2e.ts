/**
 * Checks every built page in a real browser: it loads cleanly (no console error, no failed or
 * foreign request, no CSP violation), passes axe, keeps to the JavaScript budget, reads without
 * JavaScript, and fits a 390 px phone in the dark theme, its charts restyled.
 */
import { describe, expect, inject, test } from 'vitest';
import { useBrowser, openPage, seriousAxeViolations, watchViolations } from '../support/browser.ts';
import { builtPages } from './site-pages.ts';
import { jsBudgetBytes, measurePageWeight } from './page-weight.ts';

const origin = inject('origin');
const base = inject('base');
const pages = builtPages();
const browser = useBrowser();

test('the site has a home page and lessons', () => {
  expect(pages).toContain('');
  expect(pages.some((p) => p.startsWith('lessons/'))).toBe(true);
});

describe.each(pages)('page /%s', (path) => {
  const url = `${origin}${base}${path}`;

  // One walk through the page serves the load checks, axe and the JavaScript budget (no page
  // downloads more than 150 KB of gzipped JavaScript before the reader interacts; see
  // page-weight.ts): the walk is most of a browser test's time.
  test('loads and scrolls with no console error, failed or third-party request or CSP violation; axe finds nothing serious; at most 150 KB of gzipped JavaScript before interaction', async () => {
    const w = await openPage(browser, origin);
    const violations = await watchViolations(w);
    const { jsBytes, jsFiles, scripts } = await measurePageWeight(w.page, url);
    expect(await violations()).toEqual([]);
    expect(w.errors).toEqual([]);
    expect(w.failedRequests).toEqual([]);
    expect(w.foreignRequests).toEqual([]);
    expect(await seriousAxeViolations(w.page)).toEqual([]);
    console.log(
      `JS before interaction, /${path}: ${(jsBytes / 1024).toFixed(1)} KB gzip in ${jsFiles} files`,
    );
    // Over budget, the failure names the largest scripts: where to look first.
    const largest = scripts
      .slice(0, 8)
      .map((s) => `${s.path} ${(s.bytes / 1024).toFixed(1)} KB`)
      .join(', ');
    expect(jsBytes, `largest: ${largest}`).toBeLessThanOrEqual(jsBudgetBytes);
    await w.close();
  });

  test('reads without JavaScript: text, typeset formulas and SVG plots are in the HTML', async () => {
    const w = await openPage(browser, origin, { javaScriptEnabled: false });
    await w.page.goto(url);
    const html = await w.page.content();
    expect(html).not.toContain('$$');
    const mainText = await w.page.locator('main').innerText();
    expect(mainText.length).toBeGreaterThan(200);
    if (path.startsWith('lessons/')) {
      expect(await w.page.locator('.katex').count()).toBeGreaterThan(0);
    }
    const figures = await w.page.locator('figure.af-figure').count();
    expect(await w.page.locator('figure.af-figure svg').count()).toBeGreaterThanOrEqual(figures);
    await w.close();
  });

  // One phone-sized load checks both: the width does not depend on the theme.
  test('on a 390 px phone in dark mode: no horizontal overflow, the page and its charts restyle, every disclosure a 24 px target', async () => {
    const w = await openPage(browser, origin, {
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      colorScheme: 'dark',
    });
    // Width and colours depend on the HTML and the stylesheets, both in by the load event.
    await w.page.goto(url);
    const overflow = await w.page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    const bg = await w.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg).toBe('rgb(20, 20, 23)');
    const stroke = await w.page.evaluate(() => {
      const line = document.querySelector('figure.af-figure svg [stroke="var(--curve-1)"]');
      return line ? getComputedStyle(line).stroke : null;
    });
    if (stroke !== null) expect(stroke).toBe('rgb(136, 168, 248)');
    // Every disclosure is a target of at least 24 px (WCAG 2.5.8): Lighthouse's audit counted a
    // figure's 22.4 px ones against Tanh when the figure was skipped and it could not see the gap.
    const smallSummaries = await w.page.evaluate(() =>
      [...document.querySelectorAll('summary')]
        .map((s) => ({ s, h: s.getBoundingClientRect().height }))
        .filter(({ h }) => h > 0 && h < 24)
        .map(
          ({ s, h }) =>
            `${s.closest('[id]')?.id ?? ''} "${s.textContent?.trim()}" ${h.toFixed(1)} px`,
        ),
    );
    expect(smallSummaries).toEqual([]);
    await w.close();
  });
});
