/**
 * The vectorised forms of elu, selu (the mathematics, and the scalar functions
 * their fix-up passes fall back on, are in ../elu-family.ts).
 */
import { eluSlope, eluValue, seluSlope, seluValue } from '../elu-family.ts';
import { param } from '../shared.ts';
import type { ActivationKernels } from '../types.ts';
import { checkLengths } from './loop.ts';

export const eluKernels: ActivationKernels = {
  fInto(xs, out, p) {
    checkLengths(xs, out);
    const alpha = param(p, 'alpha', 1);
    for (let i = 0; i < xs.length; i++) out[i] = eluValue(xs[i]!, alpha);
    return out;
  },
  dfInto(xs, out, p) {
    checkLengths(xs, out);
    const alpha = param(p, 'alpha', 1);
    for (let i = 0; i < xs.length; i++) out[i] = eluSlope(xs[i]!, alpha);
    return out;
  },
};

export const seluKernels: ActivationKernels = {
  fInto(xs, out) {
    checkLengths(xs, out);
    for (let i = 0; i < xs.length; i++) out[i] = seluValue(xs[i]!);
    return out;
  },
  dfInto(xs, out) {
    checkLengths(xs, out);
    for (let i = 0; i < xs.length; i++) out[i] = seluSlope(xs[i]!);
    return out;
  },
};
