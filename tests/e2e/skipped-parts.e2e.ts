/**
 * What a lesson skips while it loads (content-visibility, src/styles/global.css), in a real
 * browser at phone size: the parts of a figure without controls (drawings, formulas, a
 * playground's runs, result tables, digit grids) and the exercise questions are skipped when off
 * screen, so the first frames lay out only what is near the top; and no form control is ever
 * inside a skipped part of a figure, since at DOMContentLoaded Chromium's autofill forces every
 * skipped block holding an input, select or textarea to be styled and laid out in one task.
 */
import { describe, expect, inject, test } from 'vitest';
import { useBrowser, useWatchedPage } from '../support/browser.ts';
import { builtPages } from './site-pages.ts';

const origin = inject('origin');
const base = inject('base');
const lessons = builtPages().filter((p) => /^lessons\/[\w-]+\/$/.test(p));
const browser = useBrowser();

/** The figure parts and blocks the stylesheet skips off screen. */
const skippable =
  '.af-figure :is(.plot, .plot-residual, .formulas, .formula, .pitfall-tex, .pg-run, .results, .built, .digit-grid), .exercise-question';

describe.each(lessons)('lesson /%s on a phone', (path) => {
  const w = useWatchedPage(browser, origin, `${origin}${base}${path}`, {
    javaScriptEnabled: false,
    viewport: { width: 412, height: 823 },
  });

  test('off-screen figure parts and exercise questions are skipped, the ones on screen drawn', async () => {
    // The first frames decide what is near the viewport.
    await w.page.waitForTimeout(300);
    const { below, drawnBelow, undrawnOnScreen } = await w.page.evaluate((selector) => {
      const parts = [...document.querySelectorAll<HTMLElement>(selector)].filter(
        (p) => p.firstElementChild,
      );
      const name = (p: HTMLElement): string =>
        `${p.closest('[id]')?.id ?? ''} .${p.className} at ${Math.round(p.getBoundingClientRect().top)}`;
      // checkVisibility with contentVisibilityAuto is false inside a skipped subtree.
      const drawn = (p: HTMLElement): boolean =>
        [...p.querySelectorAll('*')].some((c) =>
          c.checkVisibility({ contentVisibilityAuto: true }),
        );
      const far = parts.filter((p) => p.getBoundingClientRect().top > 3 * innerHeight);
      const near = parts.filter((p) => {
        const r = p.getBoundingClientRect();
        return r.top < innerHeight && r.bottom > 0;
      });
      return {
        below: far.length,
        drawnBelow: far.filter(drawn).map(name),
        undrawnOnScreen: near.filter((p) => !drawn(p)).map(name),
      };
    }, skippable);
    expect(below).toBeGreaterThan(0);
    expect(drawnBelow).toEqual([]);
    expect(undrawnOnScreen).toEqual([]);
  });

  test('no form control is inside a skipped part of a figure', async () => {
    const inside = await w.page.evaluate(() =>
      [...document.querySelectorAll('.af-figure :is(input, select, textarea)')]
        .filter((control) => {
          const figure = control.closest('.af-figure');
          for (let el = control.parentElement; el && el !== figure; el = el.parentElement)
            if (getComputedStyle(el).contentVisibility !== 'visible') return true;
          return false;
        })
        .map((c) => `${c.closest('.af-figure')?.id}: ${c.outerHTML.slice(0, 80)}`),
    );
    expect(inside).toEqual([]);
  });

  // A closed <details> skips its content like content-visibility does, and autofill lays out the
  // whole aside for a control in it: 60-180 ms on Tanh at 4x CPU, for the pitfalls' picker and the
  // toolbars' copy fields, now made from templates when needed.
  test('no form control is in the HTML of a closed aside', async () => {
    const inside = await w.page.evaluate(() =>
      [...document.querySelectorAll('details:not([open]) :is(input, select, textarea)')].map(
        (c) => `${c.closest('[id]')?.id ?? ''}: ${c.outerHTML.slice(0, 80)}`,
      ),
    );
    expect(inside).toEqual([]);
  });
});
