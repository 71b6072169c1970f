/**
 * `<af-league-table>`: on the reader's click, runs the league in Web Workers, one per share of
 * the activations (up to four, as many as the device has cores; `data-threads` asks for a count),
 * and inserts each activation's row in table order as it finishes, with one progress bar over
 * every run and, at the end, the wall time (the fan-out is shared/worker-pool.ts). Each cell
 * shows the median test accuracy, the range over the seeds, and every seed as a dot on a 0-100 %
 * strip (chance, 50 %, marked). Nothing runs until the click; a second click while running is
 * ignored; a failing worker stops them all.
 */
import { activationIds, type ActivationId } from '../../lib/activations/types.ts';
import type { LeagueCell } from './league.ts';
import { LeagueRunElement } from '../shared/league-run-element.ts';
import { leagueShares } from './league-plan.ts';
import type { LeagueMessage, LeagueRequest } from './league-worker.ts';

const SVG = 'http://www.w3.org/2000/svg';
/** Width and height of a cell's dot strip, px. */
const STRIP = { width: 72, height: 12, r: 2.5 } as const;

const pct = (v: number): string => (100 * v).toFixed(0);

/** A cell's seeds as dots on an accuracy strip from 0 (left) to 1 (right). */
function dotStrip(cell: LeagueCell): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('width', String(STRIP.width));
  svg.setAttribute('height', String(STRIP.height));
  svg.setAttribute('class', 'dots');
  svg.setAttribute('aria-hidden', 'true');
  const x = (v: number): number => STRIP.r + v * (STRIP.width - 2 * STRIP.r);
  const chance = document.createElementNS(SVG, 'line');
  for (const [k, v] of [
    ['x1', x(0.5)],
    ['x2', x(0.5)],
    ['y1', 0],
    ['y2', STRIP.height],
  ] as const)
    chance.setAttribute(k, String(v));
  chance.setAttribute('class', 'chance');
  svg.append(chance);
  for (const a of cell.accuracies) {
    const dot = document.createElementNS(SVG, 'circle');
    dot.setAttribute('cx', x(a).toFixed(1));
    dot.setAttribute('cy', String(STRIP.height / 2));
    dot.setAttribute('r', String(STRIP.r));
    svg.append(dot);
  }
  return svg;
}

/** One table cell: the strip, then the median in bold and the range (or `all` when every seed scored the same), and the same in words for screen readers. */
function cellElement(cell: LeagueCell): HTMLTableCellElement {
  const td = document.createElement('td');
  const medianEl = document.createElement('b');
  medianEl.textContent = pct(cell.median);
  const range = document.createElement('span');
  range.className = 'range';
  range.textContent = cell.min === cell.max ? 'all' : `${pct(cell.min)}–${pct(cell.max)}`;
  const words = document.createElement('span');
  words.className = 'visually-hidden';
  words.textContent = `median ${pct(cell.median)} %, from ${pct(cell.min)} to ${pct(cell.max)} % over ${cell.accuracies.length} seeds`;
  td.dataset.median = String(cell.median);
  td.append(dotStrip(cell), medianEl, ' ', range, words);
  return td;
}

class LeagueTableElement extends LeagueRunElement {
  protected run(button: HTMLButtonElement): void {
    const body = this.querySelector('tbody');
    const progress = this.querySelector<HTMLProgressElement>('progress');
    const status = this.querySelector('[data-out="status"]');
    const names = JSON.parse(this.dataset.names ?? '{}') as Record<string, string>;
    if (!body || !progress || !status) return;
    body.replaceChildren();
    const threads = this.threads(1);
    // Rows arrive in whatever order the workers finish; each goes before the first later activation already shown.
    const shown = new Map<ActivationId, HTMLTableRowElement>();
    this.startPool<LeagueRequest, LeagueMessage>(button, {
      requests: leagueShares(activationIds, threads).map((acts) => ({ type: 'run', acts })),
      createWorker: () =>
        new Worker(new URL('./league-worker.ts', import.meta.url), { type: 'module' }),
      progress,
      status,
      onResult: (m) => {
        if (m.type !== 'row') return;
        const tr = document.createElement('tr');
        const th = document.createElement('th');
        th.scope = 'row';
        th.textContent = names[m.row.act] ?? m.row.act;
        tr.append(th, ...m.row.cells.map(cellElement));
        const later = activationIds
          .slice(activationIds.indexOf(m.row.act) + 1)
          .find((id) => shown.has(id));
        body.insertBefore(tr, later ? (shown.get(later) ?? null) : null);
        shown.set(m.row.act, tr);
      },
    });
  }
}

if (!customElements.get('af-league-table'))
  customElements.define('af-league-table', LeagueTableElement);
