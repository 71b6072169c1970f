/**
 * The social card (Open Graph / Twitter image) of a page as an SVG string: the site name, the
 * page title, its description and the curves of its activations, sampled from the shared
 * registry through the same sampler as every figure. Pure: no DOM, no fonts loaded here; the
 * build rasterises the string to a 1200 x 630 PNG (src/pages/og/[card].png.ts).
 *
 * Text is wrapped by an estimated glyph width, not measured: the rasteriser has no layout engine
 * for us to ask, and the card only needs lines that never overflow, so the estimate errs wide.
 * The output depends only on its input, so a rebuild gives byte-identical images.
 */
import { getActivation, type ActivationId } from './activations/index.ts';
import { sampleActivation, type Domain } from './plots/curves.ts';

/** Size of every card: the 1.91:1 image that Open Graph and summary_large_image expect. */
export const cardWidth = 1200;
export const cardHeight = 630;

/** What a card shows. */
export interface CardInput {
  /** The page title, drawn large. */
  readonly title: string;
  /** One or two sentences under it; cut with an ellipsis past three lines. */
  readonly description: string;
  /** Activations drawn on the right, first one emphasised; at least one. */
  readonly ids: readonly ActivationId[];
  /** The family name of the font the rasteriser has loaded. */
  readonly fontFamily: string;
}

/** The light theme's palette (src/styles/global.css), so the card looks like the site. */
const palette = {
  bg: '#fdfdfc',
  panel: '#f3f3f0',
  fg: '#1d1d1f',
  muted: '#5b5b63',
  border: '#d9d9d4',
  accent: '#b4441f',
  curves: ['#1f6fd0', '#c7441c', '#13855f', '#8a3fbf', '#b3750b', '#c2307a'],
} as const;

/**
 * Average advance of a glyph as a fraction of the font size (KaTeX's sans serif, measured on the
 * lesson texts and rounded up), regular and bold.
 */
const glyphWidth = 0.5;
const boldGlyphWidth = 0.52;

/** Title sizes tried from the largest down. */
const titleSizes = [84, 72, 64, 56, 48] as const;

/**
 * Typographic punctuation that the card font lacks, as ASCII. The rasteriser falls back to
 * another font for a whole run when one glyph is missing, so one curly apostrophe would set a
 * whole line in a serif face.
 */
export function plainPunctuation(text: string): string {
  return text
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2013\u2014\u2212]/g, '-')
    .replace(/\u2026/g, '...')
    .replace(/\u00a0/g, ' ');
}

/**
 * Greedy word wrap to lines of at most `maxWidth` px at `fontSize`, at most `maxLines`, the
 * last one ending in "..." when text was cut. `em` is the glyph advance as a fraction of the size.
 */
export function wrapText(
  text: string,
  fontSize: number,
  maxWidth: number,
  maxLines: number,
  em = glyphWidth,
): string[] {
  const perLine = Math.max(1, Math.floor(maxWidth / (fontSize * em)));
  const lines: string[] = [];
  let line = '';
  for (const word of plainPunctuation(text)
    .split(/\s+/)
    .filter((w) => w !== '')) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (candidate.length <= perLine || line === '') {
      line = candidate;
    } else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== '') lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  const last = kept[maxLines - 1] ?? '';
  // Trim the last kept line so the ellipsis still fits within the width.
  kept[maxLines - 1] = `${last.slice(0, Math.max(0, perLine - 3)).replace(/[\s,.;:]+\S*$/, '')}...`;
  return kept;
}

/** Escapes text for an SVG text node or attribute. */
function escapeXml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** The plot panel, in card pixels. */
const panel = { x: 700, y: 120, w: 440, h: 400 } as const;
const domain: Domain = [-5, 5];

/** SVG path data of each activation over `domain`, scaled into the panel with a shared y range. */
function curvePaths(ids: readonly ActivationId[]): {
  paths: string[];
  zeroY: number | undefined;
  zeroX: number;
} {
  const sampled = ids.map((id) => sampleActivation(getActivation(id), domain, { samples: 201 }));
  let lo = Infinity;
  let hi = -Infinity;
  for (const { ys } of sampled) {
    for (const y of ys) {
      if (Number.isFinite(y)) {
        lo = Math.min(lo, y);
        hi = Math.max(hi, y);
      }
    }
  }
  if (!(hi - lo > 1e-9)) {
    lo -= 1;
    hi += 1;
  }
  // A margin of 8% keeps flat asymptotes off the panel's edge.
  const margin = (hi - lo) * 0.08;
  lo -= margin;
  hi += margin;
  const px = (x: number): number => panel.x + ((x - domain[0]) / (domain[1] - domain[0])) * panel.w;
  const py = (y: number): number => panel.y + (1 - (y - lo) / (hi - lo)) * panel.h;
  const paths = sampled.map(({ xs, ys }) => {
    let d = '';
    let pen = false;
    for (let i = 0; i < xs.length; i++) {
      const y = ys[i] ?? NaN;
      if (!Number.isFinite(y)) {
        pen = false;
        continue;
      }
      d += `${pen ? 'L' : 'M'}${px(xs[i] ?? 0).toFixed(1)},${py(y).toFixed(1)}`;
      pen = true;
    }
    return d;
  });
  return { paths, zeroY: lo <= 0 && hi >= 0 ? py(0) : undefined, zeroX: px(0) };
}

