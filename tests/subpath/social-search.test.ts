/**
 * The sub-path build (BASE_PATH=/notebook/, SITE_URL=https://example.org, in dist-subpath/):
 * social cards point at absolute URLs under the deployed base, and the search index was written
 * into this build too (the Pagefind integration runs after every build, whatever its outDir)
 * and answers under the base.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, test } from 'vitest';
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

test('a lesson card and canonical URL are absolute under the deployed base', async () => {
  const html = readFileSync('dist-subpath/lessons/sigmoid/index.html', 'utf8');
  expect(html).toContain(
    '<link rel="canonical" href="https://example.org/notebook/lessons/sigmoid/">',
  );
  expect(html).toContain(
    '<meta property="og:image" content="https://example.org/notebook/og/lesson-sigmoid.png">',
  );
  expect(html).toContain(
    '<meta name="twitter:image" content="https://example.org/notebook/og/lesson-sigmoid.png">',
  );
  const png = await fetch(new URL(`${base}og/lesson-sigmoid.png`, origin));
  expect(png.status).toBe(200);
});

test('the search index is served under the base', async () => {
  for (const file of [
    'pagefind.js',
    'pagefind-worker.js',
    'pagefind-entry.json',
    'wasm.en.pagefind',
  ]) {
    expect((await fetch(new URL(`${base}pagefind/${file}`, origin))).status, file).toBe(200);
  }
  const entry = (await (
    await fetch(new URL(`${base}pagefind/pagefind-entry.json`, origin))
  ).json()) as { languages: { en: { page_count: number } } };
  expect(entry.languages.en.page_count).toBeGreaterThanOrEqual(6);
  const search = await (await fetch(new URL(`${base}search/`, origin))).text();
  expect(search).toContain(`action="${base}search/"`);
});
