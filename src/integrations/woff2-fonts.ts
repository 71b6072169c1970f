/**
 * A PostCSS plugin for Vite: every @font-face keeps only its WOFF2 sources.
 *
 * KaTeX's stylesheet gives each of its twenty faces three files (WOFF2, WOFF, TrueType), for
 * browsers before 2018. Chromium makes a font resource for every URL of every face when it first
 * activates the stylesheet, inside the page's first style pass, whether or not the face is used:
 * on the Sigmoid lesson that step (StyleEngine::updateActiveStyleSheets) took 7.0-7.3 ms of main
 * thread at full speed with 61 formula-font requests, and 3.5-4.9 ms with 21 (three traces each;
 * about four times that on a phone-speed CPU). Every browser the site supports reads WOFF2, and
 * one that does never fetches the fallbacks.
 */

/** The parts of PostCSS's API this plugin uses (Vite runs it; the types stay local). */
interface FontFaceRule {
  walkDecls(prop: string, visit: (decl: { value: string }) => void): void;
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
export function woff2Fonts() {
  return {
    postcssPlugin: 'woff2-fonts',
    AtRule: {
      'font-face': (rule: FontFaceRule) => {
        rule.walkDecls('src', (decl) => {
          decl.value = woff2Sources(decl.value);
        });
      },
    },
  };
}
