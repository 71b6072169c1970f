/**
 * What a page downloads before the reader interacts, shared by the JavaScript budget test and the
 * page-weight benchmark. The page is loaded, then scrolled top to bottom so every figure has taken
 * over (loading Plot); only clicks and slider moves are left out, so the figure is conservative.
 *
 * Sizes are of each response body as gzip level 9 where a static host would compress it (text:
 * HTML, CSS, JavaScript, SVG, JSON, XML) and raw otherwise (woff2 fonts and images are compressed
 * already), whatever the local server sent: the figure does not depend on the test server.
 */
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { isCompressible } from '../support/static-server.ts';

/** The JavaScript budget: gzipped bytes a page may download before the reader interacts. */
export const jsBudgetBytes = 150 * 1024;

/** One page's downloads before interaction. */
export interface PageWeight {
  /** JavaScript bytes, gzip level 9 of each script body. */
  jsBytes: number;
  /** Number of JavaScript files. */
  jsFiles: number;
  /** Every response's bytes (gzip where a host compresses, raw otherwise), JavaScript included. */
  totalBytes: number;
  /** Number of responses with a body. */
  requests: number;
  /** Bytes per kind of resource (script, stylesheet, document, font, image, other). */
  byKind: Record<string, number>;
  /** Each script's path (from the site root) and bytes, largest first. */
  scripts: { path: string; bytes: number }[];
}

const kindOf = (type: string): string =>
  type.includes('javascript')
    ? 'script'
    : type.includes('css')
      ? 'stylesheet'
      : type.includes('html')
        ? 'document'
        : type.startsWith('font/')
          ? 'font'
          : type.startsWith('image/')
            ? 'image'
            : 'other';

/**
 * Loads `url` in `page`, scrolls through it, and sums what was downloaded. `ready` (optional)
 * waits for a state the page must reach before the count closes, e.g. a shared link's figure
 * having computed its state, so the code that took is counted however long it took to load.
 */
export async function measurePageWeight(
  page: Page,
  url: string,
  ready?: (page: Page) => Promise<void>,
): Promise<PageWeight> {
  const sizes: { url: string; type: string; bytes: number }[] = [];
  const pending: Promise<void>[] = [];
  page.on('response', (res) => {
    pending.push(
      (async () => {
        const body = await res.body().catch(() => undefined);
        if (!body) return;
        const type = res.headers()['content-type'] ?? '';
        sizes.push({
          url: res.url(),
          type,
          bytes: isCompressible(type) ? gzipSync(body, { level: 9 }).length : body.length,
        });
      })(),
    );
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.evaluate(async () => {
    for (let y = 0; y <= document.body.scrollHeight; y += 400) {
      window.scrollTo(0, y);
      await new Promise((r) => setTimeout(r, 25));
    }
  });
  await ready?.(page);
  await page.waitForLoadState('networkidle');
  await Promise.all(pending);
  const byKind: Record<string, number> = {};
  for (const s of sizes) byKind[kindOf(s.type)] = (byKind[kindOf(s.type)] ?? 0) + s.bytes;
  const scripts = sizes.filter((s) => s.type.includes('javascript'));
  return {
    jsBytes: scripts.reduce((a, s) => a + s.bytes, 0),
    jsFiles: scripts.length,
    totalBytes: sizes.reduce((a, s) => a + s.bytes, 0),
    requests: sizes.length,
    byKind,
    scripts: scripts
      .map((s) => ({ path: new URL(s.url).pathname, bytes: s.bytes }))
      .sort((a, b) => b.bytes - a.bytes),
  };
}
