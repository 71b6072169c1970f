/**
 * The site's one palette for curves shown together: the i-th curve of a figure gets
 * `var(--curve-N)`, whose light and dark values are set once in src/styles/global.css, so dark
 * mode restyles every figure without a redraw. Eight hues, chosen to stay apart for the common
 * colour-vision deficiencies and on both backgrounds; beyond eight a figure repeats the hues with
 * a dash pattern, and figures that overlay several functions also label each curve at its end,
 * so no reader has to match colours to a legend.
 */

/** Number of distinct curve colours. */
export const paletteSize = 8;

/** The colour of the i-th curve of a figure (i from 0). */
export function curveColor(i: number): string {
  return `var(--curve-${(((i % paletteSize) + paletteSize) % paletteSize) + 1})`;
}

/** A dash pattern that tells apart curves sharing a hue (none for the first eight). */
export function curveDash(i: number): string | undefined {
  return i >= paletteSize ? '7,3,2,3' : undefined;
}
