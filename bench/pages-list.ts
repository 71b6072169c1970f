/**
 * The pages the page benchmarks measure, from the built site: the home page and every lesson are
 * held to the budgets; the other top-level pages (playground, notebook, ...) are measured for
 * information. The generated code views (source/) and embeds (embed/) are left out.
 */
import { builtPages } from '../tests/e2e/site-pages.ts';

export interface BenchPage {
  /** URL path relative to the site root, no leading slash ('' is the home page). */
  path: string;
  /** Held to the budgets (home and lessons) rather than measured for information. */
  required: boolean;
}

export function benchPages(dir = 'dist'): BenchPage[] {
  return builtPages(dir)
    .filter((p) => !p.startsWith('source/') && !p.startsWith('embed/'))
    .map((path) => ({ path, required: path === '' || path.startsWith('lessons/') }))
    .sort((a, b) => Number(b.required) - Number(a.required));
}
