/**
 * A build without SITE_URL warns that its absolute links point at the preview server; one with it
 * uses it, silently.
 */
import { describe, expect, it } from 'vitest';
import { LOCAL_SITE, siteOf, siteUrlCheck } from '../../src/integrations/site-url.ts';

/** Runs the integration's build-start hook with a logger that records warnings. */
function warningsOf(env: Record<string, string | undefined>): string[] {
  const warnings: string[] = [];
  const hook = siteUrlCheck(env).hooks['astro:build:start'];
  const logger = { warn: (m: string) => warnings.push(m) };
  void hook?.({ logger } as unknown as Parameters<NonNullable<typeof hook>>[0]);
  return warnings;
}

describe('SITE_URL', () => {
  it('unset: the preview address, and the build log says what to set', () => {
    expect(siteOf({}).site).toBe(LOCAL_SITE);
    const [warning, ...rest] = warningsOf({});
    expect(rest).toEqual([]);
    expect(warning).toMatch(
      /SITE_URL is not set: canonical links, og:url.* point at http:\/\/localhost:4321/,
    );
    expect(warningsOf({ SITE_URL: '' })).toHaveLength(1);
  });

  it('set: used as is, no warning', () => {
    expect(siteOf({ SITE_URL: 'https://example.org' })).toEqual({ site: 'https://example.org' });
    expect(warningsOf({ SITE_URL: 'https://example.org' })).toEqual([]);
  });
});
