/**
 * Every internal link and anchor in the built site resolves: the target page exists, for a
 * `#fragment` an element with that id is on it, and figure settings in its query
 * (`?own.f=…`) name a figure of that page, which would otherwise ignore them with a notice
 * (`unclaimedSettings`). Reads dist/ directly; no browser needed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, inject, test } from 'vitest';
import { builtPages, distDir } from './site-pages.ts';
import { figureNamespace, unclaimedSettings } from '../../src/lib/url-state.ts';

const base = inject('base');
const pages = builtPages();

/**
 * Each page's element ids and figure namespaces, parsed once per file: most links point at a few
 * pages.
 */
const parsedFiles = new Map<string, { ids: Set<string>; namespaces: Set<string> }>();
function parsed(file: string): { ids: Set<string>; namespaces: Set<string> } {
  let found = parsedFiles.get(file);
  if (!found) {
    const { document } = parseHTML(readFileSync(file, 'utf8'));
    found = {
      ids: new Set(Array.from(document.querySelectorAll('[id]'), (el) => el.id)),
      namespaces: new Set(
        Array.from(
          document.querySelectorAll<HTMLElement>('[data-figure-id]'),
          (el) => figureNamespace(el.dataset) ?? '',
        ),
      ),
    };
    parsedFiles.set(file, found);
  }
  return found;
}

function fileFor(path: string): string {
  const clean = path.replace(/[?#].*$/, '');
  return join(distDir, clean, clean.endsWith('/') || clean === '' ? 'index.html' : '');
}

describe.each(pages)('links on /%s', (page) => {
  test('resolve to existing pages, assets and anchors, their settings to figures of the page', () => {
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
      if (!file.endsWith('.html')) continue;
      const fragment = decodeURIComponent(url.hash.slice(1));
      if (fragment && !parsed(file).ids.has(fragment)) broken.push(`${href} (no #${fragment})`);
      const stray = unclaimedSettings(url.search, parsed(file).namespaces);
      if (stray.length) broken.push(`${href} (no figure for ${stray.join(', ')})`);
    }
    expect(broken).toEqual([]);
  });
});
