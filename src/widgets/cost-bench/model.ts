/**
 * Cost widget as pure functions: the worker's messages and the bar chart of ns/element.
 */
import * as Plot from '@observablehq/plot';
import { activations } from '../../lib/activations/index.ts';
import type { KernelCost } from '../../lib/kernel-cost.ts';

/** Page to worker: start a run. */
export interface CostRequest {
  readonly type: 'run';
  readonly derivative: boolean;
}

/** Worker to page: one result, the end of the run, or a failure. */
export type CostMessage =
  | { readonly type: 'result'; readonly cost: KernelCost }
  | { readonly type: 'done' }
  | { readonly type: 'error'; readonly message: string };

/** Display name of a measured kernel. */
export function kernelName(id: KernelCost['id']): string {
  return id === 'copy' ? 'array copy (baseline)' : activations[id].name;
}

/** Bar chart of ns/element, fastest first, ReLU and the baseline highlighted. */
export function costPlotOptions(costs: readonly KernelCost[], width: number, figureId: string): Plot.PlotOptions {
  const rows = [...costs]
    .sort((a, b) => a.nsPerElement - b.nsPerElement)
    .map((c) => ({ name: kernelName(c.id), ns: c.nsPerElement, highlight: c.id === 'relu' || c.id === 'copy' }));
  return {
    width,
    height: 28 + rows.length * 20,
    marginLeft: Math.min(170, Math.round(width * 0.4)),
    className: `af-plot-${figureId}`,
    ariaDescription: 'Bar chart of nanoseconds per element for each activation, fastest first.',
    style: { background: 'transparent', overflow: 'visible' },
    x: { label: 'ns per element', grid: true },
    y: { label: null, domain: rows.map((r) => r.name) },
    marks: [
      Plot.barX(rows, { x: 'ns', y: 'name', fill: (d: { highlight: boolean }) => (d.highlight ? 'var(--curve-2)' : 'var(--curve-1)') }),
      Plot.text(rows, { x: 'ns', y: 'name', text: (d: { ns: number }) => d.ns.toFixed(2), textAnchor: 'start', dx: 4, fill: 'currentColor' }),
    ],
  };
}
