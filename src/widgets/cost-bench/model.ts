/**
 * Cost widget as pure functions: the worker's messages, the order and names of the measured
 * kernels, the bar chart of ns/element and the one-line summary of a finished run.
 */
import * as Plot from '@observablehq/plot';
import { activations } from '../../lib/activations/index.ts';
import type { KernelCost } from '../../lib/kernel-cost.ts';
import { textbookKernels } from '../../lib/textbook-kernels.ts';

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

/** Display name of a measured kernel: the function's name, and which code ran. */
export function kernelName(cost: Pick<KernelCost, 'id' | 'form'>): string {
  if (cost.id === 'copy') return 'array copy (baseline)';
  const name = activations[cost.id].name;
  return cost.form === 'textbook' ? `${name}, textbook` : name;
}

/** The code a measurement ran, in words (the textbook formula, or which kernel). */
export function kernelCode(cost: Pick<KernelCost, 'id' | 'form'>): string {
  if (cost.id === 'copy') return 'Float64Array.set';
  if (cost.form === 'textbook') return textbookKernels[cost.id]?.formula ?? '';
  return 'this site’s kernel';
}

/**
 * The kernels in display order: the baseline first, then the tuned kernels from fastest to
 * slowest, each followed at once by its textbook loop, so a pair reads as a pair.
 */
export function orderCosts(costs: readonly KernelCost[]): KernelCost[] {
  const textbook = new Map(costs.filter((c) => c.form === 'textbook').map((c) => [c.id, c]));
  const others = costs
    .filter((c) => c.form !== 'textbook')
    .sort((a, b) =>
      a.form === 'baseline' ? -1 : b.form === 'baseline' ? 1 : a.nsPerElement - b.nsPerElement,
    );
  const ordered = others.flatMap((c) => {
    const pair = textbook.get(c.id);
    return pair ? [c, pair] : [c];
  });
  // A textbook result whose tuned kernel has not arrived yet (mid-run) still shows, at the end.
  for (const c of textbook.values()) if (!ordered.includes(c)) ordered.push(c);
  return ordered;
}

/** ns/element of ReLU's tuned kernel in a run, or NaN before it is measured. */
export function reluNs(costs: readonly KernelCost[]): number {
  return costs.find((c) => c.id === 'relu' && c.form === 'tuned')?.nsPerElement ?? NaN;
}

/** A time relative to ReLU's, as the chart and the table print it (`3.1×`; empty without ReLU). */
export function timesRelu(ns: number, relu: number): string {
  const r = ns / relu;
  return Number.isFinite(r) ? `${r < 10 ? r.toFixed(1) : r.toFixed(0)}×` : '';
}

/** Bar fill per form: tuned kernels, their textbook loops, and the two references (ReLU, copy). */
export const formColors = {
  tuned: 'var(--curve-1)',
  textbook: 'var(--curve-3)',
  reference: 'var(--curve-2)',
} as const;

/** Bar chart of ns/element in {@link orderCosts} order, each bar labelled with its ratio to ReLU. */
export function costPlotOptions(
  costs: readonly KernelCost[],
  width: number,
  figureId: string,
): Plot.PlotOptions {
  const relu = reluNs(costs);
  const rows = orderCosts(costs).map((c) => ({
    name: kernelName(c),
    ns: c.nsPerElement,
    label: `${c.nsPerElement.toFixed(2)}${Number.isFinite(relu) ? ` · ${timesRelu(c.nsPerElement, relu)} ReLU` : ''}`,
    fill:
      c.form === 'textbook'
        ? formColors.textbook
        : c.id === 'relu' || c.id === 'copy'
          ? formColors.reference
          : formColors.tuned,
  }));
  const longest = Math.max(0, ...rows.map((r) => r.ns));
  return {
    width,
    height: 28 + rows.length * 20,
    // The longest name, GELU's tanh approximation with ", textbook", needs about 220 px.
    marginLeft: Math.min(230, Math.round(width * 0.45)),
    // Room for the longest bar's label, which sits past its end.
    marginRight: 96,
    className: `af-plot-${figureId}`,
    ariaDescription:
      'Bar chart of nanoseconds per element for each activation: the baseline copy, then each tuned kernel from fastest to slowest, each followed by its textbook loop where it has one.',
    style: { background: 'transparent', overflow: 'visible' },
    x: { label: 'ns per element', grid: true, domain: [0, longest || 1] },
    y: { label: null, domain: rows.map((r) => r.name) },
    marks: [
      Plot.barX(rows, { x: 'ns', y: 'name', fill: 'fill' }),
      Plot.text(rows, {
        x: 'ns',
        y: 'name',
        text: 'label',
        textAnchor: 'start',
        dx: 4,
        fill: 'currentColor',
      }),
    ],
  };
}

/**
 * What a finished run found, in one sentence: ReLU's time, then sigmoid and tanh as tuned kernel
 * and textbook loop against ReLU (the comparison the ReLU lesson's prose points to), then the
 * slowest kernel measured. `derivative` says which of f and f' the run timed.
 */
export function costSummary(costs: readonly KernelCost[], derivative: boolean): string {
  const relu = reluNs(costs);
  const find = (id: KernelCost['id'], form: KernelCost['form']) =>
    costs.find((c) => c.id === id && c.form === form);
  const pairs = (['sigmoid', 'tanh'] as const).flatMap((id) => {
    const tuned = find(id, 'tuned');
    const textbook = find(id, 'textbook');
    if (!tuned || !textbook) return [];
    return [
      `${activations[id].name} ${timesRelu(tuned.nsPerElement, relu)} ReLU tuned, ${timesRelu(textbook.nsPerElement, relu)} as the textbook ${textbookKernels[id]?.formula}`,
    ];
  });
  const measured = costs.filter((c) => c.form !== 'baseline');
  const slowest = measured.reduce<KernelCost | undefined>(
    (a, c) => (a === undefined || c.nsPerElement > a.nsPerElement ? c : a),
    undefined,
  );
  const parts = [`ReLU ${relu.toFixed(2)} ns per element`, ...pairs];
  if (slowest)
    parts.push(`slowest: ${kernelName(slowest)} at ${timesRelu(slowest.nsPerElement, relu)} ReLU`);
  return `Measured on this device${derivative ? ', timing f′' : ''}: ${parts.join('; ')}.`;
}
