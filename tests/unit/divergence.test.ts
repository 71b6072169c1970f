/**
 * The divergence message says what is not finite: a custom activation that is NaN or infinite
 * somewhere, or weights that are not numbers, break a run at epoch 0, and the learning rate is
 * blamed only for a run that trained and then blew up.
 */
import { describe, expect, it } from 'vitest';
import { defaultConfig, type Config } from '../../src/widgets/playground/config.ts';
import { divergenceReason, firstNonFinite } from '../../src/widgets/playground/divergence.ts';
import { DIVERGED_MESSAGE, initialView, reduce } from '../../src/widgets/playground/protocol.ts';
import { createSession } from '../../src/widgets/playground/session.ts';

const custom = (expr: string): Config => ({ ...defaultConfig, act: 'custom', expr });

/** The message the page shows for the first snapshot of a fresh session of `config`. */
function messageAtStart(config: Config): string {
  const runs = createSession([config]).snapshot();
  const view = reduce(
    { ...initialView(1), status: 'running' },
    { type: 'snapshot', gen: 1, running: false, runs },
  );
  return view.message;
}

describe('divergence message', () => {
  it.each([
    [
      'sqrt(x)',
      /not a finite number before any training: the custom activation sqrt\(x\) is NaN at x = -0.015625/,
    ],
    ['0/0', /the custom activation 0\/0 is NaN at x = 0/],
    ['x^1e308', /the custom activation x\^1e308 is Infinity at x = -1.015625/],
  ])(
    'a custom activation not finite at the start (%s) is named, not the learning rate',
    (expr, reason) => {
      const message = messageAtStart(custom(expr));
      expect(message).toMatch(reason);
      expect(message).not.toMatch(/learning rate/);
    },
  );

  it('a run that trained and then blew up is blamed on the learning rate', () => {
    const s = createSession([{ ...defaultConfig, lr: 10 }]);
    for (let e = 0; e < 50 && !s.diverged; e++) s.step(1);
    const [snap] = s.snapshot();
    expect(snap!.epoch).toBeGreaterThan(0);
    expect(snap!.divergence).toBe(DIVERGED_MESSAGE);
  });

  it('a finite run carries no reason, and its message stays empty', () => {
    const [snap] = createSession([custom('x*sigmoid(x)')]).snapshot();
    expect(snap!.diverged).toBe(false);
    expect(snap!.divergence).toBeUndefined();
    expect(messageAtStart(custom('x*sigmoid(x)'))).toBe('');
  });

  it('names weights that are not numbers at epoch 0', () => {
    const params = Float64Array.of(0.1, NaN, 0.3);
    expect(divergenceReason({ epoch: 0, params })).toMatch(
      /weights are not all finite numbers \(parameter 1 is NaN\) before any training/,
    );
  });

  it('names a derivative that is not finite when training later stops', () => {
    const fn = {
      label: 'sqrt(abs(x))',
      f: (x: number) => Math.sqrt(Math.abs(x)),
      df: (x: number) => Math.sign(x) / (2 * Math.sqrt(Math.abs(x))),
    };
    expect(firstNonFinite(fn)).toEqual({ x: 0, which: "f'", value: NaN });
    expect(divergenceReason({ epoch: 12, params: new Float64Array(3), custom: fn })).toMatch(
      /at epoch 12: .*the derivative of the custom activation sqrt\(abs\(x\)\) is NaN at x = 0/,
    );
  });
});
