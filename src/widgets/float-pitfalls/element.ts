/** `<af-float-pitfalls>`: a picker that switches the plotted textbook formula. */
import type { CsvTable } from '../shared/csv.ts';
import { LiveFigure } from '../shared/live-figure.ts';
import type { UrlCodec } from '../shared/url-codec.ts';
import type { PitfallState } from './model.ts';

type Model = typeof import('./model.ts');

class FloatPitfallsElement extends LiveFigure<PitfallState, Model> {
  protected loadModel(): Promise<Model> {
    return import('./model.ts');
  }

  protected override urlCodec(): UrlCodec<PitfallState> {
    return this.model.pitfallUrl;
  }

  protected override csv(): CsvTable {
    return this.model.pitfallCsv(this.state);
  }

  protected setup(): void {
    const picker = this.find<HTMLSelectElement>('[data-control="pitfall"]');
    picker.value = this.state.key;
    picker.addEventListener('change', (e) =>
      this.update({ key: (e.target as HTMLSelectElement).value }),
    );
  }

  protected render(): void {
    const host = this.find('.plot');
    const p = this.model.pitfallByKey(this.state.key);
    this.draw(
      host,
      this.model.pitfallPlotOptions(p, this.widthOf(host), this.dataset.figureId ?? 'pitfalls'),
    );
    this.setText('[data-out="failure"]', p.failure);
    // Every formula is typeset at build time (FloatPitfalls.astro): show the chosen one.
    for (const tex of this.querySelectorAll<HTMLElement>('[data-tex]'))
      tex.hidden = tex.dataset.tex !== p.key;
  }
}

if (!customElements.get('af-float-pitfalls'))
  customElements.define('af-float-pitfalls', FloatPitfallsElement);
