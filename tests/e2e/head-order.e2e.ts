/**
 * The Content-Security-Policy applies before any script runs: on every built page its meta tag
 * comes before every <script> (the theme script once ran ahead of it, in <head>). Read from the
 * built HTML; no browser needed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { expect, test } from 'vitest';
import { builtPages, distDir } from './site-pages.ts';

test.each(builtPages())('/%s: the policy precedes every script', (path) => {
  const { document } = parseHTML(readFileSync(join(distDir, path, 'index.html'), 'utf8'));
  const order = [...document.querySelectorAll('script, meta[http-equiv]')].map((el) =>
    el.tagName === 'META' ? `policy` : `script ${el.getAttribute('src') ?? '(inline)'}`,
  );
  expect(order[0]).toBe('policy');
  expect(order.filter((o) => o === 'policy')).toHaveLength(1);
  // The theme script is still the first script, so it runs before first paint.
  expect(order[1]).toMatch(/theme-init\.js$/);
});
