/** The pages of the built site, found by walking dist/ so a new page is tested without edits. */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** URL paths (relative to the base, no leading slash) of every built HTML page except 404. */
/**
 * The built site the browser tests read: `dist/`, or `OUT_DIR` when a build went elsewhere (so two
 * people testing on one machine do not overwrite each other's build).
 */
export const distDir = process.env.OUT_DIR || 'dist';

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
  return sampleEmbeds(dir, out.map((p) => (p === '' ? '' : `${p}/`)).sort());
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
