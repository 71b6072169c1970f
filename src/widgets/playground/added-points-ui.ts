/**
 * The DOM side of reader-added training points (the pure side is `added-points.ts`): clicking the
 * first boundary plot adds a point of the chosen class, "Clear" removes them all. The points live
 * in the hidden `pts` control, so they reach the URL and the run like any other setting.
 */
type ConfigModule = typeof import('./config.ts');

/** Wires the click-to-add plot and the clear button inside `root`; `changed` re-reads the controls. */
export function wireAddedPoints(
  root: HTMLElement,
  config: ConfigModule,
  on: (action: string, fn: () => void) => void,
  changed: () => void,
): void {
  const pts = root.querySelector<HTMLInputElement>('[data-param="pts"]');
  const cls = root.querySelector<HTMLSelectElement>('[data-add-class]');
  if (!pts || !cls) return;
  const set = (value: string): void => {
    pts.value = value;
    changed();
  };
  on('clear-points', () => set(''));
  root.querySelector('[data-view="boundary"][data-run="0"]')?.addEventListener('click', (e) => {
    const svg = (e.currentTarget as Element).querySelector('svg');
    if (!svg || !(e instanceof MouseEvent)) return;
    const box = svg.getBoundingClientRect();
    const p = config.planePoint(
      (e.clientX - box.left) / box.width,
      (e.clientY - box.top) / box.height,
      svg.viewBox.baseVal.width || box.width,
      config.BOUNDARY_MARGIN,
      config.EXTENT,
    );
    if (p) set(config.withPoint(pts.value, p.x, p.y, cls.value === '1', config.EXTENT));
  });
}
