/**
 * `<af-expression-cell>`: the reader's own activation, live.
 *
 * State: {@link CellState} (text, parameter values, compared built-in, x range). Its URL binding is
 * the shared one (`cellUrl` in model.ts, read by LiveFigure before `setup()`, written back debounced), so
 * a reload or a shared link restores exactly what was typed, even an expression that does not
 * parse: that text stays in the input with its error, and the default is plotted. Derived and cached:
 * the last expression that did parse (`#good`), which stays plotted while the text is invalid,
 * and the keys of the slider set and of the rendered formula, so neither is rebuilt per keystroke.
 * Typing is debounced lightly; sliders and pickers redraw on the next frame.
 */
import type { CsvTable } from '../shared/csv.ts';
import { LiveFigure } from '../shared/live-figure.ts';
import { yieldToMain } from '../shared/yield-to-main.ts';
import type { UrlCodec } from '../shared/url-codec.ts';
import type { CellFunction, CellState } from './model.ts';

type Model = typeof import('./model.ts') & typeof import('../../lib/expr/index.ts');

/** Quiet time after a keystroke before the text is parsed and drawn, in ms. */
const TYPING_DELAY = 90;

class ExpressionCellElement extends LiveFigure<CellState, Model> {
  #good!: CellFunction;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #sliderKey = '';
  #texKey = '';
  /** Whether the reader has pointed, typed or focused inside the cell (KaTeX may load then). */
  #interacting = false;
  /** True while the formula shows as plain text, waiting for that interaction. */
  #plain = false;

  protected async loadModel(): Promise<Model> {
    // The activations first, in a task of their own: their tables are built when the module is
    // evaluated, and with the model's and the parser's modules that made one task of 40-55 ms at
    // 4x CPU on the notebook.
    await import('../../lib/activations/index.ts');
    await yieldToMain();
    const [model, expr] = await Promise.all([
      import('./model.ts'),
      import('../../lib/expr/index.ts'),
    ]);
    return { ...model, ...expr };
  }

  protected override urlCodec(): UrlCodec<CellState> {
    return this.model.cellUrl;
  }

