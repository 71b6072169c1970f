/**
 * A PostCSS plugin for Vite that trims the @font-face rules a page's first style pass must read.
 *
 * Chromium makes a font resource for every URL of every face when it first activates a
 * stylesheet, inside the page's first style pass, whether or not the face is ever used. KaTeX's
 * stylesheet declares twenty faces with three files each (WOFF2, WOFF, TrueType, for browsers
 * before 2018). On the Sigmoid lesson that step (StyleEngine::updateActiveStyleSheets) took
 * 7.0-7.3 ms of main thread at full speed with all 61 formula-font URLs, and 3.5-4.9 ms with the
 * 21 WOFF2 files alone (three traces each; about four times that on a phone-speed CPU). So:
 * - every face keeps only its WOFF2 sources: every browser the site supports reads WOFF2, and one
 *   that does never fetched the fallbacks;
 * - KaTeX's faces that no formula of the site is typeset in are dropped (`katexFacesUsed`).
 */

/**
 * The KaTeX faces (family, weight, style) that the site's formulas are typeset in, the only ones
 * kept. tests/e2e/lesson-fonts.e2e.ts fails if a glyph of any lesson, or of a formula the
 * notebook typesets in the browser (tests/e2e/expression.e2e.ts), asks for a face that is not
 * here. Main italic is for a parameter with a longer name (`\mathit{slope}`,
 * src/lib/expr/print.ts), AMS for symbols such as `\mathbb`, Main bold for `\mathbf`, and the
 * Size faces for large delimiters and operators.
 */
export const katexFacesUsed: ReadonlySet<string> = new Set([
  'KaTeX_AMS 400 normal',
  'KaTeX_Main 400 normal',
  'KaTeX_Main 400 italic',
  'KaTeX_Main 700 normal',
  'KaTeX_Math 400 italic',
  'KaTeX_Size1 400 normal',
  'KaTeX_Size2 400 normal',
  'KaTeX_Size3 400 normal',
  'KaTeX_Size4 400 normal',
]);

/** A face as "family weight style" (`KaTeX_Main 700 normal`), weights as numbers. */
export function faceKey(family: string, weight = '400', style = 'normal'): string {
  const w = weight.trim().toLowerCase();
  const name = family.trim().replace(/^["']|["']$/g, '');
  return `${name} ${w === 'normal' ? '400' : w === 'bold' ? '700' : w} ${style.trim().toLowerCase()}`;
}

/** Whether a face may stay: any face of another family, and KaTeX's only if a formula uses it. */
export function keepFace(key: string): boolean {
  return !key.startsWith('KaTeX_') || katexFacesUsed.has(key);
}

/** The parts of PostCSS's API this plugin uses (Vite runs it; the types stay local). */
interface Declaration {
  type: 'decl';
  prop: string;
  value: string;
}
interface FontFaceRule {
  nodes?: readonly { type: string }[] | undefined;
  remove(): void;
}

/** Splits a `src` list at its top-level commas (a `url()` or `format()` may hold one too). */
export function splitSources(value: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(value.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(value.slice(start).trim());
  return parts.filter(Boolean);
}

/** A face's `src` list with only its WOFF2 entries, or the list unchanged if it has none. */
export function woff2Sources(value: string): string {
  const sources = splitSources(value);
  const woff2 = sources.filter((s) =>
    /format\(\s*["']?woff2["']?\s*\)|\.woff2(?:[?#][^)"']*)?["']?\s*\)/i.test(s),
  );
  return woff2.length > 0 ? woff2.join(',') : value;
}

/** The plugin, for Vite's `css.postcss.plugins`. */
export function fontFaces() {
  return {
    postcssPlugin: 'font-faces',
    AtRule: {
      'font-face': (rule: FontFaceRule) => {
        const decls = (rule.nodes ?? []).filter((n): n is Declaration => n.type === 'decl');
        const value = (prop: string) => decls.find((d) => d.prop === prop)?.value;
        const family = value('font-family');
        if (family && !keepFace(faceKey(family, value('font-weight'), value('font-style')))) {
          rule.remove();
          return;
        }
        for (const d of decls) if (d.prop === 'src') d.value = woff2Sources(d.value);
      },
    },
  };
}
