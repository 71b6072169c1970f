/**
 * Figure downloads: SVG, PNG and CSV. Loaded by the toolbar on the first export click only.
 *
 * An SVG on the page is styled by the page: its colours are CSS variables (`var(--curve-1)`)
 * and its fonts come from stylesheets, none of which travel with the file. So the export clones
 * the live SVG and writes every colour and font as the browser computed it (in the current
 * theme), drops the <style> elements that refer to page variables, and paints the figure's
 * background behind it. Canvas layers under the SVG (the playground's heatmap) go in as images.
 */
import { toCsv, type CsvTable } from './csv.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Presentation properties copied from the computed style; all inherit except `opacity`. */
const PROPS = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'stroke-linecap',
  'stroke-linejoin',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'opacity',
] as const;

/** Attributes that may hold a colour (and so a `var(...)` or `currentColor`). */
const COLOUR_ATTRS = [
  'fill',
  'stroke',
  'color',
  'stop-color',
  'flood-color',
  'lighting-color',
] as const;

/** The main plot of a figure: the first `.plot` that holds an SVG. */
function plotHost(figure: Element): { host: HTMLElement; svg: SVGSVGElement } {
  for (const host of figure.querySelectorAll<HTMLElement>('.plot')) {
    const svg = host.querySelector('svg');
    if (svg instanceof SVGSVGElement) return { host, svg };
  }
  throw new Error('this figure has no plot to export');
}

/** Copies computed styles onto the clone, writing only what differs from the parent's. */
function inlineStyles(
  source: Element,
  clone: Element,
  parent: CSSStyleDeclaration | undefined,
): void {
  const style = getComputedStyle(source);
  for (const attr of COLOUR_ATTRS) {
    const value = clone.getAttribute(attr);
    if (value && /var\(|currentcolor/i.test(value))
      clone.setAttribute(attr, style.getPropertyValue(attr === 'color' ? 'color' : attr) || 'none');
  }
  const target = (clone as SVGElement).style;
  for (const prop of PROPS) {
    const value = style.getPropertyValue(prop);
    const inherited = prop !== 'opacity' && parent?.getPropertyValue(prop) === value;
    if (!value || inherited || (prop === 'opacity' && value === '1')) continue;
    target.setProperty(prop, value);
  }
  // Anything else written inline with a variable (a custom property, a colour) is resolved or dropped.
  for (const name of Array.from(target)) {
    const value = target.getPropertyValue(name);
    if (!value.includes('var(')) continue;
    if (name.startsWith('--')) target.removeProperty(name);
    else target.setProperty(name, style.getPropertyValue(name));
  }
  const sources = source.children;
  const clones = clone.children;
  for (let i = 0; i < sources.length; i++) {
    const s = sources[i];
    const c = clones[i];
    if (s && c) inlineStyles(s, c, style);
  }
}

/** A standalone SVG document of the figure's main plot, as it looks now. */
export function figureSvg(figure: Element): { text: string; width: number; height: number } {
  const { host, svg } = plotHost(figure);
  const box = svg.getBoundingClientRect();
  const vb = svg.viewBox.baseVal;
  const shown =
    vb && vb.width > 0
      ? { x: vb.x, y: vb.y, w: vb.width, h: vb.height }
      : { x: 0, y: 0, w: box.width, h: box.height };
  const scale = box.width > 0 ? shown.w / box.width : 1;
  // On the page the SVG has overflow: visible and long tick labels spill past its box; grow the
  // exported view to the drawing's real extent so they are not cut off.
  const ink = svg.getBBox();
  const x = Math.floor(Math.min(shown.x, ink.x));
  const y = Math.floor(Math.min(shown.y, ink.y));
  const width = Math.ceil(Math.max(shown.x + shown.w, ink.x + ink.width)) - x;
  const height = Math.ceil(Math.max(shown.y + shown.h, ink.y + ink.height)) - y;
  const clone = svg.cloneNode(true) as SVGSVGElement;
  inlineStyles(svg, clone, undefined);
  for (const s of clone.querySelectorAll('style')) s.remove();
  clone.setAttribute('xmlns', SVG_NS);
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  clone.setAttribute('viewBox', `${x} ${y} ${width} ${height}`);
  const first = clone.firstChild;
  // Canvas layers (drawn under the SVG on screen) become images at the same place.
  for (const canvas of host.querySelectorAll('canvas')) {
    const r = canvas.getBoundingClientRect();
    if (r.width === 0) continue;
    const image = document.createElementNS(SVG_NS, 'image');
    image.setAttribute('href', canvas.toDataURL('image/png'));
    image.setAttribute('x', String(shown.x + (r.left - box.left) * scale));
    image.setAttribute('y', String(shown.y + (r.top - box.top) * scale));
    image.setAttribute('width', String(r.width * scale));
    image.setAttribute('height', String(r.height * scale));
    image.setAttribute('preserveAspectRatio', 'none');
    image.setAttribute('opacity', getComputedStyle(canvas).opacity);
    clone.insertBefore(image, first);
  }
  const background = document.createElementNS(SVG_NS, 'rect');
  background.setAttribute('x', String(x));
  background.setAttribute('y', String(y));
  background.setAttribute('width', String(width));
  background.setAttribute('height', String(height));
  background.setAttribute('fill', getComputedStyle(figure).backgroundColor || '#ffffff');
  clone.insertBefore(background, clone.firstChild);
  const text = `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}\n`;
  return { text, width, height };
}

/** Starts a download of `blob` named `name`. */
export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in some browsers; a minute is plenty.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Downloads the figure's main plot as SVG. */
export function downloadSvg(figure: Element, id: string): void {
  download(new Blob([figureSvg(figure).text], { type: 'image/svg+xml' }), `${id}.svg`);
}

/** Downloads the figure's main plot as a PNG at twice its size (sharp on high-density screens). */
export async function downloadPng(figure: Element, id: string): Promise<void> {
  const { text, width, height } = figureSvg(figure);
  const image = new Image();
  // A data: URL, not a blob: one: the page's img-src allows both, and data: needs no revoking.
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * 2);
  canvas.height = Math.round(height * 2);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2-D canvas');
  ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('the browser could not encode a PNG');
  download(blob, `${id}.png`);
}

/** Downloads a table as CSV. */
export function downloadCsv(table: CsvTable, id: string): void {
  download(new Blob([toCsv(table)], { type: 'text/csv;charset=utf-8' }), `${id}.csv`);
}
