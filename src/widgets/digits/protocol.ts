/**
 * Messages between the digits figures and their workers. Every message of a run carries the
 * generation the page gave it, so a page that started a new run ignores the old one's stragglers.
 */
import type { ActivationId } from '../../lib/activations/types.ts';
import type { EpochPoint, ExperimentId, LaneResult, RunParams } from './experiments.ts';
import type { DigitsLeagueRow } from './league.ts';

/** Page → worker. */
export type DigitsRequest =
  | {
      readonly type: 'experiment';
      readonly gen: number;
      readonly experiment: ExperimentId;
      readonly params: RunParams;
    }
  | { readonly type: 'league'; readonly gen: number; readonly acts: readonly ActivationId[] };

/** Worker → page. */
export type DigitsMessage =
  /** An experiment's lanes, in order, before the first epoch. */
  | { readonly type: 'start'; readonly gen: number; readonly labels: readonly string[] }
  /** One epoch of lane `lane` (index into the labels). */
  | {
      readonly type: 'epoch';
      readonly gen: number;
      readonly lane: number;
      readonly point: EpochPoint;
    }
  /** A finished lane. */
  | {
      readonly type: 'lane';
      readonly gen: number;
      readonly lane: number;
      readonly result: LaneResult;
    }
  /** One finished league run (for the progress bar). */
  | { readonly type: 'run'; readonly gen: number }
  /** One finished league row. */
  | { readonly type: 'row'; readonly gen: number; readonly row: DigitsLeagueRow }
  /** Everything asked for is done. */
  | { readonly type: 'done'; readonly gen: number }
  | { readonly type: 'error'; readonly gen: number; readonly message: string };
