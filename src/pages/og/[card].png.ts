/**
 * The social card images, one 1200 x 630 PNG per card (src/build/og-cards.ts), drawn as SVG
 * by src/lib/og-card.ts and rasterised at build time by resvg (a native binary shipped inside its
 * npm package): no browser, no network. The fonts are KaTeX's own TrueType files, already a
 * dependency, loaded by path with system fonts off, so the image is the same on every machine.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { cardSvg } from '../../lib/og-card.ts';
import { cardsByPath, type CardSpec } from '../../build/og-cards.ts';

// Resolved from the project root: this module runs from a bundled chunk whose own URL says
// nothing about where node_modules is.
const resolveFromRoot = createRequire(join(process.cwd(), 'package.json')).resolve;
const fontFiles = ['KaTeX_SansSerif-Regular.ttf', 'KaTeX_SansSerif-Bold.ttf'].map((f) =>
  resolveFromRoot(`katex/dist/fonts/${f}`),
);

export const getStaticPaths = (async () => {
  const cards = await cardsByPath();
  return [...cards.values()].map((card) => ({ params: { card: card.key }, props: { card } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ card: CardSpec }> = ({ props }) => {
  const svg = cardSvg({ ...props.card, fontFamily: 'KaTeX_SansSerif' });
  const png = new Resvg(svg, {
    font: { loadSystemFonts: false, fontFiles, defaultFontFamily: 'KaTeX_SansSerif' },
    fitTo: { mode: 'original' },
  })
    .render()
    .asPng();
  return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
};
