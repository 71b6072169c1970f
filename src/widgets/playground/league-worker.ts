/**
 * Runs the league table off the main thread, streaming one message per finished activation
 * (its row) and one per finished run (progress), then `done`.
 */
import { activationIds } from '../../lib/activations/types.ts';
import { LEAGUE_RUNS, leagueRow, type LeagueRow } from './league.ts';

/** Worker → page. */
export type LeagueMessage =
  | { readonly type: 'progress'; readonly done: number; readonly total: number }
  | { readonly type: 'row'; readonly row: LeagueRow }
  | { readonly type: 'done'; readonly runs: number }
  | { readonly type: 'error'; readonly message: string };

const post = (m: LeagueMessage): void => postMessage(m);

addEventListener('message', () => {
  try {
    let done = 0;
    for (const act of activationIds) {
      const row = leagueRow(act, () => post({ type: 'progress', done: ++done, total: LEAGUE_RUNS }));
      post({ type: 'row', row });
    }
    post({ type: 'done', runs: done });
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
});
