// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import { headingAnchors, katexMath, markdownFeatures } from './src/integrations/markdown-math.ts';
import { otherDirectives, scriptSources, styleSources } from './src/integrations/csp.ts';
import { pagefindIndex } from './src/integrations/pagefind.ts';
import { siteOf, siteUrlCheck } from './src/integrations/site-url.ts';
import { fontFaces } from './src/integrations/font-faces.ts';
import { firstTermUse } from './src/lib/course/markdown-terms.ts';

/** Where the site is served; both come from the environment so one build fits any host. */
const { site } = siteOf(process.env);
const base = process.env.BASE_PATH || '/';
/** Output folder; the sub-path test builds into its own so it never clobbers dist/. */
const outDir = process.env.OUT_DIR || 'dist';

/**
 * No module preloading for the pages' dynamic imports. Vite's preload helper searches the whole
 * document (for a CSP nonce meta tag and for every <link>) each time a figure imports its module,
 * 50-60 ms of main thread at 4x CPU on a long lesson when several figures wake together
 * (tests/e2e/load-jank.e2e.ts); the browser finds a module's own imports as it parses it anyway.
 * A plugin, because Astro's build sets `modulePreload` after the user's `vite.build` is read.
 * @returns {import('vite').Plugin}
 */
function noModulePreload() {
  return {
    name: 'no-module-preload',
    configEnvironment(name) {
      return name === 'client' ? { build: { modulePreload: false } } : undefined;
    },
  };
}

export default defineConfig({
  site,
  base,
  outDir,
  trailingSlash: 'always',
  markdown: {
    processor: satteri({
      features: markdownFeatures,
      mdastPlugins: [katexMath, firstTermUse],
      hastPlugins: [headingAnchors],
    }),
  },
  integrations: [mdx(), pagefindIndex(), siteUrlCheck()],
  // Vite turns every top-level const and let of a bundle into var. Node's V8 then reloads each
  // module-level table and constant on every use instead of folding it into the compiled loop,
  // and the activation kernels ran 1.8-3x slower than their sources (bench/README.md, "What
  // ships"). Keeping const costs only the TDZ checks at module load. Workers are built as ES
  // modules (the pages start them with type: 'module'): in Vite's default IIFE wrapper the
  // minifier rewrites the same constants as function-scoped let, with the same cost.
  vite: {
    build: { rolldownOptions: { output: { topLevelVar: false } } },
    worker: { format: 'es', rolldownOptions: { output: { topLevelVar: false } } },
    plugins: [noModulePreload()],
    // Font faces offer WOFF2 only, and KaTeX's keep only the faces the formulas use (why:
    // src/integrations/font-faces.ts).
    css: { postcss: { plugins: [fontFaces()] } },
  },
  // A Content-Security-Policy meta tag on every page, with hashes of Astro's own inline scripts;
  // the policy and the reason for each exception are in src/integrations/csp.ts.
  security: {
    csp: {
      directives: [...otherDirectives],
      scriptDirective: { resources: [...scriptSources] },
      styleDirective: { resources: [...styleSources] },
    },
  },
});
