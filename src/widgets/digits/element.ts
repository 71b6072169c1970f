/**
 * `<af-digits-lab>`: one experiment of "On real data", trained in a Web Worker when the reader
 * presses Train. State: the run's settings (seed, epochs, and the one setting the experiment
 * varies), read from and written to the URL under the figure id. Lifecycle: each press terminates
 * any run in progress, starts a fresh worker and bumps a generation counter, so a late message of
 * an old run is dropped; epochs stream in and are drawn on the next animation frame; the final
 * message brings the confusion matrix, the misread digits and the wall time. Nothing trains until
 * the press: no autoplay, whatever the reader's motion preference.
 */
import { curveColor } from '../../lib/palette.ts';
import { LiveFigure } from '../shared/live-figure.ts';
import type { UrlCodec } from '../shared/url-codec.ts';
import type { ExperimentId, LaneResult } from './experiments.ts';
import type { LaneView } from './model.ts';
import type { RunParams } from './params.ts';
import type { DigitsMessage, DigitsRequest } from './protocol.ts';
import { resultsTable } from './results.ts';
import { confusionTable, mistakeList, simpleTable } from './view.ts';

type Model = typeof import('./model.ts');

const pct = (v: number): string => `${(100 * v).toFixed(1)} %`;

class DigitsLabElement extends LiveFigure<RunParams, Model> {
  #worker: Worker | undefined;
  #gen = 0;
  #lanes: (LaneView & { result?: LaneResult })[] = [];
  /** Settings of the run on screen (the controls may have moved on since). */
  #ran: RunParams | undefined;

  get experiment(): ExperimentId {
    return (this.dataset.experiment ?? 'train') as ExperimentId;
  }

  protected loadModel(): Promise<Model> {
    return import('./model.ts');
  }

  protected override urlCodec(): UrlCodec<RunParams> {
    return this.model.digitsUrl(this.experiment);
  }

  disconnectedCallback(): void {
    this.#worker?.terminate();
    this.#worker = undefined;
  }

  protected setup(): void {
    for (const control of this.querySelectorAll<HTMLInputElement | HTMLSelectElement>(
      '[data-control]',
    )) {
      const key = control.dataset.control as keyof RunParams;
      control.value = String(this.state[key]);
      control.addEventListener('change', () => {
        if (key === 'act') return this.update({ act: control.value as RunParams['act'] });
        const value = Number(control.value);
        const input = control as HTMLInputElement;
        // A half-typed or out-of-range number keeps the last good value rather than breaking the run.
        if (Number.isFinite(value) && value >= Number(input.min) && value <= Number(input.max))
          this.update({ [key]: value });
        else control.value = String(this.state[key]);
      });
    }
    this.find<HTMLButtonElement>('[data-action="train"]').addEventListener('click', () =>
      this.#train(),
    );
  }

