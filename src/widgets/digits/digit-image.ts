/**
 * An 8 × 8 digit as SVG paths: one path per grey level present, each pixel a unit square, ink
 * opacity = level / 16. Pure (strings out), so the build renders the same picture the page draws
 * after training. The ink is `currentColor`, so a digit follows the theme like the text does.
 */
import { DIGITS } from '../../lib/data/digits.ts';

/** One grey level's pixels. */
export interface LevelPath {
  /** Fill opacity, level / 16. */
  readonly opacity: number;
  /** Path data: a unit square per pixel, in a 0-8 viewBox. */
  readonly d: string;
}

/** The image whose 64 levels (0-16) or inputs (0-1, `scale` 16) start at `offset`. */
export function digitPaths(pixels: ArrayLike<number>, offset = 0, scale = 1): LevelPath[] {
  const byLevel = new Map<number, string[]>();
  for (let p = 0; p < DIGITS.pixels; p++) {
    const level = Math.round((pixels[offset + p] ?? 0) * scale);
    if (level <= 0) continue;
    const x = p % DIGITS.side;
    const y = (p - x) / DIGITS.side;
    const list = byLevel.get(level) ?? [];
    list.push(`M${x} ${y}h1v1h-1z`);
    byLevel.set(level, list);
  }
  return [...byLevel.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([level, squares]) => ({ opacity: level / DIGITS.maxLevel, d: squares.join('') }));
}

/** Picks up to `perClass` indices of each class from `labels`, in order, classes 0-9 in turn. */
export function firstOfEachClass(labels: ArrayLike<number>, perClass: number): number[] {
  const out: number[] = [];
  for (let c = 0; c < DIGITS.classes; c++) {
    let found = 0;
    for (let i = 0; i < labels.length && found < perClass; i++) {
      if (labels[i] === c) {
        out.push(i);
        found++;
      }
    }
  }
  return out;
}
