/**
 * "On real data" in a real browser: pressing Train trains the 64-64-10 network on the digits in a
 * worker and the test accuracy rises past 95%, with the time it took and the confusion matrix; a
 * link with settings replays the same run exactly; without JavaScript the page still shows the
 * digits, the build's confusion matrix and the data's licence. (Axe, console errors and the
 * 390 px layout are checked for this page with every other by pages.e2e.ts.)
 */
import { describe, expect, inject, test } from 'vitest';
import type { Locator } from 'playwright-core';
import {
  openPage,
  useBrowser,
  useWatchedPage,
  type WatchedPage,
  scrollToCentre,
} from '../support/browser.ts';

const origin = inject('origin');
const base = inject('base');
const lesson = (query = ''): string => `${origin}${base}lessons/real-data/${query}`;
const browser = useBrowser();

/** Opens the lesson at `query`, brings a figure into view and waits until it is live. */
async function liveFigure(w: WatchedPage, query: string, id: string): Promise<Locator> {
  await w.page.goto(lesson(query));
  const fig = w.page.locator(`#fig-${id}`);
  await scrollToCentre(fig);
  await fig.locator('af-digits-lab[data-live="true"]').waitFor({ timeout: 20_000 });
  return fig;
}

/** Presses Train on a freshly loaded figure (no `data-done` yet) and waits for the run to end. */
async function train(fig: Locator): Promise<Locator> {
  const el = fig.locator('af-digits-lab');
  await fig.locator('[data-action="train"]').click();
  await fig.locator('af-digits-lab[data-done="true"]').waitFor({ timeout: 120_000 });
  return el;
}

describe('/lessons/real-data/', () => {
  const w = useWatchedPage(browser, origin);

  test('Train: the test accuracy rises past 95%, and the page says how long it took', async () => {
    const fig = await liveFigure(w, '', 'digits-train');
    const el = fig.locator('af-digits-lab');
    // Record every accuracy the figure shows, epoch by epoch (a fast run can end between two polls).
    await el.evaluate((e) => {
      const seen: number[] = [];
      (window as unknown as { seen: number[] }).seen = seen;
      new MutationObserver(() => seen.push(Number(e.getAttribute('data-accuracy')))).observe(e, {
        attributeFilter: ['data-accuracy'],
      });
    });
    await fig.locator('[data-action="train"]').click();
    await fig.locator('af-digits-lab[data-done="true"]').waitFor({ timeout: 120_000 });
    const seen = await w.page.evaluate(() => (window as unknown as { seen: number[] }).seen);
    expect(seen.length).toBeGreaterThanOrEqual(2);
    const [first, last] = [seen[0]!, seen.at(-1)!];
    expect(last).toBeGreaterThan(first);
    expect(last).toBeGreaterThanOrEqual(0.95);
    expect(await fig.locator('[data-out="status"]').innerText()).toMatch(
      /^Done in [\d.]+ s in this browser: 20 epochs of training took [\d.]+ s, \d+ ms an epoch/,
    );
    console.log(
      `digits 64-64-10 ReLU in Chromium: ${await el.getAttribute('data-ms-per-epoch')} ms per epoch, test accuracy ${last}`,
    );
    // The confusion matrix counts the 360 test digits, and the misread ones are drawn.
    const counts = await fig.locator('table.confusion tbody td').allInnerTexts();
    expect(counts).toHaveLength(100);
    expect(counts.reduce((s, c) => s + Number(c), 0)).toBe(360);
    expect(await fig.locator('[data-out="mistakes"] svg.digit').count()).toBeGreaterThan(0);
    expect(await fig.locator('[data-chart="curve"] svg').count()).toBeGreaterThan(0);
  });

  test('a link with settings opens them and replays the same run', async () => {
    // In the order the figure writes its settings (its controls' order).
    const query = '?digits-dead.lr=0.3&digits-dead.epochs=2&digits-dead.seed=3';
    const results: string[] = [];
    for (let k = 0; k < 2; k++) {
      const fig = await liveFigure(w, query, 'digits-dead');
      expect(await fig.locator('[data-control="lr"]').inputValue()).toBe('0.3');
      const el = await train(fig);
      expect(
        await el.evaluate((e) => (e as HTMLElement & { shareQuery(): string }).shareQuery()),
      ).toBe(query.slice(1));
      results.push(await fig.locator('[data-out="results"]').innerText());
    }
    expect(results[0]).toMatch(/ReLU[\s\S]*Leaky ReLU/);
    expect(results[1]).toBe(results[0]);
  });
});

test('without JavaScript: the digits, the build’s confusion matrix of seed 1, and the licence', async () => {
  const w = await openPage(browser, origin, { javaScriptEnabled: false });
  await w.page.goto(lesson());
  expect(await w.page.locator('#fig-digits-samples svg.digit').count()).toBe(20);
  // textContent, not innerText: parts of a long page off screen are not rendered (content-visibility).
  const counts = await w.page
    .locator('#fig-digits-train table.confusion tbody td')
    .allTextContents();
  expect(counts.reduce((s, c) => s + Number(c), 0)).toBe(360);
  expect(
    await w.page.locator('#fig-digits-train [data-out="mistakes"] svg.digit').count(),
  ).toBeGreaterThan(0);
  for (const id of ['digits-train', 'digits-depth', 'digits-dead', 'digits-centring'])
    expect(await w.page.locator(`#fig-${id} [data-chart="curve"] svg`).count()).toBe(1);
  const text = ((await w.page.locator('article.lesson').textContent()) ?? '').replace(/\s+/g, ' ');
  expect(text).toContain('Creative Commons Attribution 4.0');
  expect(text).toContain('Alpaydin');
  expect(w.errors).toEqual([]);
  await w.close();
});
