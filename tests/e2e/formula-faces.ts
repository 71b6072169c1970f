/**
 * The formula fonts a page's typeset glyphs ask for that its stylesheets do not declare. The
 * build keeps only the KaTeX faces the site's formulas use (src/integrations/font-faces.ts); a
 * glyph whose face was dropped would be drawn in a fallback font without any error, so the
 * browser tests read every glyph's computed face and compare it with the declared ones.
 */
import type { Page } from 'playwright-core';

/** "family weight style" of each KaTeX face used under `root` but not declared, once each. */
export function undeclaredFormulaFaces(page: Page, root = 'body'): Promise<string[]> {
  return page.evaluate((rootSelector) => {
    const key = (family: string, weight: string, style: string) =>
      `${family
        .split(',')[0]!
        .trim()
        .replace(
          /^["']|["']$/g,
          '',
        )} ${weight === 'normal' ? '400' : weight === 'bold' ? '700' : weight} ${style}`;
    const declared = new Set([...document.fonts].map((f) => key(f.family, f.weight, f.style)));
    const missing = new Set<string>();
    for (const el of document.querySelectorAll(`${rootSelector} .katex-html *`)) {
      if (![...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim()))
        continue;
      const cs = getComputedStyle(el);
      const face = key(cs.fontFamily, cs.fontWeight, cs.fontStyle);
      if (face.startsWith('KaTeX_') && !declared.has(face)) missing.add(face);
    }
    return [...missing];
  }, root);
}

/** How many typeset glyph-bearing elements there are under `root` (so a check read something). */
export function formulaGlyphCount(page: Page, root = 'body'): Promise<number> {
  return page.evaluate(
    (rootSelector) => document.querySelectorAll(`${rootSelector} .katex-html .mord`).length,
    root,
  );
}
