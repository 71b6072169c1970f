/**
 * `<af-activation-plot>`: takes over the build-time SVG when the figure scrolls into view and
 * redraws it at the container's real width (and again on resize). Plot and the registry load
 * only then, so a reader who never reaches the figure downloads neither.
 */
import type { CsvTable } from '../shared/csv.ts';
import { LiveFigure } from '../shared/live-figure.ts';
import type { ActivationPlotConfig } from './figure.ts';

type Model = typeof import('./figure.ts');

class ActivationPlotElement extends LiveFigure<ActivationPlotConfig, Model> {
  protected loadModel(): Promise<Model> {
    return import('./figure.ts');
  }

  protected setup(): void {}

  protected override csv(): CsvTable {
    return this.model.activationPlotCsv(this.state);
  }

  protected render(): void {
    const host = this.find('.plot');
    this.draw(host, this.model.activationPlotOptions(this.state, this.widthOf(host)));
  }
}

if (!customElements.get('af-activation-plot'))
  customElements.define('af-activation-plot', ActivationPlotElement);
