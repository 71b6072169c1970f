/**
 * The handwritten digits (UCI optdigits test set, CC BY 4.0; see ./digits/README.md): decoding,
 * and the fixed train/test split every figure, claim and test of the "On real data" lesson uses.
 * Pure: no DOM, no I/O, so the build, the Web Worker and Node run the same code.
 *
 * Nothing is cached at module level: decoding the 118 KB text takes about a millisecond, so each
 * caller decodes its own copy and owns its arrays (training never shares a buffer by accident).
 */
import { createRng } from '../random.ts';
import { OPTDIGITS } from './digits/optdigits.ts';

/** Fixed facts of the data set and of the split. */
export const DIGITS = {
  /** Images in the set. */
  images: 1797,
  /** Pixels per side; an image is side × side, row-major. */
  side: 8,
  /** Pixels per image (the network's input width). */
  pixels: 64,
  /** Classes, the digits 0-9 (the network's output width). */
  classes: 10,
  /** Highest grey level; a pixel is an integer from 0 to this. */
  maxLevel: 16,
  /** Images in the training set. */
  trainSize: 1437,
  /** Images in the test set (the rest). */
  testSize: 360,
  /** Seed of the split; changing it changes every figure of the lesson. */
  splitSeed: 1998,
} as const;

/** The whole set as integers. */
export interface DigitImages {
  /** Number of images. */
  readonly n: number;
  /** Grey levels 0-16, n × 64, row-major (pixel p of image i at `i * 64 + p`). */
  readonly levels: Uint8Array;
  /** Class of each image, 0-9. */
  readonly labels: Int32Array;
}

/** One side of the split, ready for the network. */
export interface DigitSet {
  /** Number of images. */
  readonly n: number;
  /** Pixels scaled to [0, 1] (level / 16), n × 64, row-major. */
  readonly inputs: Float64Array;
  /** Class of each image, 0-9. */
  readonly labels: Int32Array;
  /** Each image's row in the full set (ascending), to show it or find it again. */
  readonly index: Int32Array;
}

/** The fixed split. */
export interface DigitSplit {
  /** {@link DIGITS.trainSize} images. */
  readonly train: DigitSet;
  /** {@link DIGITS.testSize} images. */
  readonly test: DigitSet;
}

/**
 * Decodes the committed text (one line per image: the label, then 64 letters `a`-`q` for levels
 * 0-16). Throws naming the line on anything else, so a damaged file fails loudly.
 */
export function decodeDigits(text: string = OPTDIGITS): DigitImages {
  const lines = text.split('\n');
  const n = lines.length;
  const levels = new Uint8Array(n * DIGITS.pixels);
  const labels = new Int32Array(n);
  lines.forEach((line, i) => {
    if (line.length !== 1 + DIGITS.pixels)
      throw new RangeError(`digits line ${i + 1}: ${line.length} characters, expected 65`);
    const label = line.charCodeAt(0) - 48;
    if (!(label >= 0 && label < DIGITS.classes))
      throw new RangeError(`digits line ${i + 1}: label ${JSON.stringify(line[0])}`);
    labels[i] = label;
    for (let p = 0; p < DIGITS.pixels; p++) {
      const level = line.charCodeAt(1 + p) - 97;
      if (!(level >= 0 && level <= DIGITS.maxLevel))
        throw new RangeError(`digits line ${i + 1}: pixel ${p} is ${JSON.stringify(line[1 + p])}`);
      levels[i * DIGITS.pixels + p] = level;
    }
  });
  return { n, levels, labels };
}

/** The images at `rows` (ascending indices into `images`), scaled for the network. */
export function digitSubset(images: DigitImages, rows: Int32Array): DigitSet {
  const P = DIGITS.pixels;
  const inputs = new Float64Array(rows.length * P);
  const labels = new Int32Array(rows.length);
  rows.forEach((row, i) => {
    labels[i] = images.labels[row]!;
    for (let p = 0; p < P; p++) inputs[i * P + p] = images.levels[row * P + p]! / DIGITS.maxLevel;
  });
  return { n: rows.length, inputs, labels, index: rows };
}

/**
 * The train/test split: a seeded shuffle of the rows, the first {@link DIGITS.trainSize} for
 * training and the rest for testing, each part in ascending row order. The same seed gives the
 * same split on every machine (the generator is src/lib/random.ts, integer arithmetic only).
 */
export function splitDigits(
  images: DigitImages = decodeDigits(),
  seed: number = DIGITS.splitSeed,
): DigitSplit {
  if (images.n !== DIGITS.images)
    throw new RangeError(`splitDigits: ${images.n} images, expected ${DIGITS.images}`);
  const order = createRng(seed).shuffle(Int32Array.from({ length: images.n }, (_, i) => i));
  const train = order.slice(0, DIGITS.trainSize).sort();
  const test = order.slice(DIGITS.trainSize).sort();
  return { train: digitSubset(images, train), test: digitSubset(images, test) };
}
