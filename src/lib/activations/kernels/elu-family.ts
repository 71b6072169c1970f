/**
 * The vectorised forms of ELU and SELU: table kernels (elu-table.ts) built on first use. The
 * mathematics, and the scalar functions that short inputs and the fix-up passes use, are in
 * ../elu-family.ts.
 */
import {
  eluSlope,
  eluValue,
  SELU_SCALE,
  SELU_SCALE_ALPHA,
  seluSlope,
  seluValue,
} from '../elu-family.ts';
import { param } from '../shared.ts';
import type { ActivationKernels } from '../types.ts';
import { eluSlopeTableInto, eluTableInto, eluTableReady, prepareEluTable } from './elu-table.ts';
import { checkLengths, scalarInto, TABLE_MIN_LENGTH } from './loop.ts';

export const eluKernels: ActivationKernels = {
  fInto(xs, out, p) {
    checkLengths(xs, out);
    const alpha = param(p, 'alpha', 1);
    const scalar = (x: number): number => eluValue(x, alpha);
    if (xs.length < TABLE_MIN_LENGTH && !eluTableReady()) scalarInto(xs, out, scalar);
    else eluTableInto(xs, out, 1, alpha, scalar);
    return out;
  },
  dfInto(xs, out, p) {
    checkLengths(xs, out);
    const alpha = param(p, 'alpha', 1);
    const scalar = (x: number): number => eluSlope(x, alpha);
    if (xs.length < TABLE_MIN_LENGTH && !eluTableReady()) scalarInto(xs, out, scalar);
    else eluSlopeTableInto(xs, out, 1, alpha, scalar);
    return out;
  },
  prepare: prepareEluTable,
};

export const seluKernels: ActivationKernels = {
  fInto(xs, out) {
    checkLengths(xs, out);
    if (xs.length < TABLE_MIN_LENGTH && !eluTableReady()) scalarInto(xs, out, seluValue);
    else eluTableInto(xs, out, SELU_SCALE, SELU_SCALE_ALPHA, seluValue);
    return out;
  },
  dfInto(xs, out) {
    checkLengths(xs, out);
    if (xs.length < TABLE_MIN_LENGTH && !eluTableReady()) scalarInto(xs, out, seluSlope);
    else eluSlopeTableInto(xs, out, SELU_SCALE, SELU_SCALE_ALPHA, seluSlope);
    return out;
  },
  prepare: prepareEluTable,
};
