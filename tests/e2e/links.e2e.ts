/**
 * Every internal link and anchor in the built site resolves: the target page exists and, for a
 * `#fragment`, an element with that id is on it. Reads dist/ directly; no browser needed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, inject, test } from 'vitest';
import { builtPages, distDir } from './site-pages.ts';

const base = inject('base');
const pages = builtPages();

/** The ids of each page's elements, parsed once per file: most links point at a few pages. */
const idsByFile = new Map<string, Set<string>>();
function idsOf(file: string): Set<string> {
  let ids = idsByFile.get(file);
  if (!ids) {
    const { document } = parseHTML(readFileSync(file, 'utf8'));
    ids = new Set(Array.from(document.querySelectorAll('[id]'), (el) => el.id));
    idsByFile.set(file, ids);
  }
  return ids;
}

function fileFor(path: string): string {
  const clean = path.replace(/[?#].*$/, '');
  return join(distDir, clean, clean.endsWith('/') || clean === '' ? 'index.html' : '');
}

describe.each(pages)('links on /%s', (page) => {
  test('resolve to existing pages, assets and anchors', () => {
    const html = readFileSync(fileFor(page), 'utf8');
    const { document } = parseHTML(html);
    const broken: string[] = [];
    const refs = [
      ...Array.from(document.querySelectorAll('a[href]'), (a) => a.getAttribute('href') ?? ''),
      ...Array.from(
        document.querySelectorAll('link[href], script[src], img[src]'),
        (el) => el.getAttribute('href') ?? el.getAttribute('src') ?? '',
      ),
    ];
    const pageUrl = new URL(`${base}${page}`, 'http://site.test');
    for (const href of refs) {
      if (/^(mailto:|data:)/.test(href)) continue;
      const url = new URL(href, pageUrl);
      if (url.origin !== pageUrl.origin) continue;
      if (!url.pathname.startsWith(base)) {
        broken.push(`${href} (outside base ${base})`);
        continue;
      }
      const target = decodeURIComponent(url.pathname.slice(base.length));
      const file = fileFor(target);
      if (!existsSync(file) && !existsSync(join(distDir, target))) {
        broken.push(`${href} (no ${file})`);
        continue;
      }
      const fragment = decodeURIComponent(url.hash.slice(1));
      if (fragment && file.endsWith('.html') && !idsOf(file).has(fragment)) {
        broken.push(`${href} (no #${fragment})`);
      }
    }
    expect(broken).toEqual([]);
  });
});
