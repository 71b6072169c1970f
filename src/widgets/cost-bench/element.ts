/**
 * `<af-cost-bench>`: "Measure on this device" starts a Web Worker that times every tuned kernel,
 * each followed by its textbook loop where it has one, and streams results; the chart and table
 * fill in as they arrive. A second click while a run is
 * going is ignored; a worker failure is reported in the status line.
 */
import type { KernelCost } from '../../lib/kernel-cost.ts';
import { LiveFigure } from '../shared/live-figure.ts';
import type { CostMessage, CostRequest } from './model.ts';

type Model = typeof import('./model.ts');

interface CostState {
  readonly costs: readonly KernelCost[];
}

class CostBenchElement extends LiveFigure<CostState, Model> {
  protected loadModel(): Promise<Model> {
    return import('./model.ts');
  }

  #worker: Worker | undefined;

  protected setup(): void {
    this.find('[data-action="run"]').addEventListener('click', () => this.#run());
  }

  protected render(): void {
    const host = this.find('.plot');
    if (this.state.costs.length > 0) {
      this.draw(
        host,
        this.model.costPlotOptions(
          this.state.costs,
          this.widthOf(host),
          this.dataset.figureId ?? 'cost',
        ),
      );
    }
    const relu = this.model.reluNs(this.state.costs);
    const rows = this.find('[data-out="rows"]');
    rows.replaceChildren(
      ...this.model.orderCosts(this.state.costs).map((c) => {
        const tr = document.createElement('tr');
        const th = document.createElement('th');
        th.scope = 'row';
        th.textContent = this.model.kernelName(c);
        const cells = [
          this.model.kernelCode(c),
          c.nsPerElement.toFixed(2),
          this.model.timesRelu(c.nsPerElement, relu),
        ].map((text) => {
          const td = document.createElement('td');
          td.textContent = text;
          return td;
        });
        tr.append(th, ...cells);
        return tr;
      }),
    );
  }

  #run(): void {
    if (this.#worker) return;
    const button = this.find<HTMLButtonElement>('[data-action="run"]');
    button.disabled = true;
    this.setText('[data-out="status"]', 'Measuring in a background thread…');
    const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
    this.#worker = worker;
    const costs: KernelCost[] = [];
    const derivative = this.find<HTMLInputElement>('[data-control="derivative"]').checked;
    const finish = (status: string): void => {
      worker.terminate();
      this.#worker = undefined;
      button.disabled = false;
      this.setText('[data-out="status"]', status);
      this.dataset.measured = 'true';
    };
    worker.addEventListener('message', (event: MessageEvent<CostMessage>) => {
      const m = event.data;
      if (m.type === 'result') {
        costs.push(m.cost);
        this.update({ costs: [...costs] });
      } else if (m.type === 'done') {
        finish(this.model.costSummary(costs, derivative));
      } else {
        finish(
          `The measurement failed: ${m.message}. The figures shown are from the last complete run.`,
        );
      }
    });
    worker.addEventListener('error', () =>
      finish(
        'The measurement could not start in this browser; the figures shown were measured in Chromium on a 2-core server.',
      ),
    );
    worker.postMessage({ type: 'run', derivative } satisfies CostRequest);
  }
}

if (!customElements.get('af-cost-bench')) customElements.define('af-cost-bench', CostBenchElement);
