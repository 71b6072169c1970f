/**
 * 2-D toy classification problems, each a pure function `(n, noise, rng) => points`.
 *
 * Conventions shared by every generator: the plane of interest is roughly [-6, 6]², the first
 * ceil(n / 2) points are the positive class (label +1) and the rest the negative class (-1), and
 * `noise` is a number in [0, 1] (0 gives the clean shape). Randomness comes only from the `rng`
 * argument, drawn in a fixed order, so a seed reproduces the points exactly.
 */
import type { Rng } from '../random.ts';

/** One labelled point in the plane. */
export interface LabelledPoint {
  /** Horizontal coordinate. */
  readonly x: number;
  /** Vertical coordinate. */
  readonly y: number;
  /** Class: +1 positive, -1 negative. */
  readonly label: 1 | -1;
}

/** A generator: `n` points, `noise` in [0, 1], randomness only from `rng`. */
export type Generator = (n: number, noise: number, rng: Rng) => LabelledPoint[];

/** Every dataset kind, in the order a picker shows them. */
export const datasetKinds = ['circle', 'xor', 'gaussians', 'spiral', 'moons'] as const;

/** A dataset kind; also used in URLs. */
export type DatasetKind = (typeof datasetKinds)[number];

/** Half the side of the square the shapes are drawn in; noise is measured against it. */
const RADIUS = 5;

/** Number of positive points: the first half, rounded up. */
const positives = (n: number): number => Math.ceil(n / 2);

/**
 * A disc (label +1, r ~ U[0, 2.5)) inside a ring (label -1, r ~ U[3.5, 5)), θ ~ U[0, 2π),
 * (x, y) = (r sin θ, r cos θ). For each point r is drawn before θ. Noise then moves each point by
 * U[-5, 5) · noise on each axis, keeping its label, so a noisy set has overlapping classes. With
 * noise 0 this is exactly the benchmark's data contract.
 */
export const circle: Generator = (n, noise, rng) => {
  const points: LabelledPoint[] = [];
  const nPos = positives(n);
  for (let i = 0; i < n; i++) {
    const inner = i < nPos;
    const r = inner ? rng.uniform(0, RADIUS * 0.5) : rng.uniform(RADIUS * 0.7, RADIUS);
    const theta = rng.uniform(0, 2 * Math.PI);
    let x = r * Math.sin(theta);
    let y = r * Math.cos(theta);
    if (noise > 0) {
      x += rng.uniform(-RADIUS, RADIUS) * noise;
      y += rng.uniform(-RADIUS, RADIUS) * noise;
    }
    points.push({ x, y, label: inner ? 1 : -1 });
  }
  return points;
};

/**
 * Four quadrant clusters: label +1 where x·y > 0. Coordinates are U[-5, 5) pushed 0.3 away from
 * the axes so the clean set has a margin; noise moves points by U[-5, 5) · noise per axis after
 * the label is fixed. Points are sampled until each class has its share, so the halves stay
 * balanced and ordered like the other generators.
 */
export const xor: Generator = (n, noise, rng) => {
  const nPos = positives(n);
  const pos: LabelledPoint[] = [];
  const neg: LabelledPoint[] = [];
  const padding = 0.3;
  while (pos.length < nPos || neg.length < n - nPos) {
    let x = rng.uniform(-RADIUS, RADIUS);
    let y = rng.uniform(-RADIUS, RADIUS);
    x += x > 0 ? padding : -padding;
    y += y > 0 ? padding : -padding;
    const label = x * y > 0 ? 1 : -1;
    if (noise > 0) {
      x += rng.uniform(-RADIUS, RADIUS) * noise;
      y += rng.uniform(-RADIUS, RADIUS) * noise;
    }
    const bucket = label === 1 ? pos : neg;
    if (bucket.length < (label === 1 ? nPos : n - nPos)) bucket.push({ x, y, label });
  }
  return pos.concat(neg);
};

/**
 * Two Gaussian blobs centred on (2, 2) (label +1) and (-2, -2) (label -1). The variance grows
 * linearly with noise, 0.5 at noise 0 to 4 at noise 0.5 (as in TensorFlow Playground), so the
 * blobs overlap more as noise rises.
 */
export const gaussians: Generator = (n, noise, rng) => {
  const points: LabelledPoint[] = [];
  const nPos = positives(n);
  const sd = Math.sqrt(0.5 + 7 * noise);
  for (let i = 0; i < n; i++) {
    const c = i < nPos ? 2 : -2;
    points.push({ x: c + sd * rng.normal(), y: c + sd * rng.normal(), label: c > 0 ? 1 : -1 });
  }
  return points;
};

/**
 * Two interleaved spiral arms, 1.75 turns each out to radius 5; the negative arm is the positive
 * one turned by π. Noise moves points by U[-1, 1) · noise per axis.
 */
export const spiral: Generator = (n, noise, rng) => {
  const points: LabelledPoint[] = [];
  const nPos = positives(n);
  const arm = (count: number, deltaT: number, label: 1 | -1): void => {
    for (let i = 0; i < count; i++) {
      const r = (i / count) * RADIUS;
      const t = ((1.75 * i) / count) * 2 * Math.PI + deltaT;
      const x = r * Math.sin(t) + (noise > 0 ? rng.uniform(-1, 1) * noise : 0);
      const y = r * Math.cos(t) + (noise > 0 ? rng.uniform(-1, 1) * noise : 0);
      points.push({ x, y, label });
    }
  };
  arm(nPos, 0, 1);
  arm(n - nPos, Math.PI, -1);
  return points;
};

