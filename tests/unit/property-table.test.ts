/** The property table's f′(0) column: one value where f is differentiable at 0, both one-sided slopes at a kink. */
import { describe, expect, it } from 'vitest';
import { activations } from '../../src/lib/activations/index.ts';
import { activationIds } from '../../src/lib/activations/types.ts';
import { formatSlopeAtZero, slopeAtZero } from '../../src/widgets/property-table/model.ts';

/** One-sided difference quotients at 0: the independent oracle for the one-sided slopes. */
const h = 1e-7;
const leftQuotient = (id: (typeof activationIds)[number]) =>
  (activations[id].f(0) - activations[id].f(-h)) / h;
const rightQuotient = (id: (typeof activationIds)[number]) =>
  (activations[id].f(h) - activations[id].f(0)) / h;

describe('slope at 0', () => {
  it.each(activationIds)('%s: agrees with the difference quotients from both sides', (id) => {
    const s = slopeAtZero(activations[id]);
    if (s.kind === 'value') {
      // Differentiable at 0: both quotients meet at the one value.
      expect(s.value).toBeCloseTo(leftQuotient(id), 5);
      expect(s.value).toBeCloseTo(rightQuotient(id), 5);
    } else if (s.kind === 'kink') {
      expect(s.left).toBeCloseTo(leftQuotient(id), 5);
      expect(s.right).toBeCloseTo(rightQuotient(id), 5);
      expect(s.left).not.toBeCloseTo(s.right, 5);
    } else {
      // A jump: the quotient from one side grows like 1/h.
      expect(Math.max(Math.abs(leftQuotient(id)), Math.abs(rightQuotient(id)))).toBeGreaterThan(
        1 / (2 * h),
      );
    }
  });

  it('names the corner and both slopes wherever the derivative has no single value at 0', () => {
    const cells = Object.fromEntries(
      activationIds.map((id) => [id, formatSlopeAtZero(slopeAtZero(activations[id]))]),
    );
    expect(cells).toMatchObject({
      relu: 'undefined (kink): 0 left, 1 right',
      'leaky-relu': 'undefined (kink): 0.01 left, 1 right',
      prelu: 'undefined (kink): 0.25 left, 1 right',
      selu: 'undefined (kink): 1.758 left, 1.051 right',
      step: 'undefined (jump)',
      sigmoid: '0.25',
      elu: '1',
      'hard-sigmoid': '0.1667',
      'hard-tanh': '1',
    });
  });
});
