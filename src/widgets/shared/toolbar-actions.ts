/**
 * What the toolbar's buttons do (see `toolbar.ts`, which loads this module on the first click so
 * no page pays for it before a reader shares or exports). Everything is a function of the toolbar
 * element: it finds its figure's live element (the `[data-figure-id]` element in the same
 * `<figure>`) and asks it for its state as a query (`shareQuery`) and its data (`exportCsv`), so
 * it needs no knowledge of any widget.
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

/** The toolbar element as this module sees it. */
export interface Toolbar extends HTMLElement {
  /** Timer that clears the status line (kept on the element: one per toolbar). */
  statusTimer: ReturnType<typeof setTimeout> | undefined;
}

function isShareable(el: Element | null): el is ShareableFigure {
  return el instanceof HTMLElement && 'shareQuery' in el && 'exportCsv' in el;
}

/** How long a status message stays on screen, in ms. */
const STATUS_MS = 4000;

function figureId(bar: Toolbar): string {
  return bar.dataset.for ?? '';
}

function liveFigure(bar: Toolbar): ShareableFigure | null {
  const el = bar.closest('figure')?.querySelector('[data-figure-id]') ?? null;
  return isShareable(el) ? el : null;
}

/** The figure's own parameters: from the live element, or from the URL before it is live. */
function figureQuery(bar: Toolbar): string {
  const live = liveFigure(bar);
  return live
    ? live.shareQuery()
    : namespaceOnly(readQuery(), bar.dataset.namespace ?? figureId(bar));
}

/** Link to the figure in its lesson (an embed page links to the lesson it came from). */
export function shareUrl(bar: Toolbar): string {
  const home = bar.closest<HTMLElement>('[data-home]')?.dataset.home ?? location.pathname;
  const q = figureQuery(bar);
  return new URL(`${home}${q ? `?${q}` : ''}#fig-${figureId(bar)}`, location.href).href;
}

/** The iframe code for this figure's embed page, sized to the figure as it is now. */
export function embedCode(bar: Toolbar): string {
  const q = figureQuery(bar);
  const src = new URL(`${bar.dataset.embed ?? ''}${q ? `?${q}` : ''}`, location.href);
  const figure = bar.closest('figure');
  // The embed page adds a link line and a margin to the figure itself.
  const height = Math.ceil((figure?.getBoundingClientRect().height ?? 480) + 56);
  const title = (bar.dataset.title ?? 'Figure').replaceAll('"', '&quot;');
  const iframe = `<iframe src="${src.href.replaceAll('"', '%22')}" title="${title} · Activation Notebook" width="100%" height="${height}" loading="lazy" style="border:0"></iframe>`;
  // Optional: lets the host page follow the figure's height as the reader changes it.
  const resize =
    `<script>addEventListener("message",function(e){var d=e.data;if(e.origin!==${JSON.stringify(src.origin)}||!d||d.type!=="activation-notebook:height")return;` +
    `document.querySelectorAll("iframe").forEach(function(f){if(f.contentWindow===e.source)f.style.height=d.height+"px"})});</script>`;
  return `${iframe}\n${resize}`;
}

/** Runs the action of one toolbar button. */
export async function act(bar: Toolbar, button: HTMLButtonElement): Promise<void> {
  const action = button.dataset.act ?? '';
  if (action === 'copy-link') return copy(bar, shareUrl(bar), 'Link copied');
  if (action === 'copy-embed') return copy(bar, embedCode(bar), 'Embed code copied');
  const figure = bar.closest('figure');
  if (!figure) return;
  button.disabled = true;
  try {
    const exporter = await import('./export.ts');
    if (action === 'svg') exporter.downloadSvg(figure, figureId(bar));
    else if (action === 'png') await exporter.downloadPng(figure, figureId(bar));
    else if (action === 'csv') {
      const table = await liveFigure(bar)?.exportCsv();
      if (table) exporter.downloadCsv(table, figureId(bar));
    }
    status(bar, 'Download started');
  } catch (error) {
    status(bar, `Export failed: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    button.disabled = false;
  }
}

/**
 * Copies through the Clipboard API; where it is missing or refused (an insecure page, an iframe
 * without permission), shows the text selected in a field for the reader to copy.
 */
async function copy(bar: Toolbar, text: string, done: string): Promise<void> {
  try {
    if (!navigator.clipboard) throw new Error('no clipboard');
    await navigator.clipboard.writeText(text);
    const wrap = bar.querySelector<HTMLElement>('[data-copy-fallback]');
    if (wrap) wrap.hidden = true;
    status(bar, done);
  } catch {
    const wrap = copyFallback(bar);
    const field = wrap?.querySelector<HTMLTextAreaElement>('[data-copy-field]');
    if (!field || !wrap) return;
    field.value = text;
    wrap.hidden = false;
    field.focus();
    field.select();
    status(bar, 'Copy the selected text (Ctrl+C or ⌘C)');
  }
}

/** The field that shows text to copy by hand, made from the toolbar's template the first time. */
function copyFallback(bar: Toolbar): HTMLElement | null {
  const made = bar.querySelector<HTMLElement>('[data-copy-fallback]');
  if (made) return made;
  const template = bar.querySelector<HTMLTemplateElement>('template[data-copy-template]');
  if (!template) return null;
  template.replaceWith(template.content.cloneNode(true));
  return bar.querySelector<HTMLElement>('[data-copy-fallback]');
}

function status(bar: Toolbar, message: string): void {
  const out = bar.querySelector('[data-toolbar-status]');
  if (!out) return;
  out.textContent = message;
  clearTimeout(bar.statusTimer);
  bar.statusTimer = setTimeout(() => (out.textContent = ''), STATUS_MS);
}
