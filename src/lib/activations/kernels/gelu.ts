/**
 * The vectorised forms of GELU and its tanh approximation: table kernels built on first use
 * (gelu-table.ts, gelu-tanh-table.ts). The mathematics, and the scalar functions that short
 * inputs and the fix-up passes use, are in ../gelu.ts.
 */
import { geluSlope, geluTanhSlope, geluTanhValue, geluValue } from '../gelu.ts';
import type { ActivationKernels } from '../types.ts';
import {
  geluSlopeTableInto,
  geluTableInto,
  geluTableReady,
  prepareGeluTable,
} from './gelu-table.ts';
import {
  geluTanhSlopeTableInto,
  geluTanhTableInto,
  geluTanhTableReady,
  prepareGeluTanhTable,
} from './gelu-tanh-table.ts';
import { checkLengths, scalarInto, TABLE_MIN_LENGTH } from './loop.ts';

export const geluKernels: ActivationKernels = {
  fInto(xs, out) {
    checkLengths(xs, out);
    if (xs.length < TABLE_MIN_LENGTH && !geluTableReady()) scalarInto(xs, out, geluValue);
    else geluTableInto(xs, out, geluValue);
    return out;
  },
  dfInto(xs, out) {
    checkLengths(xs, out);
    if (xs.length < TABLE_MIN_LENGTH && !geluTableReady()) scalarInto(xs, out, geluSlope);
    else geluSlopeTableInto(xs, out, geluSlope);
    return out;
  },
  prepare: prepareGeluTable,
};

export const geluTanhKernels: ActivationKernels = {
  fInto(xs, out) {
    checkLengths(xs, out);
    if (xs.length < TABLE_MIN_LENGTH && !geluTanhTableReady()) scalarInto(xs, out, geluTanhValue);
    else geluTanhTableInto(xs, out, geluTanhValue);
    return out;
  },
  dfInto(xs, out) {
    checkLengths(xs, out);
    if (xs.length < TABLE_MIN_LENGTH && !geluTanhTableReady()) scalarInto(xs, out, geluTanhSlope);
    else geluTanhSlopeTableInto(xs, out, geluTanhSlope);
    return out;
  },
  prepare: prepareGeluTanhTable,
};
