/**
 * The formula fonts a page's typeset glyphs ask for that its stylesheets do not declare. The
 * build keeps only the KaTeX faces the site's formulas use (src/integrations/font-faces.ts); a
 * glyph whose face was dropped would be drawn in a fallback font without any error, so the
 * browser tests read every glyph's computed face and compare it with the declared ones.
 */
import type { Page } from 'playwright-core';
import { faceKey } from '../../src/integrations/font-faces.ts';

/** "family weight style" of each KaTeX face used under `root` but not declared, once each. */
export async function undeclaredFormulaFaces(page: Page, root = 'body'): Promise<string[]> {
  // The browser reports raw (family, weight, style) triples; faceKey, the build's own naming,
  // turns both lists into keys here.
  const { declared, used } = await page.evaluate((rootSelector) => {
    const used = new Set<string>();
    for (const el of document.querySelectorAll(`${rootSelector} .katex-html *`)) {
      if (![...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim()))
        continue;
      const cs = getComputedStyle(el);
      used.add(JSON.stringify([cs.fontFamily.split(',')[0]!, cs.fontWeight, cs.fontStyle]));
    }
    return {
      declared: [...document.fonts].map((f) => [f.family, f.weight, f.style] as const),
      used: [...used].map((u) => JSON.parse(u) as [string, string, string]),
    };
  }, root);
  const have = new Set(declared.map(([f, w, s]) => faceKey(f, w, s)));
  return [
    ...new Set(used.map(([f, w, s]) => faceKey(f, w, s)).filter((k) => k.startsWith('KaTeX_'))),
  ].filter((k) => !have.has(k));
}

/** How many typeset glyph-bearing elements there are under `root` (so a check read something). */
export function formulaGlyphCount(page: Page, root = 'body'): Promise<number> {
  return page.evaluate(
    (rootSelector) => document.querySelectorAll(`${rootSelector} .katex-html .mord`).length,
    root,
  );
}
