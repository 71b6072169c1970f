/**
 * Base class of every live figure. Lifecycle: the element holds its state (parsed from
 * `data-state`, written at build time); when it first comes near the viewport it loads
 * Observable Plot and its model and calls `setup()` once to wire controls. It does not redraw
 * then: the build-time SVG already shows the build-time state, and a first Plot redraw cost
 * 75-280 ms of main thread on a phone (4x CPU) while the page was loading. The first redraw comes
 * with the reader: a pointer or focus entering the figure, a control changed, a real resize, or a
 * state from the URL that the build-time SVG does not show. Every `update()` merges a patch into
 * the state and schedules one render on the next animation frame, so a fast slider drag never
 * renders twice per frame. Resizing re-renders at the new width.
 *
 * Controls: a figure writes each group of its controls as `<div data-controls hidden>` inside a
 * `<template data-controls-later>`. They are made just before `setup()` and shown a group per
 * frame, so until a figure wakes the page holds no control of it and the figure can be skipped
 * whole while the page loads (global.css; tests/e2e/skipped-parts.e2e.ts checks it). The
 * playground is the exception: its controls hold their place, unseen, so that waking does not
 * move it, and it is only ever skipped by parts.
 *
 * URL state: a figure whose model has a {@link UrlCodec} reads its state from the query string
 * (namespace: its figure id) just before `setup()`, shows a notice for anything it had to ignore,
 * and writes each change back with `replaceState`, debounced so a slider drag does not flood the
 * history API. Until the figure is live the URL, not `state`, is the truth (see `shareQuery`).
 */
import type { PlotOptions } from '@observablehq/plot';
import { tidyPlot } from '../../lib/plots/tidy-plot.ts';
import type { CsvTable } from './csv.ts';
import { loadPlot } from './plot-loader.ts';
import { afterNextFrame, yieldToMain } from './yield-to-main.ts';
import { namespaceOnly, queryWithState, stateFromQuery, type UrlCodec } from './url-codec.ts';
import { readQuery, writeQuery } from './url-sync.ts';
import { figureNamespace } from '../../lib/url-state.ts';

/** Delay between the last change and the URL write, in ms. */
const URL_WRITE_DELAY = 200;

type PlotModule = typeof import('./plot-runtime.ts');

export abstract class LiveFigure<State extends object, Model = unknown> extends HTMLElement {
  /** Current state; replaced, never mutated, by `update()`. */
  protected state!: State;
  /** The state from the build-time render (what "Reset" returns to). */
  protected initial!: State;
  /** Observable Plot, once loaded. */
  protected plot: PlotModule | undefined;
  /** The figure's model module, once loaded (set before `setup()` runs). */
  protected model!: Model;
  #frame = 0;
  #urlTimer: ReturnType<typeof setTimeout> | undefined;
  #live: Promise<void> | undefined;
  /** True while the build-time SVG is what the figure shows (no redraw yet). */
  #stale = true;

  connectedCallback(): void {
    this.initial = JSON.parse(this.dataset.state ?? '{}') as State;
    this.state = this.initial;
    whenVisible(this, () => void this.#goLive());
  }

  /** How the state maps to URL parameters; figures without reader state keep the default. */
  protected urlCodec(): UrlCodec<State> | undefined {
    return undefined;
  }

  /** The plotted data as a table, for the CSV download; undefined when the figure has none. */
  protected csv(): CsvTable | undefined {
    return undefined;
  }

  /** The URL namespace of this figure: its figure id, unless the markup names another (the playground's presets do). */
  get namespace(): string {
    return figureNamespace(this.dataset) ?? this.localName;
  }

  /** This figure's query parameters only (for a link or an embed that reproduces it). */
  shareQuery(): string {
    const codec = this.plot ? this.urlCodec() : undefined;
    if (!codec) return namespaceOnly(readQuery(), this.namespace);
    return queryWithState(codec, this.initial, this.state, this.namespace);
  }

  /** The figure's data for download; brings the figure live first if it is not yet. */
  async exportCsv(): Promise<CsvTable | undefined> {
    await this.#goLive();
    return this.csv();
  }

  /**
   * Loads the figure's model with a dynamic import. Models import Plot, so a static import here
   * would put Plot in every page's first download instead of loading it when a figure is seen.
   */
  protected abstract loadModel(): Promise<Model>;

  /** Wires the controls; called once, after Plot and the model have loaded. */
  protected abstract setup(): void;

  /** Redraws everything from `this.state`. */
  protected abstract render(): void;

  /** Merges a patch into the state and schedules a redraw. */
  protected update(patch: Partial<State>): void {
    this.state = { ...this.state, ...patch };
    this.schedule();
    if (this.urlCodec()) {
      clearTimeout(this.#urlTimer);
      this.#urlTimer = setTimeout(() => this.#writeUrl(), URL_WRITE_DELAY);
    }
  }

  /** Schedules one redraw on the next animation frame. */
  protected schedule(): void {
    if (this.#frame) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      if (!this.plot) return;
      this.#stale = false;
      const start = performance.now();
      this.render();
      // A User Timing entry per redraw, so its cost can be measured in a real browser.
      performance.measure('af-render', { start, detail: this.localName });
    });
  }

  /** The element matching `selector` inside this figure; throws if the markup lacks it. */
  protected find<E extends Element = HTMLElement>(selector: string): E {
    const el = this.querySelector<E>(selector);
    if (!el) throw new Error(`${this.localName}: missing ${selector}`);
    return el;
  }

  /** Renders Plot options into `host`, replacing what was there, and returns the new figure. */
  protected draw(host: HTMLElement, options: PlotOptions): ReturnType<PlotModule['plot']> {
    if (!this.plot) throw new Error(`${this.localName}: draw before Plot loaded`);
    const figure = tidyPlot(this.plot.plot(options));
    host.replaceChildren(figure);
    return figure;
  }

  /** Drawing width for the plot host: its real width, never narrower than a phone's plot. */
  protected widthOf(host: HTMLElement): number {
    return Math.max(280, Math.round(host.clientWidth));
  }

  /** Sets an element's text only when it changed (avoids needless layout and live-region noise). */
  protected setText(selector: string, value: string): void {
    const el = this.querySelector(selector);
    if (el && el.textContent !== value) el.textContent = value;
  }

  #goLive(): Promise<void> {
    this.#live ??= this.#takeOver();
    return this.#live;
  }

