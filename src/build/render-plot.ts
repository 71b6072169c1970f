/**
 * Build-time rendering of Plot options to an SVG string, with linkedom standing in for the
 * browser's document. Used only by .astro components (never shipped to the client).
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { stripMarkLabels } from '../lib/plots/strip-mark-labels.ts';

/** Geometry and opacity attributes whose numbers are rounded; text and labels are left alone. */
const numericAttributes = [
  'd',
  'x',
  'y',
  'x1',
  'x2',
  'y1',
  'y2',
  'cx',
  'cy',
  'r',
  'width',
  'height',
  'transform',
  'points',
  'fill-opacity',
  'stroke-opacity',
  'opacity',
];

/**
 * Rounds every number in the geometry attributes to two decimals. Plot writes coordinates at
 * full double precision (`232.00000000000003`), random digits that gzip cannot shrink: on a
 * lesson with several figures they were most of the HTML, which a phone on a slow link must
 * download before the first paint. A hundredth of a pixel is invisible, and it is the same
 * rounding the golden files use, so they do not change.
 */
function roundGeometry(root: Element): void {
  const round = (m: string): string => {
    const v = Number(Number(m).toFixed(2));
    return Object.is(v, -0) ? '0' : String(v);
  };
  for (const el of [root, ...root.querySelectorAll('*')]) {
    const d = el.getAttribute('d');
    if (d !== null) el.setAttribute('d', relativePolyline(d));
    for (const name of numericAttributes) {
      const value = el.getAttribute(name);
      if (value !== null && /\d\.\d{3}/.test(value))
        el.setAttribute(name, value.replace(/-?\d+\.\d+(e[-+]?\d+)?/g, round));
    }
  }
}

/**
 * Rewrites a polyline path (`M x,y L x,y L ...`, what Plot's line and area marks draw with a
 * linear curve) with relative steps after its first point, in whole hundredths of a pixel so the
 * positions add up exactly. Sampled curves step by the same x every time, so the relative form
 * repeats itself and gzip shrinks it to about half. Other paths, and short ones such as tick
 * marks, are returned unchanged.
 */
export function relativePolyline(d: string): string {
  if (
    (d.match(/L/g)?.length ?? 0) < 2 ||
    !/^(?:[ML]-?[\d.]+(?:e[-+]?\d+)?,-?[\d.]+(?:e[-+]?\d+)?)+Z?$/.test(d)
  )
    return d;
  let out = '';
  let px = 0;
  let py = 0;
  for (const [, command, xs, ys] of d.matchAll(/([ML])([^,ML]+),([^,MLZ]+)/g)) {
    const x = Math.round(Number(xs) * 100);
    const y = Math.round(Number(ys) * 100);
    out += command === 'M' ? `M${x / 100},${y / 100}` : `l${(x - px) / 100},${(y - py) / 100}`;
    px = x;
    py = y;
  }
  return d.endsWith('Z') ? `${out}Z` : out;
}

/** Renders Plot options to static SVG markup (or a figure's HTML when Plot adds a legend). */
export function renderPlotToString(options: Plot.PlotOptions): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const node = stripMarkLabels(
    Plot.plot({ ...options, document: document as unknown as Document }),
  );
  roundGeometry(node);
  return node.outerHTML;
}
