/**
 * `<af-explorer>`: zoom, parameter sliders and a cursor moved by pointer or arrow keys. KaTeX
 * loads on the first parameter change only (until then the build-time formulas are right).
 */
import { getActivation } from '../../lib/activations/index.ts';
import type { Activation } from '../../lib/activations/types.ts';
import type { CsvTable } from '../shared/csv.ts';
import { LiveFigure } from '../shared/live-figure.ts';
import type { UrlCodec } from '../shared/url-codec.ts';
import type { ExplorerState } from './model.ts';

type Model = typeof import('./model.ts');

const keyMoves: Readonly<Record<string, number>> = {
  ArrowLeft: -1,
  ArrowDown: -1,
  ArrowRight: 1,
  ArrowUp: 1,
  PageDown: -10,
  PageUp: 10,
};

class ExplorerElement extends LiveFigure<ExplorerState, Model> {
  protected loadModel(): Promise<Model> {
    return import('./model.ts');
  }

  protected override urlCodec(): UrlCodec<ExplorerState> {
    return this.model.explorerUrl;
  }

  protected override csv(): CsvTable {
    return this.model.explorerCsv(this.state);
  }

  #xScale: { invert(px: number): number } | undefined;
  /** Parameters the formulas on screen were rendered with (the build-time defaults at first). */
  #formulaParams = '';

  protected setup(): void {
    this.#formulaParams = JSON.stringify(this.initial.params);
    const host = this.find('.plot');
    host.tabIndex = 0;
    host.setAttribute('role', 'slider');
    host.setAttribute('aria-label', 'Cursor position on the x axis (arrow keys move it)');
    // The first redraw waits for the reader (LiveFigure), but a slider needs its value now.
    this.#describe(host);
    host.addEventListener('keydown', (e) => this.#onKey(e));
    host.addEventListener('pointermove', (e) => this.#onPointer(e));
    host.addEventListener('pointerdown', (e) => this.#onPointer(e));
    this.find<HTMLInputElement>('[data-control="cursor"]').addEventListener('input', (e) => {
      this.update({ cursor: Number((e.target as HTMLInputElement).value) });
    });
    this.find<HTMLSelectElement>('[data-control="zoom"]').addEventListener('change', (e) => {
      const halfRange = Number((e.target as HTMLSelectElement).value);
      this.update({
        halfRange,
        cursor: this.model.clamp(this.state.cursor, -halfRange, halfRange),
      });
    });
    for (const slider of this.querySelectorAll<HTMLInputElement>('input[data-param]')) {
      slider.addEventListener('input', () => {
        this.update({
          params: { ...this.state.params, [slider.dataset.param ?? '']: Number(slider.value) },
        });
      });
    }
    this.find('[data-action="reset"]').addEventListener('click', () => this.update(this.initial));
  }

  protected render(): void {
    const host = this.find('.plot');
    const s = this.state;
    const figure = this.draw(
      host,
      this.model.explorerPlotOptions(s, this.widthOf(host), this.dataset.figureId ?? 'explorer'),
    );
    this.#xScale = figure.scale('x') as { invert(px: number): number };
    const r = this.model.readout(s);
    this.setText('[data-readout="x"]', this.model.formatFull(r.x));
    this.setText('[data-readout="f"]', this.model.formatFull(r.f));
    this.setText('[data-readout="df"]', this.model.formatFull(r.df));
    this.#describe(host);
    const cursor = this.find<HTMLInputElement>('[data-control="cursor"]');
    cursor.min = String(-s.halfRange);
    cursor.max = String(s.halfRange);
    cursor.step = String(s.halfRange / 50);
    cursor.value = String(s.cursor);
    this.find<HTMLSelectElement>('[data-control="zoom"]').value = String(s.halfRange);
    this.#syncParams();
  }

  /** The cursor slider's range and value, for assistive technology. */
  #describe(host: HTMLElement): void {
    const s = this.state;
    const r = this.model.readout(s);
    host.setAttribute('aria-valuemin', String(-s.halfRange));
    host.setAttribute('aria-valuemax', String(s.halfRange));
    host.setAttribute('aria-valuenow', String(r.x));
    host.setAttribute(
      'aria-valuetext',
      `x = ${this.model.formatFull(r.x)}, f(x) = ${this.model.formatFull(r.f)}, f'(x) = ${this.model.formatFull(r.df)}`,
    );
  }

  #onKey(e: KeyboardEvent): void {
    let cursor: number | undefined;
    const move = keyMoves[e.key];
    if (move !== undefined)
      cursor = this.model.stepCursor(this.state, move * (e.shiftKey ? 10 : 1));
    else if (e.key === 'Home') cursor = -this.state.halfRange;
    else if (e.key === 'End') cursor = this.state.halfRange;
    else if (e.key === '0') cursor = 0;
    if (cursor === undefined) return;
    e.preventDefault();
    this.update({ cursor });
  }

  #onPointer(e: PointerEvent): void {
    // A touch that is only scrolling the page must not drag the cursor.
    if (!this.#xScale || (e.type === 'pointermove' && e.pointerType === 'touch' && e.buttons === 0))
      return;
    const svg = this.querySelector('.plot svg');
    if (!(svg instanceof SVGSVGElement)) return;
    const box = svg.getBoundingClientRect();
    const px = ((e.clientX - box.left) / box.width) * (svg.viewBox.baseVal.width || box.width);
    const x = this.#xScale.invert(px);
    if (Number.isFinite(x))
      this.update({
        cursor: this.model.clamp(
          Number(x.toPrecision(6)),
          -this.state.halfRange,
          this.state.halfRange,
        ),
      });
  }

  #syncParams(): void {
    const activation = getActivation(this.state.activation);
    const params = this.model.resolvedParams(activation, this.state.params);
    for (const slider of this.querySelectorAll<HTMLInputElement>('input[data-param]')) {
      const spec = activation.params.find((p) => p.name === slider.dataset.param);
      if (!spec) continue;
      const value = params[spec.name] ?? spec.default;
      slider.value = String(value);
      const out = slider.nextElementSibling;
      if (out instanceof HTMLOutputElement) out.value = this.model.formatParam(value, spec);
    }
    const key = JSON.stringify(params);
    if (key !== this.#formulaParams) {
      this.#formulaParams = key;
      void this.#renderFormulas(activation, params);
    }
  }

  async #renderFormulas(activation: Activation, params: Record<string, number>): Promise<void> {
    const { renderTex } = await import('../../lib/tex.ts');
    const f = this.model.substituteParams(activation.latex, activation.params, params);
    const df = this.model.substituteParams(activation.dlatex, activation.params, params);
    this.find('[data-formula="f"]').innerHTML = renderTex(`f(x) = ${f}`, true);
    this.find('[data-formula="df"]').innerHTML = renderTex(`f'(x) = ${df}`, true);
  }
}

if (!customElements.get('af-explorer')) customElements.define('af-explorer', ExplorerElement);
