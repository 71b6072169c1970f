/**
 * Input features: what the network sees of a point (x1, x2) of the plane, as in TensorFlow
 * Playground: x1, x2, x1², x2², x1·x2, sin x1, sin x2. The setting is a comma list of ids in the
 * URL (`train.feat=x1,x2,x1sq`); the first layer gets one input per feature, in the order of
 * {@link featureIds}. Pure: no DOM.
 */

/** Every feature, in the order the diagram draws them and the network reads them. */
export const featureIds = ['x1', 'x2', 'x1sq', 'x2sq', 'x1x2', 'sinx1', 'sinx2'] as const;

/** A feature id. */
export type FeatureId = (typeof featureIds)[number];

/** How each feature reads on screen. */
export const featureLabels: Readonly<Record<FeatureId, string>> = {
  x1: 'x₁',
  x2: 'x₂',
  x1sq: 'x₁²',
  x2sq: 'x₂²',
  x1x2: 'x₁x₂',
  sinx1: 'sin x₁',
  sinx2: 'sin x₂',
};

/** Each feature as a function of the point. */
export const featureFunctions: Readonly<Record<FeatureId, (x: number, y: number) => number>> = {
  x1: (x) => x,
  x2: (_, y) => y,
  x1sq: (x) => x * x,
  x2sq: (_, y) => y * y,
  x1x2: (x, y) => x * y,
  sinx1: (x) => Math.sin(x),
  sinx2: (_, y) => Math.sin(y),
};

/** The default: the raw coordinates, which is what the playground fed the network before features existed. */
export const DEFAULT_FEATURES = 'x1,x2';

/** Longest accepted setting: every id once, plus a repeat or two (config.ts declares it as a set). */
export const featuresMaxLength = 80;

/**
 * The ids of a setting in network order, each once; assumes the URL table accepted it.
 * An empty value (`train.feat=`, which the URL layer lets through) reads as the default: a
 * network needs at least one input.
 */
export function parseFeatures(value: string): FeatureId[] {
  const given = new Set((value === '' ? DEFAULT_FEATURES : value).split(','));
  return featureIds.filter((id) => given.has(id));
}

/** The setting with one feature switched on or off; the last one cannot be switched off. */
export function toggleFeature(value: string, id: FeatureId): string {
  const on = new Set(parseFeatures(value));
  if (on.has(id)) {
    if (on.size > 1) on.delete(id);
  } else on.add(id);
  return featureIds.filter((f) => on.has(f)).join(',');
}

/**
 * Row-major n×k feature rows of row-major n×2 points. The default features return `points`
 * itself, so a run without extra features is bit for bit what it was before they existed.
 */
export function featurize(
  points: Float64Array,
  n: number,
  features: readonly FeatureId[],
): Float64Array {
  if (features.length === 2 && features[0] === 'x1' && features[1] === 'x2') return points;
  const k = features.length;
  const fns = features.map((f) => featureFunctions[f]);
  const out = new Float64Array(n * k);
  for (let r = 0; r < n; r++) {
    const x = points[2 * r]!;
    const y = points[2 * r + 1]!;
    for (let j = 0; j < k; j++) out[r * k + j] = fns[j]!(x, y);
  }
  return out;
}
