/**
 * The vectorised forms of linear, step (the mathematics, and the scalar functions
 * their fix-up passes fall back on, are in ../linear-step.ts).
 */
import { linearSlope, stepSlope, stepValue } from '../linear-step.ts';
import type { ActivationKernels } from '../types.ts';
import { checkLengths } from './loop.ts';

export const linearKernels: ActivationKernels = {
  fInto(xs, out) {
    checkLengths(xs, out);
    for (let i = 0; i < xs.length; i++) out[i] = xs[i]!;
    return out;
  },
  dfInto(xs, out) {
    checkLengths(xs, out);
    for (let i = 0; i < xs.length; i++) out[i] = linearSlope(xs[i]!);
    return out;
  },
};

export const stepKernels: ActivationKernels = {
  fInto(xs, out) {
    checkLengths(xs, out);
    for (let i = 0; i < xs.length; i++) out[i] = stepValue(xs[i]!);
    return out;
  },
  dfInto(xs, out) {
    checkLengths(xs, out);
    for (let i = 0; i < xs.length; i++) out[i] = stepSlope(xs[i]!);
    return out;
  },
};