  #train(): void {
    this.#worker?.terminate();
    const gen = ++this.#gen;
    const params = this.state;
    this.#ran = params;
    this.#lanes = [];
    const progress = this.find<HTMLProgressElement>('progress');
    progress.hidden = false;
    progress.value = 0;
    this.dataset.done = 'false';
    this.setText('[data-out="status"]', 'Decoding the digits and starting a background thread…');
    this.setText(
      '[data-out="built-note"]',
      `Below: seed ${params.seed}, ${params.epochs} epochs, trained in this browser.`,
    );
    for (const el of this.querySelectorAll(
      '[data-out="confusion"], [data-out="mistakes"], [data-out="mistakes-title"], [data-out="results"]',
    ))
      el.replaceChildren();
    const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
    this.#worker = worker;
    const started = performance.now();
    worker.addEventListener('error', () =>
      this.#finish(gen, 'Training could not start in this browser.'),
    );
    worker.addEventListener('message', (event: MessageEvent<DigitsMessage>) => {
      const m = event.data;
      if (m.gen !== gen) return;
      if (m.type === 'start') {
        this.#lanes = m.labels.map((label) => ({ label, history: [], gradNorms: [] }));
        progress.max = m.labels.length * params.epochs;
      } else if (m.type === 'epoch') {
        const lane = this.#lanes[m.lane];
        if (!lane) return;
        this.#lanes[m.lane] = { ...lane, history: [...lane.history, m.point] };
        progress.value += 1;
        this.setText(
          '[data-out="status"]',
          `Training ${lane.label}: epoch ${m.point.epoch} of ${params.epochs}, test accuracy ${pct(m.point.testAccuracy)}.`,
        );
        this.dataset.accuracy = String(m.point.testAccuracy);
        this.schedule();
      } else if (m.type === 'lane') {
        this.#lanes[m.lane] = {
          label: m.result.label,
          history: m.result.history,
          gradNorms: m.result.gradNorms,
          result: m.result,
        };
        this.schedule();
      } else if (m.type === 'done') {
        const ms = this.#lanes.reduce((t, l) => t + (l.result?.trainMs ?? 0), 0);
        const epochs = this.#lanes.length * params.epochs;
        const wall = (performance.now() - started) / 1000;
        this.dataset.msPerEpoch = (ms / epochs).toFixed(1);
        this.#finish(
          gen,
          `Done in ${wall.toFixed(1)} s in this browser: ${epochs} epochs of training took ${(ms / 1000).toFixed(1)} s, ${(ms / epochs).toFixed(0)} ms an epoch of 1,437 images (test evaluation excluded).`,
        );
        this.#showResults();
      } else if (m.type === 'error') {
        this.#finish(gen, `Training stopped: ${m.message}.`);
      }
    });
    worker.postMessage({
      type: 'experiment',
      gen,
      experiment: this.experiment,
      params,
    } satisfies DigitsRequest);
  }

  #finish(gen: number, text: string): void {
    if (gen !== this.#gen) return;
    this.#worker?.terminate();
    this.#worker = undefined;
    this.setText('[data-out="status"]', text);
    this.dataset.done = 'true';
  }

  /** Tables and images that appear once every lane has finished. */
  #showResults(): void {
    const results = this.#lanes.flatMap((l) => (l.result ? [l.result] : []));
    const exp = this.experiment;
    const { head, rows } = resultsTable(exp, results);
    this.querySelector('[data-out="results"]')?.replaceChildren(
      simpleTable(head, rows, 'Result of each network after the last epoch'),
    );
    const first = results[0];
    if (exp === 'train' && first) {
      this.querySelector('[data-out="confusion"]')?.replaceChildren(
        confusionTable(
          first.confusion,
          `Confusion matrix of the ${first.label} network on the 360 test digits (seed ${this.#ran?.seed})`,
        ),
      );
      const wrong = first.confusion.reduce((n, v, i) => (i % 11 === 0 ? n : n + v), 0);
      this.setText(
        '[data-out="mistakes-title"]',
        `The ${wrong} test digits it misread${wrong > first.mistakes.length ? ` (the first ${first.mistakes.length})` : ''}, each as true class → class read:`,
      );
      // The build-time list is a <ul> already: move the new items into it.
      this.querySelector('[data-out="mistakes"]')?.replaceChildren(
        ...mistakeList(first.mistakes).childNodes,
      );
    }
  }

  protected render(): void {
    const epochs = this.#ran?.epochs ?? this.state.epochs;
    const id = this.dataset.figureId ?? 'digits';
    const curve = this.querySelector<HTMLElement>('[data-chart="curve"]');
    if (curve && this.#lanes.length > 0) {
      curve.hidden = false;
      this.draw(
        curve,
        this.model.curveOptions(
          this.#lanes,
          this.experiment === 'centring' ? 'trainLoss' : 'testAccuracy',
          epochs,
          this.widthOf(curve),
          id,
        ),
      );
    }
    const legend = this.querySelector<HTMLElement>('[data-out="legend"]');
    // Until a run starts, the build's legend (same lanes, same order) stays.
    if (
      legend &&
      this.#lanes.length > 0 &&
      legend.textContent !== this.#lanes.map((l) => l.label).join('')
    ) {
      legend.replaceChildren(
        ...this.#lanes.map((lane, i) => {
          const li = document.createElement('li');
          li.style.setProperty('--swatch', curveColor(i));
          const swatch = Object.assign(document.createElement('span'), { className: 'swatch' });
          swatch.setAttribute('aria-hidden', 'true');
          li.append(swatch, lane.label);
          return li;
        }),
      );
    }
    const gradients = this.querySelector<HTMLElement>('[data-chart="gradients"]');
    const finished = this.#lanes.filter((l) => l.gradNorms.length > 0);
    if (gradients && finished.length > 0) {
      gradients.hidden = false;
      this.draw(
        gradients,
        this.model.gradientOptions(finished, this.widthOf(gradients), `${id}-gradients`),
      );
    }
  }
}

if (!customElements.get('af-digits-lab')) customElements.define('af-digits-lab', DigitsLabElement);