/** The card as a standalone SVG document of {@link cardWidth} x {@link cardHeight}. */
export function cardSvg(input: CardInput): string {
  if (input.ids.length === 0) throw new Error(`card "${input.title}" names no activation to draw`);
  const font = escapeXml(input.fontFamily);
  // The largest size at which the whole title fits on two lines; a title is never cut.
  const titleSize =
    titleSizes.find(
      (size) => wrapText(input.title, size, 600, Infinity, boldGlyphWidth).length <= 2,
    ) ?? 48;
  const titleLines = wrapText(input.title, titleSize, 600, Infinity, boldGlyphWidth);
  const descSize = 28;
  const descLines = wrapText(input.description, descSize, 600, 4);
  const titleTop = 215;
  const descTop = titleTop + (titleLines.length - 1) * titleSize * 1.1 + 70;
  const { paths, zeroY, zeroX } = curvePaths(input.ids);
  const text = (
    lines: string[],
    x: number,
    y: number,
    size: number,
    lead: number,
    attrs: string,
  ): string =>
    `<text x="${x}" y="${y}" font-size="${size}" ${attrs}>${lines
      .map(
        (l, i) =>
          `<tspan x="${x}" dy="${i === 0 ? 0 : (size * lead).toFixed(1)}">${escapeXml(l)}</tspan>`,
      )
      .join('')}</text>`;
  let legendX = panel.x;
  const legend = input.ids
    .slice(0, 4)
    .map((id, i) => {
      const y = panel.y + panel.h + 48;
      const x = legendX;
      const name = getActivation(id).name;
      legendX += 30 + plainPunctuation(name).length * 22 * glyphWidth + 28;
      const color = palette.curves[i % palette.curves.length] ?? palette.fg;
      return `<rect x="${x.toFixed(0)}" y="${y - 12}" width="22" height="6" rx="3" fill="${color}"/><text x="${(x + 30).toFixed(0)}" y="${y - 3}" font-size="22" fill="${palette.muted}">${escapeXml(plainPunctuation(name))}</text>`;
    })
    .join('');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${cardWidth}" height="${cardHeight}" viewBox="0 0 ${cardWidth} ${cardHeight}" font-family="${font}">`,
    `<rect width="${cardWidth}" height="${cardHeight}" fill="${palette.bg}"/>`,
    `<rect x="0" y="0" width="${cardWidth}" height="12" fill="${palette.accent}"/>`,
    `<text x="64" y="100" font-size="30" font-weight="bold" fill="${palette.accent}">Activation Notebook</text>`,
    text(titleLines, 64, titleTop, titleSize, 1.1, `font-weight="bold" fill="${palette.fg}"`),
    text(descLines, 64, descTop, descSize, 1.4, `fill="${palette.muted}"`),
    `<rect x="${panel.x - 20}" y="${panel.y - 20}" width="${panel.w + 40}" height="${panel.h + 40}" rx="16" fill="${palette.panel}"/>`,
    zeroY === undefined
      ? ''
      : `<line x1="${panel.x}" x2="${panel.x + panel.w}" y1="${zeroY.toFixed(1)}" y2="${zeroY.toFixed(1)}" stroke="${palette.border}" stroke-width="2"/>`,
    `<line x1="${zeroX.toFixed(1)}" x2="${zeroX.toFixed(1)}" y1="${panel.y}" y2="${panel.y + panel.h}" stroke="${palette.border}" stroke-width="2"/>`,
    // Draw the first curve last so the page's own activation sits on top.
    ...paths
      .map(
        (d, i) =>
          `<path d="${d}" fill="none" stroke="${palette.curves[i % palette.curves.length] ?? palette.fg}" stroke-width="${i === 0 ? 7 : 4}" stroke-linejoin="round" stroke-linecap="round"/>`,
      )
      .reverse(),
    legend,
    `</svg>`,
  ].join('');
}
