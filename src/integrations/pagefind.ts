/**
 * An Astro integration that builds the offline full-text search index with Pagefind after every
 * `astro build`, into `<outDir>/pagefind/`. As a build hook (rather than a second command in the
 * npm script) it runs for every build, whatever its output folder: dist/, the sub-path build's
 * dist-subpath/, a deploy workflow's. Pagefind's indexer is a native binary shipped inside its
 * npm package and driven through its Node API; nothing is fetched.
 *
 * What is indexed is set in the HTML: only elements marked `data-pagefind-body` (the lesson
 * article), minus anything inside `data-pagefind-ignore` (code views, widget controls).
 */
import type { AstroIntegration } from 'astro';
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';

/**
 * Parts of a lesson body that are not prose, left out of the index so results and excerpts show
 * sentences: widget controls, toolbars and readouts, the code and data-table views under each
 * figure, figures' SVG, and typeset formulas (both KaTeX's MathML and visual copies flatten to
 * strings such as "σ(x)=11+e−x" that match nothing a reader types and garble the excerpts).
 * Selectors here rather than data-pagefind-ignore attributes in every widget, so a new widget
 * that follows the shared data-* conventions is left out without edits.
 */
const excludeSelectors = [
  '[data-controls]',
  '[data-out]',
  '[data-readout]',
  'details[data-source-view]',
  'details[data-table]',
  'details.data-table',
  '[data-widget-toolbar]',
  'svg',
  'button',
  '.katex',
];

/**
 * Files of Pagefind's bundle that the site never loads: its prebuilt interfaces, and the
 * stemmer-less WebAssembly for pages of unknown language (every page is indexed as English).
 */
const unusedFiles = [
  'wasm.unknown.pagefind',
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-highlight.js',
];

/** Total size in bytes of the files under `dir`. */
async function folderBytes(dir: string): Promise<{ bytes: number; files: number }> {
  let bytes = 0;
  let files = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) {
      bytes += (await stat(join(entry.parentPath, entry.name))).size;
      files++;
    }
  }
  return { bytes, files };
}

/** The integration; add it to `integrations` in astro.config.mjs. */
export function pagefindIndex(): AstroIntegration {
  return {
    name: 'activation-notebook:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const started = performance.now();
        const { index, errors } = await pagefind.createIndex({
          forceLanguage: 'en',
          excludeSelectors,
        });
        if (index === undefined) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        // One page at a time, in path order: the index numbers pages in the order they arrive
        // (reversing it changes the index files), and addDirectory's order is whatever its walk
        // and parallel reads give: on the CI machine, two builds of one commit differed.
        const pages = (await readdir(site, { withFileTypes: true, recursive: true }))
          .filter((e) => e.isFile() && e.name.endsWith('.html'))
          .map((e) => relative(site, join(e.parentPath, e.name)))
          .sort();
        for (const sourcePath of pages) {
          const added = await index.addHTMLFile({
            sourcePath,
            content: await readFile(join(site, sourcePath), 'utf8'),
          });
          if (added.errors.length > 0)
            throw new Error(`Pagefind could not index ${sourcePath}: ${added.errors.join('; ')}`);
        }
        const outputPath = join(site, 'pagefind');
        const written = await index.writeFiles({ outputPath });
        if (written.errors.length > 0)
          throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
        await pagefind.close();
        // Pagefind also writes its ready-made search interfaces; the site has its own
        // (src/widgets/search), so they would only be dead weight in every deployment.
        await Promise.all(unusedFiles.map((f) => rm(join(outputPath, f), { force: true })));
        const entry = JSON.parse(
          await readFile(join(outputPath, 'pagefind-entry.json'), 'utf8'),
        ) as { languages: Record<string, { page_count: number }> };
        const indexed = Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
        const { bytes, files } = await folderBytes(outputPath);
        logger.info(
          `read ${pages.length} pages, indexed ${indexed} lesson bodies into ${files} files, ${(bytes / 1024).toFixed(0)} KB, in ${((performance.now() - started) / 1000).toFixed(1)} s`,
        );
        if (indexed === 0)
          throw new Error('Pagefind indexed no page: is data-pagefind-body on the lesson article?');
      },
    },
  };
}
