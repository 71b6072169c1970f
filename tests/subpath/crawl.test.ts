/**
 * The site deployed under a sub-path (a GitHub Pages project site): built with
 * BASE_PATH=/notebook/ into dist-subpath/ (see the test:subpath script), served under that base,
 * and crawled from the home page and from every embed page (nothing on the site links to those:
 * they are for other sites' iframes). Every page, stylesheet, script, font, worker and image it
 * references, directly or through CSS url() and JS imports, must answer 200; a root-absolute
 * link that forgot the base would 404 here, because the server serves nothing outside it.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { readdirSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { serveStatic } from '../support/static-server.ts';

const base = '/notebook/';
let origin = '';
let close: () => void = () => {};

beforeAll(async () => {
  const served = await serveStatic('dist-subpath', base);
  origin = served.origin;
  close = () => served.server.close();
});
afterAll(() => close());

/** URLs referenced by a fetched body, resolved against its own URL. */
function references(url: URL, type: string, body: string): URL[] {
  const found: string[] = [];
  if (type.includes('html')) {
    const { document } = parseHTML(body);
    for (const el of document.querySelectorAll('a[href], link[href]'))
      found.push(el.getAttribute('href') ?? '');
    for (const el of document.querySelectorAll('script[src], img[src], source[src]'))
      found.push(el.getAttribute('src') ?? '');
  } else if (type.includes('css')) {
    for (const m of body.matchAll(/url\(\s*['"]?([^'")]+)['"]?\s*\)/g)) found.push(m[1] ?? '');
  } else if (type.includes('javascript')) {
    // Chunk imports and worker URLs that Vite writes as relative or base-absolute strings.
    for (const m of body.matchAll(
      /["'`]((?:\.{1,2}\/|\/)[\w./-]+\.(?:js|css|woff2?|ttf|svg|png|json))["'`]/g,
    ))
      found.push(m[1] ?? '');
  }
  return found
    .filter((h) => h !== '' && !/^(mailto:|data:|#)/.test(h))
    .map((h) => new URL(h, url))
    .filter((u) => u.origin === url.origin)
    .map((u) => {
      u.hash = '';
      return u;
    });
}

test('every page and asset of the sub-path build answers 200', async () => {
  const embeds = readdirSync('dist-subpath/embed').map(
    (id) => new URL(`${base}embed/${id}/`, origin),
  );
  const queue = [new URL(base, origin), ...embeds];
  const seen = new Set<string>(queue.map((u) => u.href));
  const broken: string[] = [];
  let pages = 0;
  while (queue.length > 0) {
    const url = queue.shift() as URL;
    const res = await fetch(url);
    if (res.status !== 200) {
      broken.push(`${url.pathname} -> ${res.status}`);
      continue;
    }
    const type = res.headers.get('content-type') ?? '';
    if (!/html|css|javascript/.test(type)) continue;
    if (type.includes('html')) pages++;
    for (const ref of references(url, type, await res.text())) {
      if (!seen.has(ref.href)) {
        seen.add(ref.href);
        queue.push(ref);
      }
    }
  }
  console.log(`crawled ${pages} pages and ${seen.size - pages} other URLs under ${base}`);
  expect(broken).toEqual([]);
  expect(pages).toBeGreaterThanOrEqual(8 + embeds.length);
  expect(seen.size).toBeGreaterThan(pages);
});

test('the sitemap and robots.txt carry the deployed site and base', async () => {
  const sitemap = await (await fetch(new URL(`${base}sitemap.xml`, origin))).text();
  expect(sitemap).toContain('<loc>https://example.org/notebook/lessons/sigmoid/</loc>');
  const robots = await (await fetch(new URL(`${base}robots.txt`, origin))).text();
  expect(robots).toContain('Sitemap: https://example.org/notebook/sitemap.xml');
});

test('an unknown address gets the 404 page, with working links', async () => {
  const res = await fetch(new URL(`${base}no-such-page/`, origin));
  expect(res.status).toBe(404);
  const html = await res.text();
  expect(html).toContain('Page not found');
  expect(html).toContain(`href="${base}lessons/introduction/"`);
});
