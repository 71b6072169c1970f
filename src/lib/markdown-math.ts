/**
 * Sätteri (Astro 7's Markdown/MDX engine) parses `$...$` and `$$...$$` into `inlineMath` and
 * `math` nodes when its `math` feature is on, but renders nothing for them by itself: without a
 * plugin, display math comes out as a code block. This mdast plugin swaps each node for KaTeX
 * HTML at build time, so pages ship no math JavaScript.
 */
import { defineMdastPlugin } from 'satteri';
import { renderTex } from './tex.ts';

/** The mdast plugin; register it under `mdastPlugins` of `satteri({ features: { math: true } })`. */
export const katexMath = defineMdastPlugin({
  name: 'katex-math',
  math(node) {
    return { rawHtml: `<div class="math-display">${renderTex(node.value, true)}</div>` };
  },
  inlineMath(node) {
    return { rawHtml: renderTex(node.value, false) };
  },
});
