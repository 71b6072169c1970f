/** `<af-chain-rule>`: depth, weight, bias, input mean, spread and seed controls over the chain-rule product. */
import type { CsvTable } from '../shared/csv.ts';
import { LiveFigure } from '../shared/live-figure.ts';
import type { UrlCodec } from '../shared/url-codec.ts';
import type { ChainRuleState } from './model.ts';

type Model = typeof import('./model.ts');

const keys = ['depth', 'weight', 'bias', 'mean', 'spread', 'seed'] as const;

class ChainRuleElement extends LiveFigure<ChainRuleState, Model> {
  protected loadModel(): Promise<Model> {
    return import('./model.ts');
  }

  protected override urlCodec(): UrlCodec<ChainRuleState> {
    return this.model.chainUrl;
  }

  protected override csv(): CsvTable {
    return this.model.chainCsv(this.state);
  }

  protected setup(): void {
    for (const key of keys) {
      const control = this.find<HTMLInputElement>(`[data-control="${key}"]`);
      control.value = String(this.state[key]);
      control.addEventListener('input', (e) => {
        const input = e.target as HTMLInputElement;
        const value = Number(input.value);
        const [lo, hi] = [Number(input.min), Number(input.max)];
        // A half-typed or out-of-range seed keeps the last good value rather than breaking the figure.
        if (Number.isFinite(value) && value >= lo && value <= hi) this.update({ [key]: value });
      });
    }
  }

  protected render(): void {
    const host = this.find('.plot');
    this.draw(
      host,
      this.model.chainPlotOptions(this.state, this.widthOf(host), this.dataset.figureId ?? 'chain'),
    );
    const k = Math.round(this.state.depth);
    for (const { id, products } of this.model.chainProducts(this.state))
      this.setText(`[data-readout="${id}"]`, this.model.formatProduct(products[k - 1] ?? NaN));
    this.setText(
      '[data-readout="bound"]',
      this.model.formatProduct(this.model.sigmoidBound(k, this.state.weight)),
    );
    this.setText('[data-out="depth"]', String(k));
    this.setText('[data-out="weight"]', this.state.weight.toFixed(1));
    this.setText('[data-out="bias"]', this.state.bias.toFixed(1));
    this.setText('[data-out="mean"]', this.state.mean.toFixed(1));
    this.setText('[data-out="spread"]', this.state.spread.toFixed(1));
  }
}

if (!customElements.get('af-chain-rule')) customElements.define('af-chain-rule', ChainRuleElement);
