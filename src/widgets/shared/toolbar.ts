/**
 * `<af-widget-toolbar>`: the sharing and export buttons under every figure, in one place.
 *
 * It finds its figure's live element (the `[data-figure-id]` element in the same `<figure>`) and
 * asks it for its state as a query (`shareQuery`) and its data (`exportCsv`), so it needs no
 * knowledge of any widget. Without JavaScript the toolbar stays `hidden` (nothing here works
 * without it). The export code (SVG, PNG, CSV) is a separate module loaded on the first click, so
 * pages pay for it only when a reader exports. State: the last status message and its timer.
 */
import type { CsvTable } from './csv.ts';
import { namespaceOnly } from './url-codec.ts';
import { readQuery } from './url-sync.ts';

/** What a live figure offers the toolbar (LiveFigure implements it). */
interface ShareableFigure extends HTMLElement {
  /** This figure's query parameters only. */
  shareQuery(): string;
  /** The plotted data, if any. */
  exportCsv(): Promise<CsvTable | undefined>;
}

function isShareable(el: Element | null): el is ShareableFigure {
  return el instanceof HTMLElement && 'shareQuery' in el && 'exportCsv' in el;
}

/** How long "Copied" stays on screen, in ms. */
const STATUS_MS = 4000;

class WidgetToolbar extends HTMLElement {
  #timer: ReturnType<typeof setTimeout> | undefined;

  connectedCallback(): void {
    this.hidden = false;
    this.addEventListener('click', (e) => {
      const button = (e.target as Element).closest<HTMLButtonElement>('button[data-act]');
      if (button) void this.#act(button.dataset.act ?? '', button);
    });
  }

  get #figureId(): string {
    return this.dataset.for ?? '';
  }

  get #live(): ShareableFigure | null {
    const el = this.closest('figure')?.querySelector('[data-figure-id]') ?? null;
    return isShareable(el) ? el : null;
  }

  /** The figure's own parameters: from the live element, or from the URL before it is live. */
  #query(): string {
    const live = this.#live;
    return live ? live.shareQuery() : namespaceOnly(readQuery(), this.dataset.namespace ?? this.#figureId);
  }

  /** Link to the figure in its lesson (an embed page links to the lesson it came from). */
  shareUrl(): string {
    const home = this.closest<HTMLElement>('[data-home]')?.dataset.home ?? location.pathname;
    const q = this.#query();
    return new URL(`${home}${q ? `?${q}` : ''}#fig-${this.#figureId}`, location.href).href;
  }

  /** The iframe code for this figure's embed page, sized to the figure as it is now. */
  embedCode(): string {
    const q = this.#query();
    const src = new URL(`${this.dataset.embed ?? ''}${q ? `?${q}` : ''}`, location.href);
    const figure = this.closest('figure');
    // The embed page adds a link line and a margin to the figure itself.
    const height = Math.ceil((figure?.getBoundingClientRect().height ?? 480) + 56);
    const title = (this.dataset.title ?? 'Figure').replaceAll('"', '&quot;');
    const iframe = `<iframe src="${src.href.replaceAll('"', '%22')}" title="${title} · Activation Notebook" width="100%" height="${height}" loading="lazy" style="border:0"></iframe>`;
    // Optional: lets the host page follow the figure's height as the reader changes it.
    const resize =
      `<script>addEventListener("message",function(e){var d=e.data;if(e.origin!==${JSON.stringify(src.origin)}||!d||d.type!=="activation-notebook:height")return;` +
      `document.querySelectorAll("iframe").forEach(function(f){if(f.contentWindow===e.source)f.style.height=d.height+"px"})});</script>`;
    return `${iframe}\n${resize}`;
  }

  async #act(act: string, button: HTMLButtonElement): Promise<void> {
    if (act === 'copy-link') return this.#copy(this.shareUrl(), 'Link copied');
    if (act === 'copy-embed') return this.#copy(this.embedCode(), 'Embed code copied');
    const figure = this.closest('figure');
    if (!figure) return;
    button.disabled = true;
    try {
      const exporter = await import('./export.ts');
      if (act === 'svg') exporter.downloadSvg(figure, this.#figureId);
      else if (act === 'png') await exporter.downloadPng(figure, this.#figureId);
      else if (act === 'csv') {
        const table = await this.#live?.exportCsv();
        if (table) exporter.downloadCsv(table, this.#figureId);
      }
      this.#status('Download started');
    } catch (error) {
      this.#status(`Export failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      button.disabled = false;
    }
  }

  /**
   * Copies through the Clipboard API; where it is missing or refused (an insecure page, an
   * iframe without permission), shows the text selected in a field for the reader to copy.
   */
  async #copy(text: string, done: string): Promise<void> {
    const field = this.querySelector<HTMLTextAreaElement>('[data-copy-field]');
    const wrap = field?.closest<HTMLElement>('[data-copy-fallback]');
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(text);
      if (wrap) wrap.hidden = true;
      this.#status(done);
    } catch {
      if (!field || !wrap) return;
      field.value = text;
      wrap.hidden = false;
      field.focus();
      field.select();
      this.#status('Copy the selected text (Ctrl+C or ⌘C)');
    }
  }

  #status(message: string): void {
    const out = this.querySelector('[data-toolbar-status]');
    if (!out) return;
    out.textContent = message;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => (out.textContent = ''), STATUS_MS);
  }
}

if (!customElements.get('af-widget-toolbar')) customElements.define('af-widget-toolbar', WidgetToolbar);
