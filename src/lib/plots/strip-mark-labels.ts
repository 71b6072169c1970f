/**
 * Observable Plot puts `aria-label` on each mark's `<g>` ("line", "rule"...). ARIA prohibits a
 * label on an element with no role, and axe reports it as serious. Each figure is labelled as a
 * whole (an image with a description, plus a data table), so the per-mark labels are removed.
 * Works on any DOM (the browser's or linkedom's at build time): it touches only the node given.
 */
export function stripMarkLabels<
  T extends {
    querySelectorAll(selector: string): Iterable<{ removeAttribute(name: string): void }>;
  },
>(root: T): T {
  for (const g of root.querySelectorAll('g[aria-label]')) g.removeAttribute('aria-label');
  return root;
}
