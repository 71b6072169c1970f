/**
 * The results table under each experiment, as text cells: one row per network after its last
 * epoch. Pure and engine-free, so the build (seed 1, for readers without JavaScript) and the page
 * (after a live run) print the same columns the same way.
 */
import type { ExperimentId, LaneResult } from './experiments.ts';

/** A lane's fields the table reads (what the worker sends back). */
type Row = Pick<LaneResult, 'label' | 'history' | 'gradNorms' | 'dead' | 'inactive'>;

const pct = (v: number): string => `${(100 * v).toFixed(1)} %`;
const shares = (values: readonly number[]): string =>
  values.map((d) => `${(100 * d).toFixed(0)} %`).join(', ');

/** Header and rows of an experiment's results table. */
export function resultsTable(
  experiment: ExperimentId,
  lanes: readonly Row[],
): { head: string[]; rows: string[][] } {
  const head = ['network', 'training loss', 'test accuracy'];
  if (experiment === 'depth') head.push('first-layer / output gradient');
  if (experiment === 'dead')
    head.push('dead units per hidden layer', 'inactive (z < 0) units per hidden layer');
  const rows = lanes.map((r) => {
    const last = r.history.at(-1);
    const row = [
      r.label,
      last ? last.trainLoss.toFixed(3) : '–',
      last ? pct(last.testAccuracy) : '–',
    ];
    if (experiment === 'depth') row.push((r.gradNorms[0]! / r.gradNorms.at(-1)!).toExponential(1));
    if (experiment === 'dead') row.push(shares(r.dead), shares(r.inactive));
    return row;
  });
  return { head, rows };
}
