/**
 * Renders scripts/favicon.svg to public/favicon.png, the icon the pages link. A phone's browser
 * rasterizes an SVG favicon on the page's main thread (about 25 ms at 4x CPU slowdown while the
 * page loads, tests/e2e/load-jank.e2e.ts); a PNG is decoded off it. Run after editing the SVG:
 * `npx node scripts/favicon.ts`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';

const SIZE = 32;
const svg = readFileSync(new URL('./favicon.svg', import.meta.url), 'utf8');
const png = new Resvg(svg, { fitTo: { mode: 'width', value: SIZE } }).render().asPng();
writeFileSync(new URL('../public/favicon.png', import.meta.url), png);
console.log(`public/favicon.png: ${SIZE} x ${SIZE}, ${png.length} bytes`);
