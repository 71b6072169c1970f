/**
 * Reading and writing the playground's `data-param` controls as the URL table's values. A
 * checkbox stands for a two-value setting and names its values in `data-on` and `data-off`
 * (`showtest` is `yes` or `no`), so it goes through the same table as a select.
 */
type Control = HTMLInputElement | HTMLSelectElement;

/** Shows `value` in a control. */
export function writeControl(el: Control, value: string | number): void {
  if (el instanceof HTMLInputElement && el.type === 'checkbox')
    el.checked = String(value) === el.dataset.on;
  else el.value = String(value);
}

/** The setting a control holds, as the URL would write it. */
export function readControl(el: Control): string {
  if (el instanceof HTMLInputElement && el.type === 'checkbox')
    return (el.checked ? el.dataset.on : el.dataset.off) ?? '';
  return el.value;
}

/** Every `data-param` control inside `root`. */
function controlsOf(root: HTMLElement): Control[] {
  return [...root.querySelectorAll<Control>('[data-param]')];
}

/** Shows each setting that has a control inside `root`. */
export function writeControls(
  root: HTMLElement,
  values: Readonly<Record<string, string | number>>,
): void {
  for (const el of controlsOf(root)) {
    const key = el.dataset.param ?? '';
    if (Object.hasOwn(values, key)) writeControl(el, values[key] ?? '');
  }
}

/**
 * The settings the controls inside `root` hold, keyed by setting, as the URL would write them: the
 * record the URL codec checks (url-codec.ts `stateFromRecord`), with no query string in between.
 */
export function readControls(root: HTMLElement): Record<string, string> {
  const record: Record<string, string> = {};
  for (const el of controlsOf(root)) record[el.dataset.param ?? ''] = readControl(el);
  return record;
}

/** The problem picker is not a setting of its own: choosing one picks the first dataset of its kind. */
export function wireProblem(root: HTMLElement, changed: () => void): void {
  root.querySelector<HTMLSelectElement>('[data-problem]')?.addEventListener('change', (e) => {
    const data = root.querySelector<HTMLSelectElement>('[data-param="data"]');
    const first = data?.querySelector<HTMLOptionElement>(
      `optgroup[data-problem-group="${(e.target as HTMLSelectElement).value}"] option`,
    );
    if (!data || !first) return;
    data.value = first.value;
    changed();
  });
}
