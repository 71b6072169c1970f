/**
 * The handwritten digits as shipped: the committed text decodes to the 1,797 images of the UCI set
 * (counts per class, pixel and label checksums taken from the original CSV), and the train/test
 * split is the fixed, seeded one every figure and claim of "On real data" relies on.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DIGITS, decodeDigits, splitDigits } from '../../src/lib/data/digits.ts';
import { OPTDIGITS, OPTDIGITS_SHA256 } from '../../src/lib/data/digits/optdigits.ts';

/** A position-sensitive checksum: a reordered or altered value changes it. */
function rolling(values: ArrayLike<number>): number {
  let h = 0;
  for (let i = 0; i < values.length; i++) h = (h * 31 + values[i]!) % 1_000_000_007;
  return h;
}

describe('digits data', () => {
  const images = decodeDigits();

  it('is the committed text, unaltered', () => {
    expect(createHash('sha256').update(OPTDIGITS).digest('hex')).toBe(OPTDIGITS_SHA256);
  });

  it('has 1,797 images of 64 levels in 0-16, with the UCI counts per class', () => {
    expect(images.n).toBe(DIGITS.images);
    expect(images.levels.length).toBe(DIGITS.images * DIGITS.pixels);
    expect(Math.max(...images.levels)).toBe(16);
    const counts = new Array<number>(10).fill(0);
    for (const l of images.labels) counts[l]!++;
    expect(counts).toEqual([178, 182, 177, 183, 181, 182, 181, 179, 174, 180]);
  });

  it('matches checksums of the original CSV', () => {
    // Sums from `zcat digits.csv.gz | awk` (pixels 561,718; labels 8,070) and the rolling hashes.
    expect(images.levels.reduce((s, v) => s + v, 0)).toBe(561_718);
    expect(images.labels.reduce((s, v) => s + v, 0)).toBe(8_070);
    expect(rolling(images.levels)).toBe(808_564_004);
    expect(rolling(images.labels)).toBe(767_788_317);
  });

  it('rejects a damaged line, naming it', () => {
    expect(() => decodeDigits(`0${'a'.repeat(63)}`)).toThrow('line 1: 64 characters');
    expect(() => decodeDigits(`0${'a'.repeat(63)}r`)).toThrow('pixel 63');
    expect(() => decodeDigits(`x${'a'.repeat(64)}`)).toThrow('label');
  });
});

describe('digits split', () => {
  const split = splitDigits();

  it('is 1,437 training and 360 test images that together are the whole set, once each', () => {
    expect([split.train.n, split.test.n]).toEqual([1437, 360]);
    const all = [...split.train.index, ...split.test.index].sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: 1797 }, (_, i) => i));
    expect(split.train.inputs.length).toBe(1437 * 64);
    expect(split.test.labels.length).toBe(360);
  });

  it('scales pixels to [0, 1] and keeps each image with its label', () => {
    const images = decodeDigits();
    const { test } = split;
    for (const i of [0, 17, 359]) {
      const row = test.index[i]!;
      expect(test.labels[i]).toBe(images.labels[row]);
      for (let p = 0; p < 64; p++)
        expect(test.inputs[i * 64 + p]).toBe(images.levels[row * 64 + p]! / 16);
    }
    expect(Math.min(...split.train.inputs)).toBe(0);
    expect(Math.max(...split.train.inputs)).toBe(1);
  });

  it('is fixed: the same rows on every call, and a known first few', () => {
    const again = splitDigits();
    expect(again.test.index).toEqual(split.test.index);
    expect(again.train.inputs).toEqual(split.train.inputs);
    expect(Array.from(split.test.index.slice(0, 8))).toEqual([3, 5, 11, 17, 24, 33, 34, 36]);
    const testCounts = new Array<number>(10).fill(0);
    for (const l of split.test.labels) testCounts[l]!++;
    expect(testCounts).toEqual([29, 36, 32, 38, 30, 46, 42, 35, 37, 35]);
  });

  it('changes with the seed', () => {
    expect(splitDigits(undefined, 7).test.index).not.toEqual(split.test.index);
  });
});
