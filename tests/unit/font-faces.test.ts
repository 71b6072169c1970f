import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  faceKey,
  katexFacesUsed,
  keepFace,
  splitSources,
  woff2Sources,
} from '../../src/integrations/font-faces.ts';

const katexCss = readFileSync(
  createRequire(import.meta.url).resolve('katex/dist/katex.min.css'),
  'utf8',
);
const katexSrcs = [...katexCss.matchAll(/@font-face\{[^}]*?src:([^;}]+)/g)].map((m) => m[1]!);

describe('woff2Sources', () => {
  test("keeps only the WOFF2 file of each of KaTeX's twenty faces", () => {
    expect(katexSrcs).toHaveLength(20);
    for (const src of katexSrcs) {
      const kept = woff2Sources(src);
      expect(splitSources(kept)).toHaveLength(1);
      expect(kept).toMatch(/^url\(fonts\/KaTeX_[\w-]+\.woff2\) format\("woff2"\)$/);
      expect(src.startsWith(kept)).toBe(true);
    }
  });

  test('recognises WOFF2 by its format hint or its file name, quoted or not', () => {
    expect(woff2Sources(`url("a.woff") format("woff"), url('b.woff2?v=1#x') , url(c.ttf)`)).toBe(
      `url('b.woff2?v=1#x')`,
    );
    expect(woff2Sources(`local(Foo), url(x) format( 'woff2' ), url(y.woff)`)).toBe(
      `url(x) format( 'woff2' )`,
    );
  });

  test('leaves a face without a WOFF2 file as it was, so no face loses its only source', () => {
    for (const src of [`url(a.woff) format("woff")`, `local("Arial")`, `url(a.ttf), url(b.otf)`])
      expect(woff2Sources(src)).toBe(src);
  });

  test('a comma inside a quoted URL or a function does not split a source', () => {
    expect(splitSources(`url("a,b.woff2") format("woff2"), url(c.woff)`)).toEqual([
      `url("a,b.woff2") format("woff2")`,
      'url(c.woff)',
    ]);
    expect(splitSources(`url(data:font/woff2;base64,AA\\,BB), url(d.ttf)`)).toHaveLength(2);
  });

  test('the result is a non-empty subset of the sources, in their order, and applying it again changes nothing', () => {
    const source = fc.oneof(
      fc
        .tuple(fc.stringMatching(/^[\w/.-]{1,12}$/), fc.constantFrom('woff2', 'woff', 'ttf', 'otf'))
        .map(([name, ext]) => `url(${name}.${ext})`),
      fc
        .tuple(fc.stringMatching(/^[\w/.-]{1,12}$/), fc.constantFrom('woff2', 'woff', 'truetype'))
        .map(([name, format]) => `url("${name}") format("${format}")`),
      fc.stringMatching(/^[A-Za-z ]{1,10}$/).map((name) => `local("${name}")`),
    );
    fc.assert(
      fc.property(fc.array(source, { minLength: 1, maxLength: 6 }), (sources) => {
        const kept = splitSources(woff2Sources(sources.join(', ')));
        expect(kept.length).toBeGreaterThan(0);
        let from = 0;
        for (const s of kept) {
          const at = sources.indexOf(s, from);
          expect(at).toBeGreaterThanOrEqual(from);
          from = at + 1;
        }
        expect(woff2Sources(kept.join(','))).toBe(kept.join(','));
      }),
    );
  });
});

describe('which faces stay', () => {
  test('faceKey names a face by family, numeric weight and style, quotes and keywords normalised', () => {
    expect(faceKey('KaTeX_Main', '700', 'normal')).toBe('KaTeX_Main 700 normal');
    expect(faceKey('"KaTeX_Main"', 'bold', 'Italic')).toBe('KaTeX_Main 700 italic');
    expect(faceKey(' KaTeX_AMS ')).toBe('KaTeX_AMS 400 normal');
    expect(faceKey('KaTeX_Math', 'normal', 'italic')).toBe('KaTeX_Math 400 italic');
  });

  test("of KaTeX's twenty faces, exactly the ones the formulas use", () => {
    const faces = [...katexCss.matchAll(/@font-face\{([^}]*)\}/g)].map((m) => {
      const get = (prop: string) => new RegExp(`${prop}:([^;]+)`).exec(m[1]!)?.[1];
      return faceKey(get('font-family')!, get('font-weight'), get('font-style'));
    });
    expect(faces).toHaveLength(20);
    const kept = faces.filter(keepFace);
    expect(new Set(kept)).toEqual(katexFacesUsed);
    expect(kept).toHaveLength(katexFacesUsed.size);
  });

  test('faces of other families always stay', () => {
    expect(keepFace('Inter 400 normal')).toBe(true);
    expect(keepFace('KaTeX_Fraktur 400 normal')).toBe(false);
  });
});
