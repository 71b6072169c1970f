/**
 * What every Observable Plot figure goes through before it is shown, at build time (linkedom's
 * DOM) and in the browser alike. It touches only the node given.
 *
 * - Mark labels. Plot puts `aria-label` on each mark's `<g>` ("line", "rule"...). ARIA prohibits
 *   a label on an element with no role, and axe reports it as serious. Each figure is labelled as
 *   a whole (an image with a description, plus a data table), so the per-mark labels go.
 * - Plot's `<style>`. Plot writes one into every figure, scoped to the figure's class: the same
 *   two rules each time, which the site's stylesheet gives every plot once (`.af-plot` in
 *   src/styles/global.css). Each one was a stylesheet of its own for the browser to add while
 *   the page parsed (14 on the Beyond lesson): with them, activating the page's stylesheets
 *   (StyleEngine::updateActiveStyleSheets) took 6.8 and 10.9 ms of main thread at full speed over
 *   the load, and 3.3-3.6 ms without (traces of 2 and 4 loads). The root gets the `af-plot`
 *   class those rules select.
 */
interface PlotNode {
  querySelectorAll(selector: string): Iterable<{ removeAttribute(name: string): void }>;
  querySelector(selector: string): { remove(): void } | null;
  classList: { add(name: string): void };
}

export function tidyPlot<T extends PlotNode>(root: T): T {
  for (const g of root.querySelectorAll('g[aria-label]')) g.removeAttribute('aria-label');
  root.querySelector(':scope > style')?.remove();
  root.classList.add('af-plot');
  return root;
}
