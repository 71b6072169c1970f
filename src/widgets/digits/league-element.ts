/**
 * `<af-digits-league>`: on the reader's click, scores every league activation on the digits over
 * five seeds, in as many Web Workers as the device has cores (at least two, at most four), with
 * one progress bar over all runs. Rows are shown best first as they arrive (re-sorted each time),
 * and the status line ends with the wall time. A second click while running is ignored; a failing
 * worker stops them all. The split of work among workers changes the wall time, never a number.
 */
import type { ActivationId } from '../../lib/activations/types.ts';
import { leagueShares } from '../playground/league-plan.ts';
import type { DigitsLeagueRow } from './league.ts';
import type { DigitsMessage, DigitsRequest } from './protocol.ts';

/** Most workers the league starts: beyond four, a phone or laptop gains little and heats up. */
const MAX_THREADS = 4;

const pct = (v: number): string => (100 * v).toFixed(1);

/** Rows best first: by median, then by worst seed (the same order as league.ts's rankRows). */
const byRank = (a: DigitsLeagueRow, b: DigitsLeagueRow): number =>
  b.median - a.median || b.min - a.min;

class DigitsLeagueElement extends HTMLElement {
  #workers: Worker[] = [];

  connectedCallback(): void {
    const button = this.querySelector<HTMLButtonElement>('[data-action="run"]');
    if (!button) return;
    button.hidden = false;
    button.addEventListener('click', () => this.#run(button));
  }

  disconnectedCallback(): void {
    this.#stop();
  }

  #stop(): void {
    for (const w of this.#workers) w.terminate();
    this.#workers = [];
  }

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

  #run(button: HTMLButtonElement): void {
    if (this.#workers.length > 0) return;
    const body = this.querySelector('tbody');
    const progress = this.querySelector<HTMLProgressElement>('progress');
    const status = this.querySelector('[data-out="status"]');
    const names = JSON.parse(this.dataset.names ?? '{}') as Record<string, string>;
    const acts = JSON.parse(this.dataset.acts ?? '[]') as ActivationId[];
    if (!body || !progress || !status) return;
    body.replaceChildren();
    // The table is hidden until there is something to put in it.
    body.closest<HTMLElement>('.league-scroll')?.removeAttribute('hidden');
    button.disabled = true;
    progress.hidden = false;
    progress.max = Number(this.dataset.runs) || 1;
    progress.value = 0;
    this.dataset.done = 'false';
    const shares = leagueShares(
      acts,
      Math.min(MAX_THREADS, Math.max(2, navigator.hardwareConcurrency || 2)),
    );
    const threads = `${shares.length} background threads`;
    status.textContent = `Training in ${threads}…`;
    const started = performance.now();
    const rows: DigitsLeagueRow[] = [];
    let runs = 0;
    let finished = 0;
    const finish = (text: string): void => {
      this.#stop();
      button.disabled = false;
      status.textContent = text;
      this.dataset.done = 'true';
    };
    const onMessage = (event: MessageEvent<DigitsMessage>): void => {
      const m = event.data;
      if (m.type === 'run') {
        progress.value = ++runs;
        status.textContent = `Training in ${threads}: ${runs} of ${progress.max} runs done.`;
      } else if (m.type === 'row') {
        rows.push(m.row);
        rows.sort(byRank);
        body.replaceChildren(...rows.map((r) => this.#row(r, names)));
      } else if (m.type === 'done') {
        if (++finished < shares.length) return;
        const seconds = (performance.now() - started) / 1000;
        this.dataset.seconds = seconds.toFixed(1);
        finish(
          `Done: ${runs} training runs in ${seconds.toFixed(0)} s in this browser, on ${threads}.`,
        );
      } else if (m.type === 'error') {
        finish(`The league stopped: ${m.message}.`);
      }
    };
    shares.forEach((share, i) => {
      const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
      this.#workers.push(worker);
      worker.addEventListener('message', onMessage);
      worker.addEventListener('error', () => finish('The league could not start in this browser.'));
      worker.postMessage({ type: 'league', gen: i, acts: share } satisfies DigitsRequest);
    });
  }
}

if (!customElements.get('af-digits-league'))
  customElements.define('af-digits-league', DigitsLeagueElement);
