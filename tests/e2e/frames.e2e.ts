/**
 * Live figures cut curves at their frame, like the build-time render (tests/unit/figure-frames
 * checks every figure's geometry in Node; this checks what the browser draws once the figure
 * has redrawn itself at the reader's width, in light and dark).
 */
import { describe, expect, inject, test } from 'vitest';
import { openPage, useBrowser, scrollToCentre } from '../support/browser.ts';

const browser = useBrowser();

/**
 * The longest run of consecutive line vertices lying on the frame's top or bottom edge, per
 * figure: a clamped curve lies along the edge for tens of vertices; a cut one touches it once.
 */
async function longestEdgeRun(
  path: string,
  figureId: string,
  colorScheme: 'light' | 'dark',
): Promise<{ run: number; arrows: number }> {
  const w = await openPage(browser, inject('origin'), { colorScheme });
  try {
    await w.page.goto(`${inject('origin')}${inject('base')}${path}`);
    const figure = w.page.locator(`#fig-${figureId}`);
    await scrollToCentre(figure);
    await figure.locator('[data-live="true"]').waitFor({ timeout: 15_000 });
    const result = await figure.evaluate((fig) => {
      const svg = fig.querySelector('svg');
      if (!svg) throw new Error('no svg');
      // The y axis's grid lines span the frame: their y values give its top and bottom.
      const ys = [...svg.querySelectorAll('line')]
        .flatMap((l) => [Number(l.getAttribute('y1')), Number(l.getAttribute('y2'))])
        .filter(Number.isFinite);
      const top = Math.min(...ys);
      const bottom = Math.max(...ys);
      let run = 0;
      for (const path of svg.querySelectorAll('g[stroke^="var(--curve"] path')) {
        let current = 0;
        // Only the vertical position matters: how long the path runs along the top or bottom.
        let y = 0;
        for (const m of (path.getAttribute('d') ?? '').matchAll(/([MLl])(-?[\d.]+),(-?[\d.]+)/g)) {
          const [, c, , b] = m;
          y = c === 'l' ? y + Number(b) : Number(b);
          if (c === 'M') current = 0;
          current = Math.abs(y - top) < 0.6 || Math.abs(y - bottom) < 0.6 ? current + 1 : 0;
          run = Math.max(run, current);
        }
      }
      const arrows = [...svg.querySelectorAll('g[fill^="var(--curve"] path')].filter((p) =>
        /rotate/.test(p.getAttribute('transform') ?? ''),
      ).length;
      return { run, arrows };
    });
    expect(w.errors).toEqual([]);
    return result;
  } finally {
    await w.close();
  }
}

describe('live figures cut curves at the frame', () => {
  for (const scheme of ['light', 'dark'] as const) {
    test(`Introduction, sigmoid, tanh and ReLU (${scheme}): ReLU leaves through the top with an arrowhead`, async () => {
      const { run, arrows } = await longestEdgeRun('lessons/introduction/', 'intro-three', scheme);
      expect(run).toBeLessThanOrEqual(2);
      expect(arrows).toBeGreaterThanOrEqual(1);
    });
  }

  test('Beyond the big three, ELU and SELU: SELU leaves through the top', async () => {
    const { run, arrows } = await longestEdgeRun('lessons/beyond/', 'selu-vs-elu', 'light');
    expect(run).toBeLessThanOrEqual(2);
    expect(arrows).toBeGreaterThanOrEqual(1);
  });
});
