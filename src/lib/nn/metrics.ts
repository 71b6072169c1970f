/**
 * Classification metrics over a trained model: predicted classes, a confusion matrix, and the
 * one-hot targets a softmax network trains on. Targets are row-major (one row per example, as
 * wide as the output layer), the network's outputs unit-major (see layout.ts).
 *
 * A class is the index of the largest output (the first of equal ones). A network with a single
 * output is a binary classifier instead: class 1 when its output exceeds 0.5 for a sigmoid output
 * and 0 otherwise, the threshold `Mlp.accuracy` uses, and its targets are read the same way.
 */
import type { Mlp } from './types.ts';

/** Index of the largest of `count` values at `values[offset + k·stride]`; the first on a tie. */
function argmax(values: Float64Array, offset: number, stride: number, count: number): number {
  let best = 0;
  let top = values[offset]!;
  for (let k = 1; k < count; k++) {
    const v = values[offset + k * stride]!;
    if (v > top) {
      top = v;
      best = k;
    }
  }
  return best;
}

/**
 * Rows (of `n`) whose largest unit-major output is where their largest row-major target is.
 * What `Mlp.accuracy` counts for a network with several outputs.
 */
export function argmaxAgreement(
  outputs: Float64Array,
  targets: Float64Array,
  n: number,
  units: number,
): number {
  let correct = 0;
  for (let r = 0; r < n; r++) {
    if (argmax(outputs, r, n, units) === argmax(targets, r * units, 1, units)) correct++;
  }
  return correct;
}

/** The threshold of a one-output network: 0.5 for a sigmoid output, 0 otherwise. */
const thresholdOf = (mlp: Mlp): number => (mlp.spec.outputActivation === 'sigmoid' ? 0.5 : 0);

/** Output units of the network. */
const unitsOf = (mlp: Mlp): number => mlp.spec.sizes[mlp.spec.sizes.length - 1]!;

/** The predicted class of each of the first `n` rows of row-major `inputs`. */
export function predictClasses(mlp: Mlp, inputs: Float64Array, n: number): Int32Array {
  const { outputs } = mlp.evaluate(inputs, n);
  const units = unitsOf(mlp);
  const classes = new Int32Array(n);
  if (units === 1) {
    const threshold = thresholdOf(mlp);
    for (let r = 0; r < n; r++) classes[r] = outputs[r]! > threshold ? 1 : 0;
  } else {
    for (let r = 0; r < n; r++) classes[r] = argmax(outputs, r, n, units);
  }
  return classes;
}

/**
 * A `classes`×`classes` row-major count matrix: entry [i·classes + j] counts the examples of
 * true class i (from `targets`) predicted as class j. Throws a RangeError when the data do not
 * make rows of the network's widths, or a class falls outside `classes`.
 */
export function confusionMatrix(
  mlp: Mlp,
  inputs: Float64Array,
  targets: Float64Array,
  classes: number,
): Int32Array {
  const units = unitsOf(mlp);
  const inSize = mlp.spec.sizes[0]!;
  const n = targets.length / units;
  if (!Number.isInteger(n) || inputs.length !== n * inSize) {
    throw new RangeError(
      `confusionMatrix: ${inputs.length} inputs and ${targets.length} targets do not make rows of ${inSize} and ${units}`,
    );
  }
  if (!Number.isInteger(classes) || classes < Math.max(2, units)) {
    throw new RangeError(`confusionMatrix: bad class count ${classes} for ${units} outputs`);
  }
  const predicted = predictClasses(mlp, inputs, n);
  const threshold = thresholdOf(mlp);
  const matrix = new Int32Array(classes * classes);
  for (let r = 0; r < n; r++) {
    const truth =
      units === 1 ? (targets[r]! > threshold ? 1 : 0) : argmax(targets, r * units, 1, units);
    matrix[truth * classes + predicted[r]!]!++;
  }
  return matrix;
}

/**
 * Row-major one-hot rows, `classes` wide: row r has a 1 at column `labels[r]`. Throws a
 * RangeError naming the first label that is not an integer in [0, classes).
 */
export function oneHot(labels: ArrayLike<number>, classes: number): Float64Array {
  if (!Number.isInteger(classes) || classes < 1) {
    throw new RangeError(`oneHot: bad class count ${classes}`);
  }
  const out = new Float64Array(labels.length * classes);
  for (let r = 0; r < labels.length; r++) {
    const c = labels[r]!;
    if (!Number.isInteger(c) || c < 0 || c >= classes) {
      throw new RangeError(`oneHot: label ${c} at row ${r} is not a class in [0, ${classes})`);
    }
    out[r * classes + c] = 1;
  }
  return out;
}
