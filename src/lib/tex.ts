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

/** The TeX commands {@link texToPlainText} knows, as Unicode. */
const plainCommands: Readonly<Record<string, string>> = {
  infty: '∞',
  ldots: '…',
  lambda: 'λ',
  alpha: 'α',
  approx: ' ≈ ',
  '{': '{',
  '}': '}',
};

/**
 * A short TeX interval, such as `(-\lambda\alpha, \infty) \approx (-1.7581, \infty)`, as plain
 * Unicode text: "(−λα, ∞) ≈ (−1.7581, ∞)". For table cells of ranges, where typesetting each one
 * with KaTeX (about 25 elements, half of them MathML) cost more first-frame layout than it
 * added: the 17 in Beyond's family table, near its top, were half of what that frame laid out.
 * @throws Error on a command, group or script outside that small vocabulary, so a range that
 *   needs typesetting fails the build instead of shipping half converted
 */
export function texToPlainText(tex: string): string {
  let out = '';
  for (const [token, command] of tex.matchAll(/\\([a-zA-Z]+|.)|[\s\S]/g)) {
    if (command !== undefined) {
      const text = plainCommands[command];
      if (text === undefined) throw new Error(`texToPlainText: \\${command} in "${tex}"`);
      out += text;
    } else if (/[{}^_&$%#~\\]/.test(token)) {
      throw new Error(`texToPlainText: "${token}" in "${tex}"`);
    } else out += token === '-' ? '−' : token;
  }
  return out.replace(/\s+/g, ' ').trim();
}
