/** `<af-float-pitfalls>`: a picker that switches the plotted textbook formula. */
import { LiveFigure } from '../shared/live-figure.ts';

type Model = typeof import('./model.ts');

interface PitfallState {
  readonly key: string;
}

class FloatPitfallsElement extends LiveFigure<PitfallState, Model> {
  protected loadModel(): Promise<Model> {
    return import('./model.ts');
  }

  protected setup(): void {
    this.find<HTMLSelectElement>('[data-control="pitfall"]').addEventListener('change', (e) => {
      this.update({ key: (e.target as HTMLSelectElement).value });
      void this.#renderTex();
    });
  }

  protected render(): void {
    const host = this.find('.plot');
    const p = this.model.pitfallByKey(this.state.key);
    this.draw(host, this.model.pitfallPlotOptions(p, this.widthOf(host), this.dataset.figureId ?? 'pitfalls'));
    this.setText('[data-out="failure"]', p.failure);
  }

  async #renderTex(): Promise<void> {
    const { renderTex } = await import('../../lib/tex.ts');
    this.find('[data-out="tex"]').innerHTML = renderTex(this.model.pitfallByKey(this.state.key).tex, true);
  }
}

if (!customElements.get('af-float-pitfalls')) customElements.define('af-float-pitfalls', FloatPitfallsElement);
