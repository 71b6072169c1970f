/**
 * The build-time renderer's size reductions must not move anything a screen can show: relative
 * polylines add up to the points they keep (to the hundredth of a pixel), the samples they drop
 * lie within a tenth of a device pixel of the line drawn, a curve's features are kept, and other
 * paths pass through untouched.
 */
import { describe, expect, test } from 'vitest';
import * as Plot from '@observablehq/plot';
import {
  POLYLINE_TOLERANCE,
  relativePolyline,
  renderPlotToString,
} from '../../src/build/render-plot.ts';

/** Absolute points of an M/l path, summing the relative steps. */
function points(d: string): [number, number][] {
  const out: [number, number][] = [];
  let x = 0;
  let y = 0;
  for (const [, c, xs, ys] of d.matchAll(
    /([MLl])(-?[\d.]+(?:e[-+]?\d+)?),(-?[\d.]+(?:e[-+]?\d+)?)/g,
  )) {
    x = c === 'l' ? x + Number(xs) : Number(xs);
    y = c === 'l' ? y + Number(ys) : Number(ys);
    out.push([x, y]);
  }
  return out;
}

/** Distance from a point to the polyline through `line`. */
function distanceToPolyline([px, py]: readonly [number, number], line: [number, number][]): number {
  let best = Infinity;
  for (let i = 1; i < line.length; i++) {
    const [ax, ay] = line[i - 1]!;
    const [bx, by] = line[i]!;
    const dx = bx - ax;
    const dy = by - ay;
    const l2 = dx * dx + dy * dy;
    const t = l2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / l2));
    best = Math.min(best, Math.hypot(px - ax - t * dx, py - ay - t * dy));
  }
  return best;
}

const path = (pts: readonly (readonly [number, number])[]): string =>
  `M${pts.map(([x, y]) => `${x},${y}`).join('L')}`;

describe('relativePolyline', () => {
  test('a sampled curve: a fraction of its samples, all within a tenth of a device pixel', () => {
    const abs = Array.from(
      { length: 400 },
      (_, i) => [40 + i * 1.4536, 180 - 140 * Math.tanh((i - 200) / 40)] as const,
    );
    const d = path(abs);
    const rel = relativePolyline(d);
    expect(rel).toMatch(/^M[\d.]+,[\d.]+l/);
    expect(rel.length).toBeLessThan(d.length / 5);
    const back = points(rel);
    expect(back.length).toBeLessThan(abs.length / 4);
    // Every kept point is a sample (to the hundredth), the ends included.
    for (const [x, y] of back)
      expect(abs.some(([ax, ay]) => Math.abs(ax - x) <= 0.0051 && Math.abs(ay - y) <= 0.0051)).toBe(
        true,
      );
    expect(back[0]![0]).toBeCloseTo(abs[0]![0], 2);
    expect(back.at(-1)![0]).toBeCloseTo(abs.at(-1)![0], 2);
    for (const p of abs)
      expect(distanceToPolyline(p, back)).toBeLessThanOrEqual(POLYLINE_TOLERANCE + 0.0071);
    expect(POLYLINE_TOLERANCE).toBeLessThanOrEqual(0.05);
  });
  test("a curve's features are kept: a kink, a jump, a bump of a fifth of a pixel", () => {
    const relu = Array.from({ length: 201 }, (_, i) => [i, i < 100 ? 200 : 300 - i] as const);
    expect(points(relativePolyline(path(relu)))).toEqual([
      [0, 200],
      [100, 200],
      [200, 100],
    ]);
    const step = Array.from({ length: 200 }, (_, i) => [i, i < 100 ? 200 : 50] as const);
    expect(points(relativePolyline(path(step)))).toEqual([
      [0, 200],
      [99, 200],
      [100, 50],
      [199, 50],
    ]);
    const bump = Array.from({ length: 200 }, (_, i) => [i, i === 120 ? 99.8 : 100] as const);
    expect(points(relativePolyline(path(bump)))).toContainEqual([120, 99.8]);
  });
  test('each subpath keeps its own ends', () => {
    const a = Array.from({ length: 50 }, (_, i) => [i, 10] as const);
    const b = Array.from({ length: 50 }, (_, i) => [i, 20] as const);
    expect(points(relativePolyline(`${path(a)}${path(b)}`))).toEqual([
      [0, 10],
      [49, 10],
      [0, 20],
      [49, 20],
    ]);
  });
  test('exact hundredths, negative steps, a closing Z and exponents', () => {
    expect(relativePolyline('M1,2L3.333333,4.5L5,6Z')).toBe('M1,2l2.33,2.5l1.67,1.5Z');
    expect(relativePolyline('M1e-7,2L3,4L2,1')).toBe('M0,2l3,2l-1,-3');
  });
  test('tick marks, curves and other commands pass through', () => {
    for (const d of ['M0,0L-6,0', 'M0,0C1,2,3,4,5,6', 'M0,0L1,1L2,2H4', 'M0,0A1,1,0,0,1,2,2'])
      expect(relativePolyline(d)).toBe(d);
  });
});

describe('renderPlotToString tidies what Plot writes', () => {
  const svg = renderPlotToString({
    className: 'af-plot-t',
    marks: [Plot.lineY([0, 1, 0.5], { ariaLabel: 'a line' }), Plot.ruleY([0])],
  });

  test("drops Plot's own <style> (the site's stylesheet styles .af-plot) and adds that class", () => {
    expect(svg).not.toContain('<style');
    expect(svg).toMatch(/^<svg [^>]*class="af-plot-t af-plot"/);
  });

  test('drops the per-mark aria-labels but keeps the marks', () => {
    expect(svg).not.toMatch(/<g [^>]*aria-label=/);
    expect(svg.match(/<path /g)?.length).toBeGreaterThan(0);
    expect(svg).toContain('<line ');
  });
});
