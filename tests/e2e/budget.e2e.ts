/**
 * The JavaScript budget on shared links: no landing downloads more than 150 KB (gzip) of
 * JavaScript before the reader interacts (page-weight.ts says how it is measured). Plain page
 * loads are checked by pages.e2e.ts in the same walk as their other load checks; a shared link
 * is a landing of its own: one per widget with URL state (shared-links.ts), whose state the page
 * must compute rather than show as built.
 */
import { expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser, openPage, scrollToCentre } from '../support/browser.ts';
import { jsBudgetBytes, measurePageWeight } from './page-weight.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtPages, distDir } from './site-pages.ts';
import { sharedLinks, stateless } from './shared-links.ts';

const origin = inject('origin');
const base = inject('base');
const browser = useBrowser();

test.each(sharedLinks)(
  'shared link to $widget (/$path $query) loads at most 150 KB of gzipped JavaScript before interaction',
  async (link) => {
    const w = await openPage(browser, origin);
    // Counted once the figure has taken over and computed the linked state (figures off screen
    // may wait, so it is brought back into view after the scroll through the page).
    const live = async (page: Page): Promise<void> => {
      await scrollToCentre(page.locator(`#fig-${link.figure}`));
      await page
        .locator(`#fig-${link.figure} [data-live="true"]`)
        .waitFor({ state: 'attached', timeout: 30_000 });
    };
    // As the toolbar copies it: the query and the figure's anchor.
    const { jsBytes: total, scripts } = await measurePageWeight(
      w.page,
      `${origin}${base}${link.path}${link.query}#fig-${link.figure}`,
      live,
    );
    console.log(
      `JS before interaction, shared link /${link.path}${link.query}: ${(total / 1024).toFixed(1)} KB gzip`,
    );
    // The link must be one the figure takes, or the landing would be the plain page again: the
    // figure's own state, as it would share it, is the link's, and no notice says a value was
    // refused. (A link in another namespace is ignored without a notice: the Conclusion's cell
    // link named its figure, not its namespace, and measured the plain page.)
    const sorted = (q: string) => [...new URLSearchParams(q)].map(([k, v]) => `${k}=${v}`).sort();
    const state = await w.page
      .locator(`#fig-${link.figure} [data-figure-id]`)
      .first()
      .evaluate((el) => (el as HTMLElement & { shareQuery(): string }).shareQuery());
    expect(sorted(state)).toEqual(sorted(link.query));
    const notice = w.page.locator(
      `#fig-${link.figure} [data-url-notice], #fig-${link.figure} [data-out="url-notice"]`,
    );
    expect(
      await notice.evaluateAll((els) =>
        els.filter((e) => !(e as HTMLElement).hidden).map((e) => e.textContent),
      ),
    ).toEqual([]);
    const largest = scripts
      .slice(0, 8)
      .map((s) => `${s.path} ${(s.bytes / 1024).toFixed(1)} KB`)
      .join(', ');
    expect(total, `largest: ${largest}`).toBeLessThanOrEqual(jsBudgetBytes);
    expect(w.errors).toEqual([]);
    await w.close();
  },
);

test('every widget that keeps state in the URL has a shared link in the budget', () => {
  const tags = new Set<string>();
  for (const path of builtPages()) {
    for (const m of readFileSync(join(distDir, path, 'index.html'), 'utf8').matchAll(
      /<af-([a-z-]+)/g,
    ))
      tags.add(m[1] ?? '');
  }
  const covered = new Set(sharedLinks.map((l) => l.widget));
  expect([...tags].filter((t) => !covered.has(t) && !stateless.includes(t)).sort()).toEqual([]);
});
