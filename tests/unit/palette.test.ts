/**
 * The curve palette: eight hues that stay apart from each other and readable on the page, in
 * both themes, with and without the common colour-vision deficiencies; and figures that overlay
 * several functions name each curve at its end, without labels on top of each other.
 */
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import * as Plot from '@observablehq/plot';
import { describe, expect, test } from 'vitest';
import { curveColor, curveDash, paletteSize } from '../../src/lib/palette.ts';
import { activationIds } from '../../src/lib/activations/types.ts';
import { comparePlotOptions } from '../../src/widgets/compare/model.ts';

const css = readFileSync('src/styles/global.css', 'utf8');

/** The light and dark values of a `--name: light-dark(#..., #...)` declaration. */
function themeColours(name: string): [string, string] {
  const m = new RegExp(`--${name}:\\s*light-dark\\((#[0-9a-f]{6}),\\s*(#[0-9a-f]{6})\\)`, 'i').exec(
    css,
  );
  if (!m) throw new Error(`--${name} is not a light-dark() pair of hex colours in global.css`);
  return [m[1]!, m[2]!];
}

type Rgb = [number, number, number];
const rgb = (hex: string): Rgb =>
  [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as Rgb;
const linear = (c: number): number => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const luminance = ([r, g, b]: Rgb): number =>
  0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
const contrast = (a: Rgb, b: Rgb): number => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};

/** CIE Lab of an sRGB colour (D65). */
function lab(c: Rgb): [number, number, number] {
  const [r, g, b] = c.map(linear) as Rgb;
  const xyz = [
    (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047,
    0.2126 * r + 0.7152 * g + 0.0722 * b,
    (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883,
  ];
  const f = (t: number): number => (t > 216 / 24389 ? Math.cbrt(t) : (841 / 108) * t + 4 / 29);
  const [fx, fy, fz] = xyz.map(f) as Rgb;
  return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)];
}
const deltaE = (a: Rgb, b: Rgb): number => Math.hypot(...lab(a).map((v, i) => v - lab(b)[i]!));

/** Deuteranopia and protanopia (Viénot et al. 1999, in linear RGB), the commonest deficiencies. */
function simulate(c: Rgb, kind: 'deutan' | 'protan'): Rgb {
  const [r, g, b] = c.map(linear) as Rgb;
  const m =
    kind === 'deutan'
      ? [
          [0.29275, 0.70725, 0],
          [0.29275, 0.70725, 0],
          [-0.02234, 0.02234, 1],
        ]
      : [
          [0.11238, 0.88762, 0],
          [0.11238, 0.88762, 0],
          [0.00401, -0.00401, 1],
        ];
  const back = (v: number): number => (v <= 0.0031308 ? 12.92 * v : 1.055 * v ** (1 / 2.4) - 0.055);
  return m.map((row) =>
    back(Math.min(1, Math.max(0, row[0]! * r + row[1]! * g + row[2]! * b))),
  ) as Rgb;
}

describe('the curve palette', () => {
  const curves = Array.from({ length: paletteSize }, (_, i) => themeColours(`curve-${i + 1}`));
  const [bgLight, bgDark] = themeColours('bg').map(rgb) as [Rgb, Rgb];

  test('eight colours, one CSS variable each, then a dash pattern on repeated hues', () => {
    expect(new Set(Array.from({ length: paletteSize }, (_, i) => curveColor(i))).size).toBe(8);
    expect(curveColor(paletteSize)).toBe(curveColor(0));
    expect(Array.from({ length: paletteSize }, (_, i) => curveDash(i))).toEqual(
      Array(paletteSize).fill(undefined),
    );
    expect(curveDash(paletteSize)).toBeDefined();
  });

  test.each([
    ['light', 0],
    ['dark', 1],
  ] as const)(
    '%s theme: every curve reads against the page (3:1) and every pair stays apart, also for deutan and protan vision',
    (_, t) => {
      const bg = t === 0 ? bgLight : bgDark;
      const colours = curves.map((pair) => rgb(pair[t]));
      for (const c of colours) expect(contrast(c, bg)).toBeGreaterThanOrEqual(3);
      for (let i = 0; i < colours.length; i++) {
        for (let j = i + 1; j < colours.length; j++) {
          const [a, b] = [colours[i]!, colours[j]!];
          expect(deltaE(a, b), `curve-${i + 1} vs curve-${j + 1}`).toBeGreaterThan(20);
          // Simulated deutan and protan vision (Viénot et al.): no pair may collapse; the direct labels back up the closest.
          expect(
            deltaE(simulate(a, 'deutan'), simulate(b, 'deutan')),
            `deutan curve-${i + 1} vs curve-${j + 1}`,
          ).toBeGreaterThan(10);
          expect(
            deltaE(simulate(a, 'protan'), simulate(b, 'protan')),
            `protan curve-${i + 1} vs curve-${j + 1}`,
          ).toBeGreaterThan(10);
        }
      }
    },
  );
});

describe('direct labels', () => {
  function render(options: Plot.PlotOptions): Element {
    const { document } = parseHTML('<!doctype html><html><body></body></html>');
    return Plot.plot({
      ...options,
      document: document as unknown as Document,
    }) as unknown as Element;
  }

  test('the Conclusion comparison names its eight curves at their ends, 12 px apart or more', () => {
    const ids = ['sigmoid', 'tanh', 'relu', 'leaky-relu', 'elu', 'gelu', 'silu', 'mish'] as const;
    const svg = render(comparePlotOptions({ ids: [...ids], mode: 'f', halfRange: 5 }, 640, 'g'));
    const labels = [...svg.querySelectorAll('g[aria-label="text"] text')];
    expect(labels.map((t) => t.textContent).sort()).toEqual(
      ['ELU', 'GELU', 'Leaky ReLU', 'Mish', 'ReLU', 'Sigmoid', 'SiLU (Swish)', 'Tanh'].sort(),
    );
    const ys = labels
      .map((t) =>
        Number(
          /translate\([^,]+,([^)]+)\)/.exec(t.getAttribute('transform') ?? '')?.[1] ??
            t.getAttribute('y'),
        ),
      )
      .sort((a, b) => a - b);
    for (let i = 1; i < ys.length; i++) expect(ys[i]! - ys[i - 1]!).toBeGreaterThanOrEqual(12);
  });

  test('a phone-width figure keeps the legend alone; one curve needs no label', () => {
    const narrow = render(
      comparePlotOptions({ ids: ['sigmoid', 'tanh'], mode: 'f', halfRange: 5 }, 360, 'g'),
    );
    expect(narrow.querySelectorAll('g[aria-label="text"] text').length).toBe(0);
    const one = render(comparePlotOptions({ ids: ['relu'], mode: 'f', halfRange: 5 }, 640, 'g'));
    expect(one.querySelectorAll('g[aria-label="text"] text').length).toBe(0);
  });

  test('every function at once: the labels still fit the figure', () => {
    const svg = render(
      comparePlotOptions({ ids: [...activationIds], mode: 'f', halfRange: 5 }, 800, 'g'),
    );
    expect(svg.querySelectorAll('g[aria-label="text"] text').length).toBe(activationIds.length);
  });
});
