/** The pages of the built site, found by walking dist/ so a new page is tested without edits. */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * The built site the browser tests read: `dist/`, or `OUT_DIR` when a build went elsewhere (so two
 * people testing on one machine do not overwrite each other's build).
 */
export const distDir = process.env.OUT_DIR || 'dist';

/**
 * URL paths (relative to the base, no leading slash) of the built HTML pages the page-by-page
 * browser checks visit: every page except 404, with embeds and source pages sampled (below).
 */
export function builtPages(dir = distDir): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name === 'index.html') out.push(relative(dir, d).split('\\').join('/'));
    }
  };
  walk(dir);
  return sampleSources(sampleEmbeds(dir, out.map((p) => (p === '' ? '' : `${p}/`)).sort()));
}

/**
 * Source pages (one per file shown by a code view, about forty) are one template filled with
 * highlighted code, so the page-by-page checks take the first of each folder (one for all the
 * widget models); the build fails on
 * a source page it cannot render, and tests/e2e/widgets.e2e.ts opens a code view.
 */
function sampleSources(pages: string[]): string[] {
  const folders = new Set<string>();
  return pages.filter((p) => {
    if (!p.startsWith('source/')) return true;
    const folder = p.startsWith('source/widgets/') ? 'source/widgets/' : p.replace(/[^/]+\/$/, '');
    if (folders.has(folder)) return false;
    folders.add(folder);
    return true;
  });
}

/**
 * Embed pages (one per figure, about forty) share one layout and differ only in the figure they
 * show, so the page-by-page checks take the first embed page of each widget kind (the first
 * `af-*` element in it) instead of all of them; tests/e2e/sharing.e2e.ts covers embeds directly.
 */
function sampleEmbeds(dir: string, pages: string[]): string[] {
  const kinds = new Set<string>();
  return pages.filter((p) => {
    if (!p.startsWith('embed/')) return true;
    const html = readFileSync(join(dir, p, 'index.html'), 'utf8');
    const kind = /<(af-(?!widget-toolbar)[a-z-]+)/.exec(html)?.[1] ?? p;
    if (kinds.has(kind)) return false;
    kinds.add(kind);
    return true;
  });
}
