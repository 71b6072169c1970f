/**
 * Build-time rendering of Plot options to an SVG string, with linkedom standing in for the
 * browser's document. Used only by .astro components (never shipped to the client).
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { stripMarkLabels } from '../lib/plots/strip-mark-labels.ts';

/** Renders Plot options to static SVG markup (or a figure's HTML when Plot adds a legend). */
export function renderPlotToString(options: Plot.PlotOptions): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const node = Plot.plot({ ...options, document: document as unknown as Document });
  return stripMarkLabels(node).outerHTML;
}
