/**
 * Runs part of the league table off the main thread: the activations the page sends, each a row
 * of the table. Streams one `run` message per finished training run (for the progress bar), one
 * `row` per finished activation, then `done`. The page starts several of these, one per share.
 */
import type { ActivationId } from '../../lib/activations/types.ts';
import { leagueRow, type LeagueRow } from './league.ts';

/** Page → worker: the activations this worker scores. */
export interface LeagueRequest {
  readonly type: 'run';
  readonly acts: readonly ActivationId[];
}

/** Worker → page. */
export type LeagueMessage =
  | { readonly type: 'run' }
  | { readonly type: 'row'; readonly row: LeagueRow }
  | { readonly type: 'done' }
  | { readonly type: 'error'; readonly message: string };

const post = (m: LeagueMessage): void => postMessage(m);

addEventListener('message', (event: MessageEvent<LeagueRequest>) => {
  if (event.data.type !== 'run') return;
  try {
    for (const act of event.data.acts)
      post({ type: 'row', row: leagueRow(act, () => post({ type: 'run' })) });
    post({ type: 'done' });
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
});
