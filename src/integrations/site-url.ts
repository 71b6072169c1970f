/**
 * The site's absolute URL, from `SITE_URL`. Canonical links, `og:url`, `og:image` and the sitemap
 * need one; without `SITE_URL` the build uses the preview server's address, right for
 * `npm run preview` and wrong on any host. Rather than ship those links silently, every build
 * without `SITE_URL` says so in its log (the integration below), naming the variable to set.
 */
import type { AstroIntegration } from 'astro';

/** The address used when `SITE_URL` is unset: the local preview server. */
export const LOCAL_SITE = 'http://localhost:4321';

/** The site URL for an environment, and the build warning when it falls back to {@link LOCAL_SITE}. */
export function siteOf(env: Readonly<Record<string, string | undefined>>): {
  site: string;
  warning?: string;
} {
  const given = env['SITE_URL'];
  if (given) return { site: given };
  return {
    site: LOCAL_SITE,
    warning: `SITE_URL is not set: canonical links, og:url, social-card images and the sitemap point at ${LOCAL_SITE}, which is right only for "npm run preview". Set SITE_URL (e.g. SITE_URL=https://example.org npm run build) before deploying.`,
  };
}

/** Logs {@link siteOf}'s warning at the start of every build that has one. */
export function siteUrlCheck(
  env: Readonly<Record<string, string | undefined>> = process.env,
): AstroIntegration {
  return {
    name: 'activation-notebook:site-url',
    hooks: {
      'astro:build:start': ({ logger }) => {
        const { warning } = siteOf(env);
        if (warning) logger.warn(warning);
      },
    },
  };
}
