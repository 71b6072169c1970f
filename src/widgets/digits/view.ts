/**
 * DOM pieces the digits figures build in the page once a run ends: digit images, the confusion
 * matrix, the results table. The build renders the same markup from the same pure helpers
 * (digit-image.ts) in DigitsFigure.astro, so a figure looks the same before and after it is live.
 */
import { DIGITS } from '../../lib/data/digits.ts';
import { digitPaths } from './digit-image.ts';
import type { Mistake } from './experiments.ts';

const SVG = 'http://www.w3.org/2000/svg';

/** One digit as an inline SVG, `size` px square, with a text alternative. */
export function digitSvg(
  pixels: ArrayLike<number>,
  offset: number,
  scale: number,
  label: string,
  size = 40,
): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${DIGITS.side} ${DIGITS.side}`);
  svg.setAttribute('width', String(size));
  svg.setAttribute('height', String(size));
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', label);
  svg.setAttribute('class', 'digit');
  for (const { opacity, d } of digitPaths(pixels, offset, scale)) {
    const path = document.createElementNS(SVG, 'path');
    path.setAttribute('d', d);
    path.setAttribute('fill', 'currentColor');
    path.setAttribute('fill-opacity', opacity.toFixed(4));
    svg.append(path);
  }
  return svg;
}

/** Misread test images, each captioned with its true class and the class the network chose. */
export function mistakeList(mistakes: readonly Mistake[]): HTMLUListElement {
  const list = document.createElement('ul');
  list.className = 'digit-grid';
  for (const m of mistakes) {
    const item = document.createElement('li');
    const caption = document.createElement('span');
    caption.textContent = `${m.label} → ${m.predicted}`;
    item.append(digitSvg(m.levels, 0, 1, `a ${m.label} read as ${m.predicted}`), caption);
    list.append(item);
  }
  return list;
}

/** The confusion matrix as a table: rows true class, columns predicted, off-diagonal errors shaded. */
export function confusionTable(matrix: Int32Array, caption: string): HTMLTableElement {
  const k = DIGITS.classes;
  const table = document.createElement('table');
  table.className = 'confusion';
  const cap = document.createElement('caption');
  cap.textContent = caption;
  const head = document.createElement('tr');
  const corner = document.createElement('th');
  corner.scope = 'col';
  corner.textContent = 'true ↓ / read as →';
  head.append(corner);
  for (let j = 0; j < k; j++) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = String(j);
    head.append(th);
  }
  const thead = document.createElement('thead');
  thead.append(head);
  const body = document.createElement('tbody');
  const worst = Math.max(1, ...Array.from(matrix).filter((_, idx) => idx % (k + 1) !== 0));
  for (let i = 0; i < k; i++) {
    const tr = document.createElement('tr');
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = String(i);
    tr.append(th);
    for (let j = 0; j < k; j++) {
      const td = document.createElement('td');
      const v = matrix[i * k + j] ?? 0;
      td.textContent = String(v);
      if (i === j) td.className = 'hit';
      else if (v > 0) {
        td.className = 'miss';
        td.style.setProperty('--share', (0.2 + (0.8 * v) / worst).toFixed(3));
      }
      tr.append(td);
    }
    body.append(tr);
  }
  table.append(cap, thead, body);
  return table;
}

/** A plain table from a header row and body rows (first cell of each row a row header). */
export function simpleTable(
  head: readonly string[],
  rows: readonly (readonly string[])[],
  caption: string,
): HTMLTableElement {
  const table = document.createElement('table');
  const cap = document.createElement('caption');
  cap.className = 'visually-hidden';
  cap.textContent = caption;
  const tr = document.createElement('tr');
  for (const h of head) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = h;
    tr.append(th);
  }
  const thead = document.createElement('thead');
  thead.append(tr);
  const body = document.createElement('tbody');
  for (const row of rows) {
    const r = document.createElement('tr');
    row.forEach((cell, i) => {
      const el = document.createElement(i === 0 ? 'th' : 'td');
      if (i === 0) (el as HTMLTableCellElement).scope = 'row';
      el.textContent = cell;
      r.append(el);
    });
    body.append(r);
  }
  table.append(cap, thead, body);
  return table;
}
