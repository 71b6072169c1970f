/**
 * The kernel costs the site prints at build time (the cost figure's first render and the
 * property table's cost column), read from the committed result of `bench/shipped.ts`: every
 * kernel timed in Debian's Chromium on the production build. Timing during the build would make
 * two builds of one commit differ (and print the build machine's Node, not a browser); this way
 * the figures change only when someone reruns the benchmark and commits its result.
 */
import shipped from '../../../bench/results/shipped.json';
import { activationIds } from '../../lib/activations/types.ts';
import type { KernelCost, KernelForm } from '../../lib/kernel-cost.ts';

const forms: readonly KernelForm[] = ['tuned', 'textbook', 'baseline'];

/** The costs, checked: one tuned figure per activation and the copy baseline, all positive. */
function checkedCosts(raw: unknown): KernelCost[] {
  if (!Array.isArray(raw))
    throw new Error(
      'bench/results/shipped.json: chromiumCosts is missing; run `npx node bench/shipped.ts`',
    );
  const costs = raw.map((c: { id?: unknown; form?: unknown; nsPerElement?: unknown }, i) => {
    const ok =
      (activationIds.includes(c.id as never) || c.id === 'copy') &&
      forms.includes(c.form as KernelForm) &&
      typeof c.nsPerElement === 'number' &&
      c.nsPerElement > 0;
    if (!ok)
      throw new Error(
        `bench/results/shipped.json: chromiumCosts[${i}] is not a kernel cost: ${JSON.stringify(c)}`,
      );
    return c as KernelCost;
  });
  const missing = [...activationIds, 'copy' as const].filter(
    (id) => !costs.some((c) => c.id === id && c.form !== 'textbook'),
  );
  if (missing.length)
    throw new Error(
      `bench/results/shipped.json: no cost for ${missing.join(', ')}; rerun \`npx node bench/shipped.ts\``,
    );
  return costs;
}

/** Tuned, textbook and baseline ns per element, in the shape `measureCosts` returns. */
export const shippedCosts: readonly KernelCost[] = checkedCosts(shipped.chromiumCosts);

/** Where and when they were measured, e.g. `Chromium 156 on 2026-12-04`. */
export const shippedCostsSource = `Chromium ${shipped.chromium.split('.')[0]} on ${shipped.date.slice(0, 10)}`;
