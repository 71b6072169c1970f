/**
 * `<af-compare>`: once visible, shows all 18 functions in the legend as checkboxes and redraws
 * on every change.
 */
import type { CsvTable } from '../shared/csv.ts';
import { LiveFigure } from '../shared/live-figure.ts';
import type { UrlCodec } from '../shared/url-codec.ts';
import type { CompareMode, CompareState } from './model.ts';

type Model = typeof import('./model.ts');

class CompareElement extends LiveFigure<CompareState, Model> {
  protected loadModel(): Promise<Model> {
    return import('./model.ts');
  }

  protected override urlCodec(): UrlCodec<CompareState> {
    return this.model.compareUrl;
  }

  protected override csv(): CsvTable {
    return this.model.compareCsv(this.state);
  }

  protected setup(): void {
    // The state may come from the URL: the controls start from it, not from the build-time markup.
    this.find<HTMLSelectElement>('[data-control="mode"]').value = this.state.mode;
    this.find<HTMLSelectElement>('[data-control="zoom"]').value = String(this.state.halfRange);
    for (const label of this.querySelectorAll<HTMLLabelElement>('.picker label')) {
      label.hidden = false;
      const box = label.querySelector('input');
      if (!box) continue;
      box.disabled = false;
      box.checked = this.state.ids.includes(box.value as (typeof this.state.ids)[number]);
      box.addEventListener('change', () => {
        const boxes = this.querySelectorAll<HTMLInputElement>('.picker input:checked');
        this.update({ ids: this.model.normalizeIds(Array.from(boxes, (b) => b.value)) });
      });
    }
    this.find<HTMLSelectElement>('[data-control="mode"]').addEventListener('change', (e) => {
      this.update({ mode: (e.target as HTMLSelectElement).value as CompareMode });
    });
    this.find<HTMLSelectElement>('[data-control="zoom"]').addEventListener('change', (e) => {
      this.update({ halfRange: Number((e.target as HTMLSelectElement).value) });
    });
  }

  protected render(): void {
    const host = this.find('.plot');
    this.draw(
      host,
      this.model.comparePlotOptions(
        this.state,
        this.widthOf(host),
        this.dataset.figureId ?? 'compare',
      ),
    );
    const ids = this.model.normalizeIds(this.state.ids);
    for (const label of this.querySelectorAll<HTMLLabelElement>('.picker label')) {
      const i = ids.indexOf(label.dataset.id as (typeof ids)[number]);
      label.style.setProperty('--swatch', i >= 0 ? this.model.colorOf(i) : 'transparent');
    }
  }
}

if (!customElements.get('af-compare')) customElements.define('af-compare', CompareElement);
