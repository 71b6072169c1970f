/**
 * Reading and writing the playground's `data-param` controls as the URL table's strings. A
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
