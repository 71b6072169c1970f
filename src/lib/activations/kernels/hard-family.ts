/**
 * The vectorised forms of hardSigmoid, hardTanh, hardSwish (the mathematics, and the scalar functions
 * their fix-up passes fall back on, are in ../hard-family.ts).
 */
import {
  hardSigmoidSlope,
  hardSigmoidValue,
  hardSwishSlope,
  hardSwishValue,
  hardTanhSlope,
  hardTanhValue,
} from '../hard-family.ts';
import type { ActivationKernels } from '../types.ts';
import { checkLengths } from './loop.ts';

export const hardSigmoidKernels: ActivationKernels = {
  fInto(xs, out) {
    checkLengths(xs, out);
    for (let i = 0; i < xs.length; i++) out[i] = hardSigmoidValue(xs[i]!);
    return out;
  },
  dfInto(xs, out) {
    checkLengths(xs, out);
    for (let i = 0; i < xs.length; i++) out[i] = hardSigmoidSlope(xs[i]!);
    return out;
  },
};

export const hardTanhKernels: ActivationKernels = {
  fInto(xs, out) {
    checkLengths(xs, out);
    for (let i = 0; i < xs.length; i++) out[i] = hardTanhValue(xs[i]!);
    return out;
  },
  dfInto(xs, out) {
    checkLengths(xs, out);
    for (let i = 0; i < xs.length; i++) out[i] = hardTanhSlope(xs[i]!);
    return out;
  },
};

export const hardSwishKernels: ActivationKernels = {
  fInto(xs, out) {
    checkLengths(xs, out);
    for (let i = 0; i < xs.length; i++) out[i] = hardSwishValue(xs[i]!);
    return out;
  },
  dfInto(xs, out) {
    checkLengths(xs, out);
    for (let i = 0; i < xs.length; i++) out[i] = hardSwishSlope(xs[i]!);
    return out;
  },
};
