/**
 * The formula fonts every lesson uses (KaTeX's Main and Math faces) are preloaded from its head,
 * so they are there for the first layout rather than arriving after it and making every formula
 * laid out by then be shaped again (src/layouts/LessonLayout.astro). The preload must be the very
 * file the stylesheet asks for, fetched once: a different URL, or a preload without `crossorigin`,
 * downloads the font twice and the face still arrives late.
 *
 * Every face offers its WOFF2 file only, and KaTeX's faces that no formula uses are dropped
 * (src/integrations/font-faces.ts): Chromium makes a font resource for each URL of each face in
 * the page's first style pass. So every glyph of every lesson must ask for a declared face.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { useBrowser, useWatchedPage } from '../support/browser.ts';
import { faceKey, katexFacesUsed } from '../../src/integrations/font-faces.ts';
import { formulaGlyphCount, undeclaredFormulaFaces } from './formula-faces.ts';
import { builtPages, distDir } from './site-pages.ts';

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

  test('every typeset glyph asks for a face the stylesheet declares', async () => {
    expect(await formulaGlyphCount(w.page)).toBeGreaterThan(10);
    expect(await undeclaredFormulaFaces(w.page)).toEqual([]);
  });
});

describe('the built stylesheets', () => {
  const dir = join(distDir, '_astro');
  const faces = readdirSync(dir)
    .filter((f) => f.endsWith('.css'))
    .flatMap((f) =>
      [
        ...readFileSync(join(dir, f), 'utf8').matchAll(
          /@font-face\s*\{([^}]*?)src:((?:[^;}]|;base64)+)([^}]*)\}/g,
        ),
      ].map((m) => {
        const decls = `${m[1]!};${m[3]!}`;
        const get = (prop: string) => new RegExp(`${prop}:\\s*([^;]+)`).exec(decls)?.[1];
        return {
          sheet: f,
          src: m[2]!,
          face: faceKey(get('font-family') ?? '', get('font-weight'), get('font-style')),
        };
      }),
    );

  test('declare the KaTeX faces the formulas use, each with one WOFF2 source that is in the build', () => {
    const katex = faces.filter((f) => f.sheet.startsWith('katex.')).map((f) => f.face);
    expect(katex).toHaveLength(katexFacesUsed.size);
    expect(new Set(katex)).toEqual(katexFacesUsed);
    for (const { sheet, src } of faces) {
      const urls = [...src.matchAll(/url\(\s*["']?([^"')]+)/g)].map((m) => m[1]!);
      expect(urls, `${sheet}: ${src}`).toHaveLength(1);
      const url = urls[0]!;
      if (url.startsWith('data:')) expect(url).toMatch(/^data:font\/woff2;/);
      else {
        expect(url).toMatch(/\.woff2$/);
        expect(existsSync(join(dir, url.split('/').pop()!)), url).toBe(true);
      }
    }
  });
});
