/**
 * Runs the kernel timing off the main thread, so the page stays responsive while it measures.
 * Streams one message per kernel (tuned, then its textbook loop), then `done`.
 */
import { activationIds } from '../../lib/activations/types.ts';
import { measureCosts } from '../../lib/kernel-cost.ts';
import type { CostMessage, CostRequest } from './model.ts';

const post = (message: CostMessage): void => postMessage(message);

addEventListener('message', (event: MessageEvent<CostRequest>) => {
  if (event.data.type !== 'run') return;
  try {
    measureCosts(activationIds, { derivative: event.data.derivative, textbook: true }, (cost) =>
      post({ type: 'result', cost }),
    );
    post({ type: 'done' });
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
});
