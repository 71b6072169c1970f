/**
 * Presets: the full playground's starting point and the lesson demos. Each demo is a
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

/**
 * The lanes of both centring demos: two slopes at zero (¼ and 1) crossed with two centres (always
 * positive, centred on zero). The shifted functions are custom expressions, not registry entries:
 * they exist only to separate the two effects, so they do not belong in the site's tables.
 */
const CENTRING_LANES = [
  { label: 'sigmoid', patch: { act: 'sigmoid' } },
  { label: 'σ(x) − ½', patch: { act: 'custom', expr: 'sigmoid(x) - 0.5' } },
  { label: 'tanh + 1', patch: { act: 'custom', expr: 'tanh(x) + 1' } },
  { label: 'tanh', patch: { act: 'tanh' } },
] as const satisfies Preset['runs'];

/** The full playground. */
export const playgroundPreset: Preset = {
  namespace: 'train',
  title: 'Training playground',
  base: defaultConfig,
  runs: [{ label: 'network', patch: {} }],
  perRun: ['boundary'],
  controls: 'all',
  caption:
    'A small network learning to separate two classes; every setting and the seed are in the URL, so a link reproduces the run.',
};

/** Lesson demos, keyed by the TrainingDemo `demo` prop; each one's claims are in demo-claims.ts. */
export const demoPresets = {
  'linear-vs-nonlinear': {
    namespace: 'linear',
    title: 'Linear versus tanh on the circle data',
    base: {
      ...defaultConfig,
      out: 'tanh',
      opt: 'adam',
      lr: 0.01,
      data: 'circle',
      layers: 2,
      width: 6,
    },
    runs: [
      { label: 'linear', patch: { act: 'linear' } },
      { label: 'tanh', patch: { act: 'tanh' } },
    ],
    perRun: ['boundary'],
    controls: 'seed',
    caption:
      'The same network, seed and data; only the hidden activation differs. A stack of linear layers is one linear map, so its boundary stays a straight line while tanh bends around the inner class.',
  },
  'step-vs-sigmoid': {
    namespace: 'step',
    title: 'A step network beside a sigmoid network',
    base: {
      ...defaultConfig,
      out: 'tanh',
      layers: 2,
      width: 6,
      opt: 'sgd',
      lr: 0.1,
      init: 'xavier',
    },
    runs: [
      { label: 'step', patch: { act: 'step' } },
      { label: 'sigmoid', patch: { act: 'sigmoid' } },
    ],
    perRun: ['boundary', 'dead'],
    controls: 'seed',
    caption:
      'Same seed, so both networks start from the same weights. The step’s derivative is 0 on every input, so every step unit counts as dead and backpropagation leaves its hidden weights exactly where they started; only the output layer learns. The sigmoid network moves every layer and separates the circle.',
  },
  'vanishing-gradients': {
    namespace: 'vanish',
    title: 'Gradient norm per layer in an eight-layer network',
    base: { ...defaultConfig, out: 'tanh', layers: 8, width: 8, opt: 'sgd', lr: 0.05, init: 'he' },
    runs: [
      { label: 'sigmoid', patch: { act: 'sigmoid' } },
      { label: 'tanh', patch: { act: 'tanh' } },
      { label: 'relu', patch: { act: 'relu' } },
    ],
    perRun: ['boundary', 'gradients'],
    controls: 'seed',
    caption:
      'Eight hidden layers of eight units, same seed and He initialisation. The sigmoid network’s first layer gets a gradient thousands of times smaller than its output layer (log scale) and it does not learn the circle; tanh and ReLU keep the first layer’s gradient within a factor of a few of the last and learn it.',
  },
  'dead-relu': {
    namespace: 'dead',
    title: 'Dead and inactive units with a high learning rate and negative initial biases',
    base: {
      ...defaultConfig,
      out: 'tanh',
      layers: 2,
      width: 8,
      opt: 'sgd',
      lr: 0.2,
      bias: -2,
      init: 'xavier',
    },
    runs: [
      { label: 'relu', patch: { act: 'relu' } },
      { label: 'leaky-relu', patch: { act: 'leaky-relu' } },
      { label: 'prelu', patch: { act: 'prelu' } },
    ],
    perRun: ['boundary', 'dead'],
    controls: 'seed',
    caption:
      'Biases start at −2 and the learning rate is high. Grey bars count inactive units (negative on every training input), coloured bars dead ones (zero derivative on every input, so no gradient reaches their weights). Inactive ReLUs are dead; inactive Leaky ReLU and PReLU units still pass a gradient. PReLU’s learned slopes are listed under its plot.',
  },
  'zero-centring': {
    namespace: 'centre',
    title: 'Centring or slope? Four hidden activations on a small network',
    base: {
      ...defaultConfig,
      out: 'tanh',
      layers: 2,
      width: 6,
      opt: 'sgd',
      lr: 0.03,
      init: 'xavier',
    },
    runs: CENTRING_LANES,
    perRun: ['boundary'],
    controls: 'seed',
    caption:
      'Same seed, initialisation and optimiser; two layers of six units. Sigmoid and σ(x) − ½ share the slope ¼ at zero, tanh + 1 and tanh the slope 1; σ(x) − ½ and tanh are centred on zero, the other two are always positive. The loss follows the slope: both slope-1 networks end far below both slope-¼ ones, centred or not.',
  },
  'centring-deep': {
    namespace: 'centredeep',
    title: 'The same four activations in a deeper, wider network with a large step',
    base: {
      ...defaultConfig,
      out: 'tanh',
      layers: 4,
      width: 12,
      opt: 'sgd',
      lr: 0.5,
      init: 'xavier',
    },
    runs: CENTRING_LANES,
    perRun: ['boundary'],
    controls: 'seed',
    caption:
      'Four layers of twelve units and a learning rate of 0.5. Now centring matters: σ(x) − ½ learns the circle within 200 epochs, while sigmoid, with the same slope, takes longer on every seed and on most has not learned it by epoch 300. Tanh learns fastest; tanh + 1 learns quickly on some seeds and not at all within 300 epochs on others.',
  },
  'tanh-saturation': {
    namespace: 'saturate',
    title: 'Tanh with initial biases 0 and 2 in an eight-layer network',
    base: {
      ...defaultConfig,
      act: 'tanh',
      out: 'tanh',
      layers: 8,
      width: 8,
      opt: 'sgd',
      lr: 0.05,
      init: 'xavier',
    },
    runs: [
      { label: 'tanh, biases start at 0', patch: { bias: 0 } },
      { label: 'tanh, biases start at 2', patch: { bias: 2 } },
    ],
    perRun: ['boundary', 'gradients'],
    controls: 'seed',
    caption:
      'The same tanh network twice; only the initial biases differ. Starting at 0, pre-activations sit where tanh is steep and the first layer gets more gradient than the last. Starting at 2, every layer sits on tanh’s flat shoulder: the first layer’s gradient is under a thousandth of the last one’s and the network stays near chance.',
  },
} as const satisfies Record<string, Preset>;

/** A lesson demo id (the preset demos; the league table is separate). */
export type DemoId = keyof typeof demoPresets;
