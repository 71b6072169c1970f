/**
 * The vectorised forms of softsign (the mathematics, and the scalar functions
 * their fix-up passes fall back on, are in ../softsign.ts).
 */
import { softsignSlope, softsignValue } from '../softsign.ts';
import type { ActivationKernels } from '../types.ts';
import { checkLengths } from './loop.ts';

export const softsignKernels: ActivationKernels = {
  fInto(xs, out) {
    checkLengths(xs, out);
    for (let i = 0; i < xs.length; i++) out[i] = softsignValue(xs[i]!);
    return out;
  },
  dfInto(xs, out) {
    checkLengths(xs, out);
    for (let i = 0; i < xs.length; i++) out[i] = softsignSlope(xs[i]!);
    return out;
  },
};
