/**
 * TeX to KaTeX HTML with one fixed set of options, so prose math (via the Markdown plugin) and
 * component formulas render identically. Pure: runs at build time and in the browser.
 */
import katex from 'katex';

/** Options shared by every formula on the site. `throwOnError` so a bad formula fails the build. */
const texOptions = {
  throwOnError: true,
  output: 'htmlAndMathml',
  strict: 'error',
  trust: false,
} as const;

/**
 * Renders TeX to an HTML string (HTML for sight, MathML for screen readers).
 * @param tex the TeX source, without delimiters
 * @param display true for a centred block formula, false for inline
 * @throws katex.ParseError naming the bad input, so a typo fails the build instead of shipping
 */
export function renderTex(tex: string, display = false): string {
  return katex.renderToString(tex, { ...texOptions, displayMode: display });
}
