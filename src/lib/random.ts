/**
 * Seeded pseudo-random numbers: the only source of randomness in the project.
 *
 * State: each generator returned by {@link createRng} owns four 32-bit words (sfc32) and one
 * cached Gaussian deviate; nothing lives at module level, so two generators never interfere and
 * a seed always replays the same sequence. Lifecycle: create one per purpose (init, shuffling,
 * data) and keep it for the run; the sequence depends on the order of calls, so reordering draws
 * changes every later number.
 *
 * Why sfc32: it passes PractRand far beyond what a lesson needs, is four integer operations per
 * number, and its state seeds cleanly from a splitmix32 stream (so nearby seeds do not give
 * correlated runs, a known weakness of feeding the seed in directly).
 */

/** A seeded generator. Every method advances the same underlying stream. */
export interface Rng {
  /** Uniform double in [0, 1), with 32 bits of randomness. */
  next(): number;
  /** Uniform double in [a, b). */
  uniform(a: number, b: number): number;
  /** Standard normal deviate (mean 0, variance 1), Box–Muller with the spare cached. */
  normal(): number;
  /** Uniform integer in [0, n) for an integer n >= 1. */
  int(n: number): number;
  /** Shuffles `items` in place (Fisher–Yates) and returns it. */
  shuffle<T extends { length: number; [i: number]: unknown }>(items: T): T;
  /** The whole state (sfc32's four words, the cached normal and its flag), as plain numbers. */
  getState(): number[];
  /** Continues from a state `getState` returned; throws a RangeError on anything else. */
  setState(state: readonly number[]): void;
}

const TWO_POW_32 = 4294967296;

/** One splitmix32 step, used only to spread a user seed over the sfc32 state. */
function splitmix32(x: number): number {
  let z = (x + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/**
 * Creates a generator from a seed. Any finite number works; it is reduced to 32 bits, so seeds
 * that differ only beyond 2^32 or in their fraction collide (URL seeds are small integers).
 */
export function createRng(seed: number): Rng {
  const s0 = Number.isFinite(seed) ? Math.trunc(seed) >>> 0 : 0;
  let a = splitmix32(s0);
  let b = splitmix32(a);
  let c = splitmix32(b);
  let d = 1;
  let spare = 0;
  let hasSpare = false;

  function nextU32(): number {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  }

  // The first outputs of sfc32 still echo the seed; the reference implementation discards 12.
  for (let i = 0; i < 12; i++) nextU32();

  const next = (): number => nextU32() / TWO_POW_32;

  return {
    next,
    uniform: (lo, hi) => lo + (hi - lo) * next(),
    normal() {
      if (hasSpare) {
        hasSpare = false;
        return spare;
      }
      // 1 - next() lies in (0, 1], so the logarithm is finite.
      const r = Math.sqrt(-2 * Math.log(1 - next()));
      const theta = 2 * Math.PI * next();
      spare = r * Math.sin(theta);
      hasSpare = true;
      return r * Math.cos(theta);
    },
    int: (n) => Math.floor(next() * n),
    getState: () => [a >>> 0, b >>> 0, c >>> 0, d >>> 0, spare, hasSpare ? 1 : 0],
    setState(state) {
      const ok =
        state.length === 6 &&
        state.slice(0, 4).every((w) => Number.isInteger(w) && w >= 0 && w < TWO_POW_32) &&
        Number.isFinite(state[4]) &&
        (state[5] === 0 || state[5] === 1);
      if (!ok) throw new RangeError(`setState: not a generator state: ${JSON.stringify(state)}`);
      [a, b, c, d] = state.map((w) => w | 0) as [number, number, number, number];
      spare = state[4]!;
      hasSpare = state[5] === 1;
    },
    shuffle(items) {
      for (let i = items.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        const tmp = items[i];
        items[i] = items[j];
        items[j] = tmp;
      }
      return items;
    },
  };
}
