/**
 * Presets: the full playground's starting point and the four lesson demos. Each demo is a
 * playground with several runs that differ in one setting and share everything else, including
 * the seed, so the comparison is fair and the URL (`?vanish.seed=3`) reproduces it.
 */
import { defaultConfig, type Config } from './config.ts';

/** Figures a playground can show. */
export type ViewKind = 'boundary' | 'loss' | 'gradients' | 'histograms' | 'dead' | 'neurons';

/** A playground configuration as the .astro wrapper takes it. */
export interface Preset {
  /** URL namespace. */
  readonly namespace: string;
  /** Title above the figure. */
  readonly title: string;
  /** Settings shared by the runs. */
  readonly base: Config;
  /** Runs: a label and the settings that differ. */
  readonly runs: readonly { readonly label: string; readonly patch: Partial<Config> }[];
  /** Figures drawn once per run. */
  readonly perRun: readonly ViewKind[];
  /** Whether every setting has a control (the full playground) or only the seed. */
  readonly controls: 'all' | 'seed';
  /** What the reader should look for, for the caption. */
  readonly caption: string;
}

/** The full playground. */
export const playgroundPreset: Preset = {
  namespace: 'train',
  title: 'Training playground',
  base: defaultConfig,
  runs: [{ label: 'network', patch: {} }],
  perRun: ['boundary'],
  controls: 'all',
  caption: 'A small network learning to separate two classes; every setting and the seed are in the URL, so a link reproduces the run.',
};

/** Lesson demos, keyed by the TrainingDemo `demo` prop. */
export const demoPresets = {
  'linear-vs-nonlinear': {
    namespace: 'linear',
    title: 'Linear versus tanh on the circle data',
    base: { ...defaultConfig, out: 'tanh', opt: 'adam', lr: 0.01, data: 'circle', layers: 2, width: 6 },
    runs: [
      { label: 'linear', patch: { act: 'linear' } },
      { label: 'tanh', patch: { act: 'tanh' } },
    ],
    perRun: ['boundary'],
    controls: 'seed',
    caption: 'The same network, seed and data; only the hidden activation differs. A stack of linear layers is one linear map, so its boundary stays a straight line while tanh bends around the inner class.',
  },
  'vanishing-gradients': {
    namespace: 'vanish',
    title: 'Gradient norm per layer in an eight-layer network',
    base: { ...defaultConfig, out: 'tanh', layers: 8, width: 4, opt: 'sgd', lr: 0.05, init: 'xavier' },
    runs: [
      { label: 'sigmoid', patch: { act: 'sigmoid' } },
      { label: 'tanh', patch: { act: 'tanh' } },
      { label: 'relu', patch: { act: 'relu' } },
    ],
    perRun: ['boundary', 'gradients'],
    controls: 'seed',
    caption: 'Eight hidden layers of four units, same seed and initialisation. With sigmoid the first layers get gradients orders of magnitude smaller than the last (log scale), so they barely learn.',
  },
  'dead-relu': {
    namespace: 'dead',
    title: 'Dead units with a high learning rate and negative initial biases',
    base: { ...defaultConfig, out: 'tanh', layers: 2, width: 8, opt: 'sgd', lr: 0.2, bias: -2, init: 'xavier' },
    runs: [
      { label: 'relu', patch: { act: 'relu' } },
      { label: 'leaky-relu', patch: { act: 'leaky-relu' } },
      { label: 'prelu', patch: { act: 'prelu' } },
    ],
    perRun: ['boundary', 'dead'],
    controls: 'seed',
    caption: 'Biases start at −2 and the learning rate is high. ReLU units that stop firing on every input get no gradient and stay dead; Leaky ReLU and PReLU keep a slope below zero, and PReLU learns its own.',
  },
  'zero-centring': {
    namespace: 'centre',
    title: 'Sigmoid versus tanh hidden units',
    base: { ...defaultConfig, out: 'tanh', layers: 2, width: 6, opt: 'sgd', lr: 0.03, init: 'xavier' },
    runs: [
      { label: 'sigmoid', patch: { act: 'sigmoid' } },
      { label: 'tanh', patch: { act: 'tanh' } },
    ],
    perRun: ['boundary'],
    controls: 'seed',
    caption: 'Same seed, initialisation and optimiser. Sigmoid outputs are all positive, so the next layer’s weight updates share a sign and zig-zag; tanh is centred on zero and its loss falls faster.',
  },
} as const satisfies Record<string, Preset>;

/** A lesson demo id (the preset demos; the league table is separate). */
export type DemoId = keyof typeof demoPresets;
