/**
 * Sätteri (Astro 7's Markdown/MDX engine) parses `$...$` and `$$...$$` into `inlineMath` and
 * `math` nodes when its `math` feature is on, but renders nothing for them by itself: without a
 * plugin, display math comes out as a code block. This mdast plugin swaps each node for KaTeX
 * HTML at build time, so pages ship no math JavaScript. Also home of the heading-anchor plugin:
 * both are the site's Markdown extensions.
 */
import Slugger from 'github-slugger';
import { defineHastPlugin, defineMdastPlugin } from 'satteri';
import { renderTex } from '../lib/tex.ts';

/**
 * The Markdown features the lessons are parsed with: `$…$` maths on (GFM is Sätteri's default).
 * astro.config.mjs compiles with them, and the build's figure collection parses with them too,
 * since they change the tree (without maths, `$\frac{a}{b}$` would parse as JSX expressions).
 */
export const markdownFeatures = { math: true } as const;

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

/**
 * Adds a link to every h2 and h3 so a reader can copy a link to a section. Astro gives headings
 * their ids in a plugin that runs after ours and keeps an id that is already there, so this one
 * assigns the same GitHub-style slugs itself (one slugger per document, as Astro does). The link
 * has no text of its own (CSS draws the "#"), so the heading text, and with it the table of
 * contents, is unchanged.
 */
export const headingAnchors = () => {
  const slugger = new Slugger();
  return defineHastPlugin({
    name: 'heading-anchors',
    element: {
      filter: ['h2', 'h3'],
      visit(node, ctx) {
        const text = ctx.textContent(node);
        const existing = node.properties['id'];
        const id = typeof existing === 'string' && existing !== '' ? existing : slugger.slug(text);
        if (id !== existing) ctx.setProperty(node, 'id', id);
        ctx.appendChild(node, {
          type: 'element',
          tagName: 'a',
          properties: {
            className: ['heading-anchor'],
            href: `#${id}`,
            ariaLabel: `Link to the section ${text}`,
          },
          children: [],
        });
      },
    },
  });
};
