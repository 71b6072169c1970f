/**
 * Social cards and link metadata in the built site (read from dist/, no browser needed): every
 * page has Open Graph and Twitter tags with absolute URLs under the configured site and base, a
 * canonical URL equal to og:url, and an og:image that exists in the build as a 1200 x 630 PNG.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, inject, test } from 'vitest';
import { builtPages, distDir } from './site-pages.ts';

const base = inject('base');
// Embed pages are made to sit in another site's iframe, not to be shared as links: no card.
const pages = builtPages().filter((p) => !p.startsWith('embed/'));

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!bytes.subarray(0, 8).equals(signature) || bytes.toString('latin1', 12, 16) !== 'IHDR')
    throw new Error('not a PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function metaOf(path: string): (key: string) => string | null {
  const { document } = parseHTML(readFileSync(join(distDir, path, 'index.html'), 'utf8'));
  return (key: string) => {
    if (key === 'canonical')
      return document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null;
    const el =
      document.querySelector(`meta[property="${key}"]`) ??
      document.querySelector(`meta[name="${key}"]`);
    return el?.getAttribute('content') ?? null;
  };
}

describe.each(pages)('page /%s', (path) => {
  test('has Open Graph and Twitter tags with absolute URLs and an existing 1200 x 630 card', () => {
    const meta = metaOf(path);
    const canonical = meta('canonical') ?? '';
    const site = new URL(canonical);
    expect(site.protocol).toMatch(/^https?:$/);
    expect(site.pathname).toBe(`${base}${path}`);
    expect(meta('og:url')).toBe(canonical);
    for (const key of [
      'og:title',
      'og:description',
      'og:image:alt',
      'twitter:title',
      'twitter:description',
    ]) {
      expect(meta(key)?.length ?? 0, key).toBeGreaterThan(3);
    }
    expect(meta('og:type')).toBe(path.startsWith('lessons/') ? 'article' : 'website');
    expect(meta('twitter:card')).toBe('summary_large_image');
    const image = new URL(meta('og:image') ?? '');
    expect(image.origin).toBe(site.origin);
    expect(meta('twitter:image')).toBe(image.href);
    expect(image.pathname.startsWith(`${base}og/`)).toBe(true);
    if (path.startsWith('lessons/'))
      expect(image.pathname).toBe(`${base}og/lesson-${path.split('/')[1]}.png`);
    expect(meta('og:image:width')).toBe('1200');
    expect(meta('og:image:height')).toBe('630');
    const png = readFileSync(join(distDir, image.pathname.slice(base.length)));
    expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
  });
});
