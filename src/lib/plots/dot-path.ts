/**
 * Dots as one SVG path: each dot a circle of two arcs, all of them in a single element. Plot's dot
 * mark draws a `<circle>` per datum; a figure with hundreds of points (a training set, an error
 * scan) then costs the page hundreds of elements to style and lay out, which on a phone was a
 * main-thread task of seconds while a lesson loaded. Pure: a Plot render function that builds its
 * element with the plot's own document (the browser's, or linkedom's at build time).
 */
import type * as Plot from '@observablehq/plot';

/** Presentation attributes of the path (`fill`, `stroke`, `stroke-width`...). */
export type PathStyle = Readonly<Record<string, string>>;

const svgNs = 'http://www.w3.org/2000/svg';

/** What a path needs of its element: the browser's, or linkedom's at build time. */
interface AttributeTarget {
  setAttribute(name: string, value: string): void;
}

/** A `<path>` with attributes, made with the given document (typed by shape: src/lib has no DOM types). */
export function pathElement<E extends AttributeTarget>(
  doc: { createElementNS(ns: string, name: string): E },
  attributes: PathStyle,
): E {
  const path = doc.createElementNS(svgNs, 'path');
  for (const [name, value] of Object.entries(attributes)) path.setAttribute(name, value);
  return path;
}

/** Path data for circles of radius r at the given pixel centres. */
export function circlesPath(centres: readonly (readonly [number, number])[], r: number): string {
  let d = '';
  for (const [cx, cy] of centres)
    d += `M${(cx - r).toFixed(2)},${cy.toFixed(2)}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0`;
  return d;
}

/**
 * A mark drawing `points` (data coordinates) as dots of radius r in one path; nothing when there
 * are none. Points outside the scales' domains are drawn where the scales put them, as Plot's dot
 * mark would.
 */
export function dotPathMark(
  points: readonly { readonly x: number; readonly y: number }[],
  r: number,
  style: PathStyle,
): Plot.RenderFunction {
  return (_index, scales, _values, _dimensions, context) => {
    const { x, y } = scales as { x: (v: number) => number; y: (v: number) => number };
    const g = context.document.createElementNS(svgNs, 'g');
    if (points.length > 0)
      g.append(
        pathElement(context.document, {
          ...style,
          d: circlesPath(
            points.map((p) => [x(p.x), y(p.y)]),
            r,
          ),
        }),
      );
    return g;
  };
}
