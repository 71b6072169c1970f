/**
 * The formula fonts every lesson uses (KaTeX's Main and Math faces) are preloaded from its head,
 * so they are there for the first layout rather than arriving after it and making every formula
 * laid out by then be shaped again (src/layouts/LessonLayout.astro). The preload must be the very
 * file the stylesheet asks for, fetched once: a different URL, or a preload without `crossorigin`,
 * downloads the font twice and the face still arrives late.
 */
import { describe, expect, inject, test } from 'vitest';
import { useBrowser, useWatchedPage } from '../support/browser.ts';
import { builtPages } from './site-pages.ts';

const origin = inject('origin');
const base = inject('base');
const lessons = builtPages().filter((p) => /^lessons\/[\w-]+\/$/.test(p));
const browser = useBrowser();

describe.each(lessons)('lesson /%s', (path) => {
  const w = useWatchedPage(browser, origin, `${origin}${base}${path}`);

  test('preloads the Main and Math formula faces, each fetched once and used', async () => {
    await w.page.evaluate(() => document.fonts.ready);
    const { preloads, fetched, loaded } = await w.page.evaluate(() => ({
      preloads: [
        ...document.querySelectorAll<HTMLLinkElement>('link[rel="preload"][as="font"]'),
      ].map((l) => l.href),
      fetched: performance.getEntriesByType('resource').map((e) => e.name),
      loaded: [...document.fonts]
        .filter((f) => f.status === 'loaded')
        .map((f) => `${f.family} ${f.style}`),
    }));
    expect(preloads.map((h) => h.split('/').pop()?.split('.')[0])).toEqual([
      'KaTeX_Main-Regular',
      'KaTeX_Math-Italic',
    ]);
    for (const href of preloads) expect(fetched.filter((u) => u === href)).toHaveLength(1);
    expect(loaded).toEqual(expect.arrayContaining(['KaTeX_Main normal', 'KaTeX_Math italic']));
  });
});