/**
 * Two interlocking half-moons (scikit-learn's `make_moons`, with random rather than evenly spaced
 * angles), scaled by 3 and centred on the origin. Noise is Gaussian with standard deviation
 * 3 · noise, i.e. `noise` is scikit-learn's noise in the unscaled units.
 */
export const moons: Generator = (n, noise, rng) => {
  const points: LabelledPoint[] = [];
  const nPos = positives(n);
  const scale = 3;
  for (let i = 0; i < n; i++) {
    const upper = i < nPos;
    const t = rng.uniform(0, Math.PI);
    let x = upper ? Math.cos(t) : 1 - Math.cos(t);
    let y = upper ? Math.sin(t) : 0.5 - Math.sin(t);
    if (noise > 0) {
      x += noise * rng.normal();
      y += noise * rng.normal();
    }
    // Centre (0.5, 0.25) of the unscaled pair moves to the origin.
    points.push({ x: (x - 0.5) * scale, y: (y - 0.25) * scale, label: upper ? 1 : -1 });
  }
  return points;
};

/** One point of a regression problem: a position and the value to predict, in [-1, 1]. */
export interface ValuedPoint {
  /** Horizontal coordinate. */
  readonly x: number;
  /** Vertical coordinate. */
  readonly y: number;
  /** Target value in [-1, 1]. */
  readonly value: number;
}

/** A regression generator: `n` points, `noise` in [0, 1], randomness only from `rng`. */
export type RegressionGenerator = (n: number, noise: number, rng: Rng) => ValuedPoint[];

/** Regression problems (TensorFlow Playground's two), in the order a picker shows them. */
export const regressionKinds = ['reg-plane', 'reg-gauss'] as const;

/** A regression problem; also used in URLs. */
export type RegressionKind = (typeof regressionKinds)[number];

/** Half-width of the square regression points are drawn in (TensorFlow Playground's 6). */
const REG_RADIUS = 6;

/**
 * A tilted plane: value (x + y) / 10 over U[-6, 6)², so it spans about [-1.2, 1.2] and a
 * network needs no hidden layer for it. Noise shifts the point at which the value is read by
 * U[-6, 6) · noise per axis (the point itself stays), so a noisy set has values off the plane.
 * The draws per point: x, y, then the two shifts when noise > 0.
 */
export const regPlane: RegressionGenerator = (n, noise, rng) => {
  const points: ValuedPoint[] = [];
  for (let i = 0; i < n; i++) {
    const x = rng.uniform(-REG_RADIUS, REG_RADIUS);
    const y = rng.uniform(-REG_RADIUS, REG_RADIUS);
    const dx = noise > 0 ? rng.uniform(-REG_RADIUS, REG_RADIUS) * noise : 0;
    const dy = noise > 0 ? rng.uniform(-REG_RADIUS, REG_RADIUS) * noise : 0;
    points.push({ x, y, value: (x + dx + y + dy) / 10 });
  }
  return points;
};

/** Centres and signs of the six bumps of {@link regGauss}: two rows of three, alternating. */
const BUMPS = [
  [-4, 2.5, 1],
  [0, 2.5, -1],
  [4, 2.5, 1],
  [-4, -2.5, -1],
  [0, -2.5, 1],
  [4, -2.5, -1],
] as const;

/**
 * Six bumps of alternating sign: each contributes sign · max(0, 1 − d/2) at distance d from its
 * centre, and a point takes the contribution largest in magnitude (0 far from every bump).
 * Positions and noise as in {@link regPlane}.
 */
export const regGauss: RegressionGenerator = (n, noise, rng) => {
  const valueAt = (x: number, y: number): number => {
    let v = 0;
    for (const [cx, cy, sign] of BUMPS) {
      const bump = sign * Math.max(0, 1 - Math.hypot(x - cx, y - cy) / 2);
      if (Math.abs(bump) > Math.abs(v)) v = bump;
    }
    return v;
  };
  const points: ValuedPoint[] = [];
  for (let i = 0; i < n; i++) {
    const x = rng.uniform(-REG_RADIUS, REG_RADIUS);
    const y = rng.uniform(-REG_RADIUS, REG_RADIUS);
    const dx = noise > 0 ? rng.uniform(-REG_RADIUS, REG_RADIUS) * noise : 0;
    const dy = noise > 0 ? rng.uniform(-REG_RADIUS, REG_RADIUS) * noise : 0;
    points.push({ x, y, value: valueAt(x + dx, y + dy) });
  }
  return points;
};

/** Every regression generator by kind. */
export const regressionGenerators: Readonly<Record<RegressionKind, RegressionGenerator>> = {
  'reg-plane': regPlane,
  'reg-gauss': regGauss,
};

/** Every generator by kind. */
export const generators: Readonly<Record<DatasetKind, Generator>> = {
  circle,
  xor,
  gaussians,
  spiral,
  moons,
};
