// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import { headingAnchors, katexMath } from './src/lib/markdown-math.ts';
import { otherDirectives, scriptSources, styleSources } from './src/lib/csp.ts';
import { pagefindIndex } from './src/integrations/pagefind.ts';

/** Where the site is served; both come from the environment so one build fits any host. */
const site = process.env.SITE_URL || 'http://localhost:4321';
const base = process.env.BASE_PATH || '/';
/** Output folder; the sub-path test builds into its own so it never clobbers dist/. */
const outDir = process.env.OUT_DIR || 'dist';

export default defineConfig({
  site,
  base,
  outDir,
  trailingSlash: 'always',
  markdown: {
    processor: satteri({ features: { math: true }, mdastPlugins: [katexMath], hastPlugins: [headingAnchors] }),
  },
  integrations: [mdx(), pagefindIndex()],
  // A Content-Security-Policy meta tag on every page, with hashes of Astro's own inline scripts;
  // the policy and the reason for each exception are in src/lib/csp.ts.
  security: {
    csp: {
      directives: [...otherDirectives],
      scriptDirective: { resources: [...scriptSources] },
      styleDirective: { resources: [...styleSources] },
    },
  },
});
