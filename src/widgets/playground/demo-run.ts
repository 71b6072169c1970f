/**
 * A lesson demo run headless: the preset's lanes built and trained by the playground's own
 * session (session.ts, the code the worker runs), for one seed and a fixed number of epochs.
 * What the claims judge is therefore what the reader's browser computes for the same URL.
 */
import type { MlpJson } from '../../lib/nn/index.ts';
import type { Config } from './config.ts';
import type { Preset } from './presets.ts';
import type { RunSnapshot } from './protocol.ts';
import { runConfigs } from './resolve.ts';
import { createSession } from './session.ts';

/** One lane of a demo after training. */
export interface LaneRun {
  /** The lane's label in the preset, e.g. `sigmoid`. */
  readonly label: string;
  /** The lane's full settings (the preset's base, its patch, the seed). */
  readonly config: Config;
  /** The network before the first epoch. */
  readonly before: MlpJson;
  /** The network after the last epoch. */
  readonly after: MlpJson;
  /** The snapshot the page would draw after the last epoch (instrumented on that epoch). */
  readonly snapshot: RunSnapshot;
}

/** The lanes' settings for one seed, in the preset's order. */
export function laneConfigs(preset: Preset, seed: number): Config[] {
  return runConfigs(
    { ...preset.base, seed },
    preset.runs.map((r) => r.patch),
  );
}

/**
 * Trains every lane of `preset` with `seed` for `epochs` epochs, as one session (the page trains
 * its lanes in lockstep the same way), and returns each lane's result.
 */
export function runDemo(preset: Preset, seed: number, epochs: number): LaneRun[] {
  const configs = laneConfigs(preset, seed);
  const session = createSession(configs);
  const before = session.toJSON() as MlpJson[];
  session.step(epochs);
  const after = session.toJSON() as MlpJson[];
  const snapshots = session.snapshot();
  return preset.runs.map((r, i) => ({
    label: r.label,
    config: configs[i]!,
    before: before[i]!,
    after: after[i]!,
    snapshot: snapshots[i]!,
  }));
}

/**
 * For each lane of `preset` with `seed`, the first epoch (a multiple of `every`, at most
 * `maxEpochs`) whose snapshot passes `reached`, or Infinity when none did: how long each
 * activation takes to get somewhere, not only where it is at one epoch.
 */
export function epochsUntil(
  preset: Preset,
  seed: number,
  maxEpochs: number,
  every: number,
  reached: (s: RunSnapshot) => boolean,
): Map<string, number> {
  const session = createSession(laneConfigs(preset, seed));
  const first: number[] = preset.runs.map(() => Infinity);
  for (let epoch = every; epoch <= maxEpochs && first.some((e) => e === Infinity); epoch += every) {
    session.step(every);
    session.snapshot().forEach((s, i) => {
      if (first[i] === Infinity && reached(s)) first[i] = epoch;
    });
  }
  return new Map(preset.runs.map((r, i) => [r.label, first[i]!]));
}

/** The lane with a label; throws naming the label when the preset has none. */
export function lane(runs: readonly LaneRun[], label: string): LaneRun {
  const found = runs.find((r) => r.label === label);
  if (!found)
    throw new RangeError(
      `no lane ${JSON.stringify(label)} among ${runs.map((r) => r.label).join(', ')}`,
    );
  return found;
}
