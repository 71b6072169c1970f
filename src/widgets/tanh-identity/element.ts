/** `<af-tanh-identity>`: morph slider and zoom for the tanh = 2 sigma(2x) - 1 figure. */
import type { CsvTable } from '../shared/csv.ts';
import { LiveFigure } from '../shared/live-figure.ts';
import type { UrlCodec } from '../shared/url-codec.ts';
import type { IdentityState } from './model.ts';

type Model = typeof import('./model.ts');

class TanhIdentityElement extends LiveFigure<IdentityState, Model> {
  protected loadModel(): Promise<Model> {
    return import('./model.ts');
  }

  protected override urlCodec(): UrlCodec<IdentityState> {
    return this.model.identityUrl;
  }

  protected override csv(): CsvTable {
    return this.model.identityCsv(this.state);
  }

  protected setup(): void {
    this.find<HTMLInputElement>('[data-control="t"]').value = String(this.state.t);
    this.find<HTMLSelectElement>('[data-control="zoom"]').value = String(this.state.halfRange);
    this.find<HTMLInputElement>('[data-control="t"]').addEventListener('input', (e) => {
      this.update({ t: Number((e.target as HTMLInputElement).value) });
    });
    this.find<HTMLSelectElement>('[data-control="zoom"]').addEventListener('change', (e) => {
      this.update({ halfRange: Number((e.target as HTMLSelectElement).value) });
    });
  }

  protected render(): void {
    const host = this.find('.plot');
    const width = this.widthOf(host);
    const id = this.dataset.figureId ?? 'identity';
    this.draw(host, this.model.identityPlotOptions(this.state, width, id));
    this.draw(this.find('.plot-residual'), this.model.residualPlotOptions(this.state, width, id));
    this.setText('[data-out="t"]', this.state.t.toFixed(2));
    this.setText('[data-out="max"]', this.model.maxResidual(this.state).toFixed(1));
  }
}

if (!customElements.get('af-tanh-identity'))
  customElements.define('af-tanh-identity', TanhIdentityElement);
