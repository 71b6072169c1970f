/**
 * `<af-digits-league>`: on the reader's click, scores every league activation on the digits over
 * five seeds, in as many Web Workers as the device has cores (at least two, at most four;
 * `data-threads` asks for a count, which is how the league is timed on one worker), with one
 * progress bar over all runs (shared/worker-pool.ts). Rows are shown best first as they arrive
 * (re-sorted each time), and the status line ends with the wall time. A second click while
 * running is ignored; a failing worker stops them all. The split of work among workers changes
 * the wall time, never a number.
 */
import type { ActivationId } from '../../lib/activations/types.ts';
import { leagueShares } from '../playground/league-plan.ts';
import { LeagueRunElement } from '../shared/league-run-element.ts';
import type { DigitsLeagueRow } from './league.ts';
import type { DigitsMessage, DigitsRequest } from './protocol.ts';

const pct = (v: number): string => (100 * v).toFixed(1);

/** Rows best first: by median, then by worst seed (the same order as league.ts's rankRows). */
const byRank = (a: DigitsLeagueRow, b: DigitsLeagueRow): number =>
  b.median - a.median || b.min - a.min;

class DigitsLeagueElement extends LeagueRunElement {
  #row(row: DigitsLeagueRow, names: Record<string, string>): HTMLTableRowElement {
    const tr = document.createElement('tr');
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = names[row.act] ?? row.act;
    const cells = [
      pct(row.median),
      `${pct(row.min)}–${pct(row.max)}`,
      row.accuracies.map(pct).join(', '),
    ];
    tr.append(
      th,
      ...cells.map((text) => Object.assign(document.createElement('td'), { textContent: text })),
    );
    tr.dataset.act = row.act;
    tr.dataset.median = String(row.median);
    return tr;
  }

  protected run(button: HTMLButtonElement): void {
    const body = this.querySelector('tbody');
    const progress = this.querySelector<HTMLProgressElement>('progress');
    const status = this.querySelector('[data-out="status"]');
    const names = JSON.parse(this.dataset.names ?? '{}') as Record<string, string>;
    const acts = JSON.parse(this.dataset.acts ?? '[]') as ActivationId[];
    if (!body || !progress || !status) return;
    body.replaceChildren();
    // The table is hidden until there is something to put in it.
    body.closest<HTMLElement>('.league-scroll')?.removeAttribute('hidden');
    const threads = this.threads(2);
    const rows: DigitsLeagueRow[] = [];
    this.startPool<DigitsRequest, DigitsMessage>(button, {
      requests: leagueShares(acts, threads).map((share, i) => ({
        type: 'league',
        gen: i,
        acts: share,
      })),
      createWorker: () => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' }),
      progress,
      status,
      onResult: (m) => {
        if (m.type !== 'row') return;
        rows.push(m.row);
        rows.sort(byRank);
        body.replaceChildren(...rows.map((r) => this.#row(r, names)));
      },
    });
  }
}

if (!customElements.get('af-digits-league'))
  customElements.define('af-digits-league', DigitsLeagueElement);
