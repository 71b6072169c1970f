/**
 * Trains the digits experiments off the main thread: either one experiment's lanes in order,
 * streaming every epoch, or a share of the league, streaming each finished run and row. The data
 * are decoded once per worker, on the first request, and kept for its later ones.
 */
import { digitsData, experiments, runLane, type DigitsData } from './experiments.ts';
import { digitsLeagueRow } from './league.ts';
import type { DigitsMessage, DigitsRequest } from './protocol.ts';

let data: DigitsData | undefined;
const post = (m: DigitsMessage): void => postMessage(m);

addEventListener('message', (event: MessageEvent<DigitsRequest>) => {
  const request = event.data;
  const { gen } = request;
  try {
    data ??= digitsData();
    if (request.type === 'experiment') {
      const exp = experiments[request.experiment];
      const lanes = exp.lanes(request.params);
      post({ type: 'start', gen, labels: lanes.map((l) => l.label) });
      lanes.forEach((lane, i) => {
        const result = runLane(exp, lane, request.params, data!, (point) =>
          post({ type: 'epoch', gen, lane: i, point }),
        );
        post({ type: 'lane', gen, lane: i, result });
      });
    } else {
      for (const act of request.acts)
        post({
          type: 'row',
          gen,
          row: digitsLeagueRow(act, data, () => post({ type: 'run', gen })),
        });
    }
    post({ type: 'done', gen });
  } catch (error) {
    post({ type: 'error', gen, message: error instanceof Error ? error.message : String(error) });
  }
});
