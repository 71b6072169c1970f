/** The pages of the built site, found by walking dist/ so a new page is tested without edits. */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** URL paths (relative to the base, no leading slash) of every built HTML page except 404. */
export function builtPages(dir = 'dist'): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name === 'index.html') out.push(relative(dir, d).split('\\').join('/'));
    }
  };
  walk(dir);
  return out.map((p) => (p === '' ? '' : `${p}/`)).sort();
}