  /** The data of what is plotted, computed from the state (a redraw may still be pending). */
  protected override csv(): CsvTable {
    const parsed = this.model.parseExpression(this.state.text);
    return this.model.cellCsv(
      this.model.cellFunction(parsed.ok ? parsed : this.#good.parsed, this.state.params),
      this.state,
    );
  }

  protected setup(): void {
    const state = this.state;
    const events = ['pointerdown', 'keydown', 'focusin'] as const;
    const interact = (): void => {
      for (const e of events) this.removeEventListener(e, interact);
      this.#interacting = true;
      if (this.#plain) void this.#renderFormula(this.#good);
    };
    for (const e of events) this.addEventListener(e, interact);
    // Until the reader's text first parses, the default is what the plot shows.
    this.#good = this.model.fallbackFunction();
    this.#texKey = this.#good.parsed.source;

    const input = this.find<HTMLInputElement>('[data-control="expr"]');
    input.value = state.text;
    input.addEventListener('input', () => {
      clearTimeout(this.#timer);
      this.#timer = setTimeout(
        () =>
          this.update({
            text: input.value,
            params: this.model.keepParams(input.value, this.state.params),
          }),
        TYPING_DELAY,
      );
    });
    const compare = this.find<HTMLSelectElement>('[data-control="compare"]');
    compare.value = state.compare;
    compare.addEventListener('change', () =>
      this.update({ compare: compare.value as CellState['compare'] }),
    );
    const range = this.find<HTMLSelectElement>('[data-control="range"]');
    range.value = String(state.halfRange);
    range.addEventListener('change', () => this.update({ halfRange: Number(range.value) }));
  }

  protected render(): void {
    const s = this.state;
    const parsed = this.model.parseExpression(s.text);
    this.#good = this.model.cellFunction(parsed.ok ? parsed : this.#good.parsed, s.params);
    this.#showError(parsed.ok ? undefined : parsed.error);

    const host = this.find('.plot');
    this.draw(
      host,
      this.model.cellPlotOptions(
        this.#good,
        s,
        this.widthOf(host),
        this.dataset.figureId ?? 'cell',
      ),
    );
    host.setAttribute(
      'aria-label',
      `Your function (solid) and its derivative (dashed); now f(x) = ${this.#good.parsed.source}.`,
    );
    this.dataset.shown = this.#good.parsed.source;

    for (const key of ['cmp', 'dcmp'] as const) {
      const li = this.find(`[data-legend="${key}"]`);
      li.hidden = s.compare === 'none';
      const name = s.compare === 'none' ? '' : this.model.activationName(s.compare);
      this.setText(`[data-legend="${key}"] [data-name]`, key === 'cmp' ? name : `${name}′`);
    }
    this.#syncSliders();
    this.find<HTMLAnchorElement>('[data-action="train"]').href = this.model.playgroundHref(
      this.dataset.base ?? '/',
      this.#good,
      s.params,
    );
    if (this.#good.parsed.source !== this.#texKey) void this.#renderFormula(this.#good);
  }

  /** Shows the error under the input with a caret at its column, or clears it. */
  #showError(error: { position: number; message: string } | undefined): void {
    const input = this.find<HTMLInputElement>('[data-control="expr"]');
    const snippet = this.find('[data-snippet]');
    const message = this.find('[data-error]');
    input.setAttribute('aria-invalid', String(error !== undefined));
    snippet.hidden = message.hidden = error === undefined;
    if (!error) return;
    const { line, caret } = this.model.errorSnippet(this.state.text, error.position);
    snippet.textContent = `${line}\n${caret}`;
    const text = `${error.message.charAt(0).toUpperCase()}${error.message.slice(1)}. The plot keeps the last expression that worked.`;
    if (message.textContent !== text) message.textContent = text;
  }

  /** One slider per named parameter; rebuilt only when the set of names changes. */
  #syncSliders(): void {
    const names = this.#good.parsed.params;
    const box = this.find('[data-sliders]');
    const { min, max, step } = this.model.paramSlider;
    if (names.join(',') !== this.#sliderKey) {
      this.#sliderKey = names.join(',');
      box.replaceChildren(
        ...names.map((name) => {
          const label = document.createElement('label');
          const slider = Object.assign(document.createElement('input'), {
            type: 'range',
            min: String(min),
            max: String(max),
            step: String(step),
          });
          slider.dataset.param = name;
          slider.addEventListener('input', () =>
            this.update({ params: { ...this.state.params, [name]: Number(slider.value) } }),
          );
          label.append(`${name} `, slider, document.createElement('output'));
          return label;
        }),
      );
    }
    for (const slider of box.querySelectorAll<HTMLInputElement>('input[data-param]')) {
      const value = this.model.paramOf(this.state.params, slider.dataset.param ?? '');
      if (document.activeElement !== slider) slider.value = String(value);
      const out = slider.nextElementSibling;
      if (out instanceof HTMLOutputElement) out.value = value.toFixed(2);
    }
  }

  /**
   * KaTeX loads on the first formula change made while the reader works with the cell; the
   * build-time formula is right until then. A shared link's formula (a change before any
   * interaction) shows as plain text until the reader interacts: typesetting it at once cost
   * KaTeX's 75 KB on every such landing and put it over the JavaScript budget.
   */
  async #renderFormula(fn: CellFunction): Promise<void> {
    this.#texKey = fn.parsed.source;
    if (!this.#interacting) {
      const code = document.createElement('code');
      code.className = 'formula-plain';
      code.textContent = `f(x) = ${fn.parsed.source}`;
      this.find('[data-formula]').replaceChildren(code);
      this.#plain = true;
      return;
    }
    this.#plain = false;
    const { renderTex } = await import('../../lib/tex.ts');
    if (this.#texKey !== fn.parsed.source) return;
    const box = this.find('[data-formula]');
    try {
      box.innerHTML = renderTex(`f(x) = ${this.model.expressionToTex(fn.parsed.ast)}`, true);
    } catch {
      // A formula KaTeX rejects must not break the cell: show the source text instead.
      box.textContent = `f(x) = ${fn.parsed.source}`;
    }
  }
}

if (!customElements.get('af-expression-cell'))
  customElements.define('af-expression-cell', ExpressionCellElement);