  #writeUrl(): void {
    const codec = this.urlCodec();
    if (codec)
      writeQuery(queryWithState(codec, this.initial, this.state, this.namespace, readQuery()));
  }

  /** Restores the state the URL describes, and says on screen what it could not use. */
  #restoreFromUrl(): void {
    const codec = this.urlCodec();
    if (!codec) return;
    const { state, notices } = stateFromQuery(codec, this.initial, readQuery(), this.namespace);
    this.state = state;
    const box = (this.closest('figure') ?? this).querySelector<HTMLElement>('[data-url-notice]');
    if (!box) return;
    box.hidden = notices.length === 0;
    box.textContent = notices.map((n) => n.message).join(' ');
  }

  /**
   * Takes over in stages, each its own task: on a phone (a 4x slower CPU) loading the modules,
   * wiring the controls and the first redraw together took 100-450 ms in one task, and with
   * several figures near the viewport they ran back to back. Yielding between stages lets input
   * and painting in between; the build-time SVG stays on screen until a redraw replaces it.
   */
  async #takeOver(): Promise<void> {
    // Plot first, in a task of its own: the model imports it, and importing both together
    // evaluated Plot, d3 and the model's modules in one task.
    const plot = await loadPlot();
    await yieldToMain();
    const model = await this.loadModel();
    await yieldToMain();
    this.plot = plot;
    this.model = model;
    this.#restoreFromUrl();
    // The controls wait in templates until now: a form control in the page made Chromium's
    // autofill lay out, at load, every skipped block around one, so no figure could be skipped
    // whole (global.css). Made here, hidden, they are wired before they are shown.
    for (const later of this.querySelectorAll<HTMLTemplateElement>('template[data-controls-later]'))
      later.replaceWith(later.content);
    this.setup();
    // Each group of controls appears in a frame of its own: shown together, their style and
    // layout with the figure's made one frame of 55-85 ms at 4x CPU on the notebook and embeds.
    for (const el of this.querySelectorAll<HTMLElement>('[data-controls]')) {
      el.hidden = false;
      await afterNextFrame();
    }
    this.dataset.live = 'true';
    await yieldToMain();
    const host = this.querySelector<HTMLElement>('.plot');
    // Read once the controls are shown, before any redraw (which reads it too: after one, the
    // read would force a layout of the new SVG inside this task).
    let width = host?.clientWidth;
    if (JSON.stringify(this.state) !== JSON.stringify(this.initial)) this.#redrawNow();
    else this.#redrawOnFirstTouch();
    // A ResizeObserver reports the size it finds when observation starts: that is the width just
    // read, and redrawing for it would be the load-time redraw again. Only a real change redraws.
    if (host) {
      new ResizeObserver(() => {
        if (host.clientWidth === width) return;
        width = host.clientWidth;
        this.schedule();
      }).observe(host);
    }
  }

  /** The first redraw, now, unless one has happened. */
  #redrawNow(): void {
    if (!this.#stale || !this.plot) return;
    this.#stale = false;
    this.render();
  }

  /**
   * Redraws when the reader first reaches into the figure. A press, a key or focus redraws at
   * once, before the figure's own handlers run (they may need what a redraw sets up, such as a
   * scale to invert); a hovering mouse redraws on the next frame.
   */
  #redrawOnFirstTouch(): void {
    const now = ['pointerdown', 'keydown', 'focusin'] as const;
    const touch = (): void => {
      for (const type of now) this.removeEventListener(type, touch, true);
      this.#redrawNow();
    };
    const hover = (): void => {
      this.removeEventListener('pointerover', hover, true);
      if (this.#stale) this.schedule();
    };
    for (const type of now) this.addEventListener(type, touch, true);
    this.addEventListener('pointerover', hover, true);
  }
}

/**
 * Runs `callback` once, the first time `element` comes near the viewport, so widgets load their
 * code and draw only when a reader gets to them. Each in a task of its own: the browser delivers
 * every observer's report in one task, and the figures near the top of a page started loading
 * their modules there together (the bundler's preload helper searches the whole document for
 * each module it links, 50-60 ms at 4x CPU on a long lesson).
 */
export function whenVisible(element: Element, callback: () => void): void {
  if (!('IntersectionObserver' in window)) {
    callback();
    return;
  }
  const observer = new IntersectionObserver(
    (entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        observer.disconnect();
        setTimeout(callback, 0);
      }
    },
    { rootMargin: '200px 0px' },
  );
  observer.observe(element);
}
