/**
 * Points the reader adds by clicking the decision-boundary plot. They live in the URL as one
 * setting (`train.pts=x,y,c;x,y,c`, c = 1 for the positive class), so a shared link carries them
 * and reproduces the run; adding one is an ordinary settings change that starts a fresh,
 * deterministic run. Pure: no DOM.
 */
import { appendPoint, type Dataset } from '../../lib/data/index.ts';

const coordinate = String.raw`-?\d{1,2}(?:\.\d{1,2})?`;
const point = `${coordinate},${coordinate},[01]`;

/**
 * The accepted form of the setting: `x,y,c` triples joined by `;` (coordinates up to ±99.99);
 * {@link clampPoints} then brings them into the plane and down to {@link maxAddedPoints}.
 */
export const pointsPattern = new RegExp(`^${point}(?:;${point})*$`);

/** Most points kept; adding more drops the oldest, so the URL stays bounded. */
export const maxAddedPoints = 50;

/** Longest valid setting (each triple is at most 15 characters plus a separator). */
export const pointsMaxLength = maxAddedPoints * 16;

/** One added point. */
export interface AddedPoint {
  readonly x: number;
  readonly y: number;
  readonly positive: boolean;
}

/** The points of a setting value ('' gives none); assumes it matched {@link pointsPattern}. */
export function parsePoints(value: string): AddedPoint[] {
  if (value === '') return [];
  return value.split(';').map((triple) => {
    const [x = '0', y = '0', c = '0'] = triple.split(',');
    return { x: Number(x), y: Number(y), positive: c === '1' };
  });
}

/**
 * The setting as the playground uses it: every point inside the plotted square (±`extent`; a
 * link can say 99.99) and at most {@link maxAddedPoints}, the newest kept as when adding one.
 * `note` says what was changed, for the notice; absent when nothing was.
 */
export function clampPoints(value: string, extent: number): { value: string; note?: string } {
  const triples = value.split(';');
  const kept = triples.slice(-maxAddedPoints);
  const fmt = (v: number): string => String(Math.min(extent, Math.max(-extent, v)));
  let moved = 0;
  const out = kept.map((triple) => {
    const [x = '0', y = '0', c = '0'] = triple.split(',');
    if (Math.abs(Number(x)) <= extent && Math.abs(Number(y)) <= extent) return triple;
    moved++;
    return `${fmt(Number(x))},${fmt(Number(y))},${c}`;
  });
  const notes = [
    ...(triples.length > kept.length
      ? [
          `${triples.length} points given, the playground keeps ${maxAddedPoints}: using the last ${maxAddedPoints}`,
        ]
      : []),
    ...(moved > 0
      ? [
          `${moved} point${moved === 1 ? '' : 's'} outside the plotted square (−${extent} to ${extent}) moved to its edge`,
        ]
      : []),
  ];
  return notes.length === 0 ? { value } : { value: out.join(';'), note: notes.join('; ') };
}

/** The setting with one more point, rounded to 0.01 and clamped to the plotted square. */
export function withPoint(
  value: string,
  x: number,
  y: number,
  positive: boolean,
  extent: number,
): string {
  const fmt = (v: number): string =>
    String(Math.round(Math.min(extent, Math.max(-extent, v)) * 100) / 100);
  const triples = value === '' ? [] : value.split(';');
  triples.push(`${fmt(x)},${fmt(y)},${positive ? 1 : 0}`);
  return triples.slice(-maxAddedPoints).join(';');
}

/** The dataset with the added points appended to its training split. */
export function withAddedPoints(data: Dataset, value: string): Dataset {
  let train = data.train;
  for (const p of parsePoints(value)) train = appendPoint(train, p.x, p.y, p.positive);
  return train === data.train ? data : { ...data, train };
}

/**
 * The plane point under a click on the boundary plot, from the click's position as a fraction of
 * the SVG box (0..1 each way); the plot is square with `margin` view units on every side of a
 * `viewWidth` wide view box. Null outside the plotted square.
 */
export function planePoint(
  fx: number,
  fy: number,
  viewWidth: number,
  margin: number,
  extent: number,
): { x: number; y: number } | null {
  const inner = viewWidth - 2 * margin;
  const u = (fx * viewWidth - margin) / inner;
  const v = (fy * viewWidth - margin) / inner;
  if (!(u >= 0 && u <= 1 && v >= 0 && v <= 1)) return null;
  return { x: -extent + 2 * extent * u, y: extent - 2 * extent * v };
}
