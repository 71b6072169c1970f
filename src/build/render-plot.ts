/**
 * Build-time rendering of Plot options to an SVG string, with linkedom standing in for the
 * browser's document. Used only by .astro components (never shipped to the client).
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { tidyPlot } from '../lib/plots/tidy-plot.ts';

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
 * How far, in SVG units, a simplified polyline may stray from the sampled one: a figure is 640
 * units wide and at most about 1.2 CSS pixels a unit (a 2x screen: 2.4 device pixels), so 0.04
 * units is a tenth of a device pixel, invisible, while a feature of a curve (a kink, a jump, a
 * bump) is kept with every sample that stands out by more than that.
 */
export const POLYLINE_TOLERANCE = 0.04;

/**
 * Drops the samples of a polyline that lie within `tolerance` of the line through their
 * neighbours that are kept (Douglas-Peucker): a smooth stretch of a sampled curve is almost
 * straight at the scale of a pixel, and its hundreds of samples were most of a lesson's HTML.
 * The first and last points are kept, and every kept point is an original sample.
 */
export function simplifyPolyline(
  points: readonly (readonly [number, number])[],
  tolerance: number,
): (readonly [number, number])[] {
  if (points.length < 3) return [...points];
  const keep = new Uint8Array(points.length);
  keep[0] = 1;
  keep[points.length - 1] = 1;
  const spans: [number, number][] = [[0, points.length - 1]];
  for (let span = spans.pop(); span; span = spans.pop()) {
    const [a, b] = span;
    const [ax, ay] = points[a]!;
    const [bx, by] = points[b]!;
    const dx = bx - ax;
    const dy = by - ay;
    const length2 = dx * dx + dy * dy;
    let farthest = -1;
    let distance = tolerance;
    for (let i = a + 1; i < b; i++) {
      const [px, py] = points[i]!;
      // Distance to the segment (not the infinite line), so a curve that turns back is kept.
      const t =
        length2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / length2));
      const d = Math.hypot(px - ax - t * dx, py - ay - t * dy);
      if (d > distance) {
        distance = d;
        farthest = i;
      }
    }
    if (farthest >= 0) {
      keep[farthest] = 1;
      spans.push([a, farthest], [farthest, b]);
    }
  }
  return points.filter((_, i) => keep[i] === 1);
}

/**
 * Rewrites a polyline path (`M x,y L x,y ...`, what Plot's line and area marks draw with a
 * linear curve) without the samples a pixel cannot show (`simplifyPolyline`), and with relative
 * steps after each subpath's first point, in whole hundredths of a pixel so the positions add up
 * exactly. Other paths, and short ones such as tick marks, are returned unchanged.
 */
export function relativePolyline(d: string): string {
  if (
    (d.match(/L/g)?.length ?? 0) < 2 ||
    !/^(?:[ML]-?[\d.]+(?:e[-+]?\d+)?,-?[\d.]+(?:e[-+]?\d+)?)+Z?$/.test(d)
  )
    return d;
  const subpaths: [number, number][][] = [];
  for (const [, command, xs, ys] of d.matchAll(/([ML])([^,ML]+),([^,MLZ]+)/g)) {
    if (command === 'M' || subpaths.length === 0) subpaths.push([]);
    subpaths[subpaths.length - 1]!.push([Number(xs), Number(ys)]);
  }
  let out = '';
  let px = 0;
  let py = 0;
  for (const subpath of subpaths) {
    simplifyPolyline(subpath, POLYLINE_TOLERANCE).forEach(([xv, yv], i) => {
      const x = Math.round(xv * 100);
      const y = Math.round(yv * 100);
      out += i === 0 ? `M${x / 100},${y / 100}` : `l${(x - px) / 100},${(y - py) / 100}`;
      px = x;
      py = y;
    });
  }
  return d.endsWith('Z') ? `${out}Z` : out;
}

/** Renders Plot options to static SVG markup (or a figure's HTML when Plot adds a legend). */
export function renderPlotToString(options: Plot.PlotOptions): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const node = tidyPlot(Plot.plot({ ...options, document: document as unknown as Document }));
  roundGeometry(node);
  return node.outerHTML;
}
