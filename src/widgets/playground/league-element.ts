/**
 * `<af-league-table>`: on the reader's click, runs the league in a Web Worker and appends one
 * table row per activation as it finishes, with a progress bar. Nothing runs until the click;
 * a second click while running is ignored. No Plot: the table is plain HTML.
 */
import type { LeagueMessage } from './league-worker.ts';

const pct = (v: number): string => `${(100 * v).toFixed(0)} %`;

class LeagueTableElement extends HTMLElement {
  #worker: Worker | undefined;

  connectedCallback(): void {
    const button = this.querySelector<HTMLButtonElement>('[data-action="run"]');
    if (!button) return;
    button.hidden = false;
    button.addEventListener('click', () => this.#run(button));
  }

  disconnectedCallback(): void {
    this.#worker?.terminate();
  }

  #run(button: HTMLButtonElement): void {
    if (this.#worker) return;
    const body = this.querySelector('tbody');
    const progress = this.querySelector<HTMLProgressElement>('progress');
    const status = this.querySelector('[data-out="status"]');
    const names = JSON.parse(this.dataset.names ?? '{}') as Record<string, string>;
    if (!body || !progress || !status) return;
    body.replaceChildren();
    button.disabled = true;
    progress.hidden = false;
    status.textContent = 'Training in a background thread…';
    const worker = new Worker(new URL('./league-worker.ts', import.meta.url), { type: 'module' });
    this.#worker = worker;
    const finish = (text: string): void => {
      worker.terminate();
      this.#worker = undefined;
      button.disabled = false;
      status.textContent = text;
      this.dataset.done = 'true';
    };
    worker.addEventListener('message', (event: MessageEvent<LeagueMessage>) => {
      const m = event.data;
      if (m.type === 'progress') {
        progress.max = m.total;
        progress.value = m.done;
      } else if (m.type === 'row') {
        const tr = document.createElement('tr');
        const th = document.createElement('th');
        th.scope = 'row';
        th.textContent = names[m.row.act] ?? m.row.act;
        tr.append(th);
        for (const c of m.row.cells) {
          const td = document.createElement('td');
          td.textContent = `${c.medianEpochs === null ? 'never' : Math.round(c.medianEpochs)} · ${pct(c.medianAccuracy)}`;
          tr.append(td);
        }
        body.append(tr);
      } else if (m.type === 'done') {
        finish('Done: every activation on every dataset, three seeds each.');
      } else {
        finish(`The league stopped: ${m.message}.`);
      }
    });
    worker.addEventListener('error', () => finish('The league could not start in this browser.'));
    worker.postMessage('run');
  }
}

if (!customElements.get('af-league-table')) customElements.define('af-league-table', LeagueTableElement);
