/**
 * The glossary: every technical term the lessons use, defined in a sentence or three. The
 * glossary page renders it in alphabetical order with an anchor per entry (`#term-<id>`), and a
 * lesson's `<Term id="…">` links its first use to that anchor; an unknown id fails the build.
 * Definitions are plain text (no Markdown, no maths) so they read the same on the page, in the
 * search index and in a link preview.
 */

/** One glossary entry. */
export interface GlossaryEntry {
  /** The term as a heading ("Pre-activation"). */
  readonly term: string;
  /** Other spellings and names a reader might search for. */
  readonly aka?: readonly string[];
  /** The definition, plain text. */
  readonly definition: string;
  /** Related entries, by id. */
  readonly see?: readonly string[];
}

/** Every entry, keyed by id (kebab-case, used in `#term-<id>` anchors). */
export const glossary = {
  'activation-function': {
    term: 'Activation function',
    aka: ['nonlinearity'],
    definition:
      'The fixed function f a neuron applies to its pre-activation to produce its output. Without a nonlinear one between them, stacked layers collapse into a single affine map.',
    see: ['pre-activation', 'affine-map'],
  },
  'pre-activation': {
    term: 'Pre-activation',
    aka: ['z', 'net input'],
    definition:
      'The number a neuron computes before its activation function: the weighted sum of its inputs plus its bias, z = wᵀx + b. The activation function acts on this number.',
    see: ['activation-function', 'logit'],
  },
  activation: {
    term: 'Activation (output)',
    definition:
      "What a neuron passes on: its activation function applied to its pre-activation, a = f(z). A layer's activations are the inputs of the next layer.",
  },
  'element-wise': {
    term: 'Element-wise',
    definition:
      'Applied to each entry of a vector or array on its own, with no entry influencing another. Activation functions are element-wise (softmax is the common exception).',
  },
  'affine-map': {
    term: 'Affine map',
    definition:
      'A linear map followed by a shift, x ↦ Wx + b. A composition of affine maps is again affine, which is why depth alone adds nothing without a nonlinearity.',
  },
  'decision-boundary': {
    term: 'Decision boundary',
    definition:
      'The set of inputs where a classifier switches from one predicted class to another. A classifier that thresholds an affine score has a straight line (in two dimensions) or a hyperplane as its boundary.',
  },
  'universal-approximation': {
    term: 'Universal approximation theorem',
    definition:
      'The result that one hidden layer with enough units, and an activation that is not a polynomial, can approximate any continuous function on a bounded closed region as closely as desired. It says the weights exist, not how to find them.',
  },
  'loss-function': {
    term: 'Loss function',
    aka: ['loss', 'cost', 'objective'],
    definition:
      "A number that measures how wrong a network's outputs are on some examples; training adjusts the parameters to make it smaller.",
    see: ['cross-entropy'],
  },
  'cross-entropy': {
    term: 'Cross-entropy',
    aka: ['log loss'],
    definition:
      'The loss for predicted probabilities: minus the logarithm of the probability the model gave to the correct class. With a sigmoid or softmax output its gradient with respect to the logits is simply prediction minus target.',
    see: ['logit', 'softmax'],
  },
  gradient: {
    term: 'Gradient',
    definition:
      'The vector of partial derivatives of the loss with respect to every parameter: the direction in which the loss grows fastest. Its size tells how strongly a parameter is updated.',
  },
  'gradient-descent': {
    term: 'Gradient descent',
    aka: ['stochastic gradient descent', 'SGD'],
    definition:
      'Training by repeatedly moving every parameter a small step against its gradient. The stochastic version estimates the gradient on a mini-batch instead of the whole dataset.',
    see: ['learning-rate', 'mini-batch'],
  },
  'learning-rate': {
    term: 'Learning rate',
    definition:
      'The step size of gradient descent: how far the parameters move along minus the gradient in one update. Too small and training crawls; too large and it overshoots, diverges or kills ReLU units.',
  },
  'mini-batch': {
    term: 'Mini-batch',
    aka: ['batch'],
    definition:
      'A small group of training examples whose gradients are averaged for one update. Averaging mixes examples whose gradients point in different directions.',
  },
  epoch: {
    term: 'Epoch',
    definition: 'One pass of training over every example of the training set.',
  },
  backpropagation: {
    term: 'Backpropagation',
    aka: ['backprop', 'backward pass'],
    definition:
      'The algorithm that computes all the gradients of a network in one backward sweep, applying the chain rule layer by layer from the loss towards the input. At each unit it multiplies the incoming gradient by the slope of the activation function.',
    see: ['chain-rule', 'vanishing-gradient'],
  },
  'chain-rule': {
    term: 'Chain rule',
    definition:
      'The derivative of a composition is the product of the derivatives of its parts: (g ∘ h)′(x) = g′(h(x)) · h′(x). Through many layers it becomes a long product of factors.',
  },
  'forward-pass': {
    term: 'Forward pass',
    definition:
      "Computing a network's outputs from its inputs, layer by layer. Backpropagation reuses the values stored during it.",
  },
  'vanishing-gradient': {
    term: 'Vanishing gradient',
    definition:
      'Gradients that shrink towards zero as they travel backwards through many layers (or time steps), because they are products of factors smaller than 1. The layers near the input then barely learn.',
    see: ['saturation', 'exploding-gradient'],
  },
  'exploding-gradient': {
    term: 'Exploding gradient',
    definition:
      'Gradients that grow without bound as they travel backwards, because their factors (mostly weights) exceed 1 in size. Updates become huge and training diverges.',
    see: ['vanishing-gradient'],
  },
  saturation: {
    term: 'Saturation',
    aka: ['saturating', 'saturated unit'],
    definition:
      'The flat part of an activation curve, where the output barely changes with the input, so the slope is nearly zero. A saturated unit passes back almost none of the gradient it receives.',
  },
  'dead-unit': {
    term: 'Dead unit',
    aka: ['dying ReLU', 'dead neuron'],
    definition:
      'A ReLU unit whose pre-activation is negative for every training input. It outputs 0 and has slope 0 everywhere, so its own weights never receive a gradient again.',
  },
  sparsity: {
    term: 'Sparse activity',
    aka: ['sparsity'],
    definition:
      'A layer in which many units output exactly zero for a given input, as ReLU layers do when about half their pre-activations are negative.',
  },
  'zero-centred': {
    term: 'Zero-centred',
    aka: ['zero-centered'],
    definition:
      'Having outputs that average near zero when the inputs do. Tanh is zero-centred; sigmoid (mean near 1/2) and ReLU (never negative) are not.',
  },
  subgradient: {
    term: 'Subgradient',
    definition:
      "At a corner of a convex function, any slope between the left and right derivatives. At ReLU's corner every value in [0, 1] is one; frameworks choose 0.",
  },
  logit: {
    term: 'Logit',
    aka: ['score'],
    definition:
      "A network's raw output score before a sigmoid or softmax turns it into a probability. For a sigmoid output, the logit is the log of the odds p / (1 − p).",
  },
  softmax: {
    term: 'Softmax',
    definition:
      'The function that turns a vector of scores into probabilities that sum to 1, by exponentiating each and dividing by the total. It acts on the whole vector, so it is not an element-wise activation.',
  },
  'weight-initialisation': {
    term: 'Weight initialisation',
    aka: ['Glorot initialisation', 'Xavier initialisation', 'He initialisation'],
    definition:
      "How the weights are set before training: random, with a variance scaled to the layer's width. Glorot (Xavier) scaling suits tanh-like units; He scaling, variance 2 / n_in, suits ReLU.",
  },
  'weight-decay': {
    term: 'Weight decay',
    aka: ['L2 regularisation'],
    definition:
      'Shrinking every weight a little towards zero at each update (equivalently, adding a penalty on the squared weights to the loss), which discourages large weights.',
  },
  dropout: {
    term: 'Dropout',
    definition:
      "A regulariser that, during training only, sets each unit's output to zero at random with some probability and scales the survivors up to compensate.",
  },
  'normalisation-layers': {
    term: 'Normalisation layers',
    aka: ['batch normalisation', 'layer normalisation', 'normalization'],
    definition:
      "Layers that rescale pre-activations to a standard mean and spread (over a mini-batch, or over a layer's units) and then apply a learned scale and shift. They keep units away from saturation and ease training.",
  },
  'self-normalising': {
    term: 'Self-normalising network',
    definition:
      'A network whose activations drift back to mean 0 and variance 1 from layer to layer by themselves, without normalisation layers; SELU achieves this under specific assumptions on weights and inputs.',
  },
  channel: {
    term: 'Channel',
    definition:
      "In a convolutional network, one of the feature maps a layer produces (at the input, a colour channel). Parameters such as PReLU's slope can be shared per channel.",
  },
  'convolutional-network': {
    term: 'Convolutional network',
    aka: ['CNN'],
    definition:
      'A network whose layers apply small learned filters across an image (or other grid), sharing weights between positions.',
  },
  mlp: {
    term: 'Multilayer perceptron',
    aka: ['MLP', 'fully connected network', 'feed-forward network'],
    definition:
      'A network of fully connected layers, each an affine map followed by an element-wise activation.',
  },
  'recurrent-network': {
    term: 'Recurrent network',
    aka: ['RNN', 'LSTM', 'GRU'],
    definition:
      'A network applied step by step along a sequence, carrying a state from one step to the next. The LSTM and the GRU add gates that control what the state keeps.',
    see: ['gate'],
  },
  gate: {
    term: 'Gate',
    definition:
      'A multiplier between 0 and 1 that lets a fraction of a signal through, usually a sigmoid output. LSTM and GRU cells are built from gates; GELU, SiLU and Mish are "self-gated" versions of the idea.',
  },
  transformer: {
    term: 'Transformer',
    definition:
      'The attention-based architecture behind most current language models. Its feed-forward blocks use GELU or gated variants such as SwiGLU.',
  },
  quantisation: {
    term: 'Quantisation',
    aka: ['quantization'],
    definition:
      'Running a network with low-precision numbers, often 8-bit integers, instead of floating point, to save memory, time and energy. Piecewise-linear activations quantise easily.',
  },
  monotonic: {
    term: 'Monotonic',
    definition:
      'Never decreasing as the input increases. Sigmoid, tanh and the ReLU family are monotonic; GELU, SiLU, Mish and hard swish dip below zero and are not.',
  },
  smooth: {
    term: 'Smooth',
    aka: ['differentiable', 'C¹'],
    definition:
      'Having derivatives of every order everywhere (infinitely differentiable). A function whose first derivative is continuous but whose second jumps, like ELU with α = 1, is called C¹.',
  },
  'odd-function': {
    term: 'Odd function',
    definition:
      'A function with f(−x) = −f(x): its graph is symmetric about the origin. Tanh, softsign and hard tanh are odd.',
  },
  perceptron: {
    term: 'Perceptron',
    definition:
      "Rosenblatt's threshold unit with a step activation, trained by an error-correcting rule rather than by gradients.",
  },
  'floating-point': {
    term: 'Floating point (double precision)',
    aka: ['double', 'float64', 'IEEE 754'],
    definition:
      'The number format computers use for real numbers: a sign, a significand of fixed length and an exponent. A double has 53 significant bits, about 16 decimal digits, and a largest value near 1.8 × 10³⁰⁸.',
    see: ['ulp', 'overflow'],
  },
  ulp: {
    term: 'ULP (unit in the last place)',
    aka: ['units in the last place'],
    definition:
      'The gap between a floating-point number and the next one. Errors measured in ULPs are relative to the precision available at that size: a correctly rounded result is within half an ULP of the exact value.',
  },
  overflow: {
    term: 'Overflow and underflow',
    aka: ['underflow'],
    definition:
      'A result too large for the format rounds to infinity (overflow); one too small rounds to zero (underflow). For doubles, e^x overflows above x ≈ 709.78.',
  },
  nan: {
    term: 'NaN',
    aka: ['not a number'],
    definition:
      'The floating-point value for an undefined result, such as ∞ / ∞ or 0 × ∞. Once it appears, it spreads through every later operation.',
  },
  cancellation: {
    term: 'Cancellation',
    aka: ['catastrophic cancellation'],
    definition:
      'The loss of significant digits when two nearly equal numbers are subtracted: the leading digits cancel and rounding errors dominate what is left.',
  },
  expm1: {
    term: 'expm1 and log1p',
    aka: ['log1p'],
    definition:
      'Library functions that compute e^x − 1 and ln(1 + x) accurately for small x, where the plain formulas suffer cancellation.',
  },
  kernel: {
    term: 'Kernel',
    definition:
      'On this site: a loop that applies one activation (or its derivative) to a whole array, tuned for speed and tested against the plain formula.',
  },
  'logistic-regression': {
    term: 'Logistic regression',
    definition:
      'The simplest probabilistic classifier: a sigmoid applied to an affine score of the input, trained with cross-entropy. It is a network with no hidden layer.',
  },
  'boltzmann-machine': {
    term: 'Boltzmann machine',
    aka: ['restricted Boltzmann machine', 'RBM'],
    definition:
      'A network of stochastic binary units, each switching on with probability σ(z) of its input. Restricted Boltzmann machines were used to pre-train deep networks layer by layer before ReLU networks made that unnecessary.',
  },
  'pre-training': {
    term: 'Unsupervised pre-training',
    definition:
      'Initialising a deep network layer by layer on unlabelled data before training it on the task. Around 2006 to 2010 it was the usual way to make deep sigmoid and tanh networks trainable.',
  },
  adam: {
    term: 'Adam',
    definition:
      "A variant of gradient descent that scales each parameter's step by a running estimate of the size of its recent gradients, so parameters with tiny gradients still move.",
    see: ['gradient-descent'],
  },
  regularisation: {
    term: 'Regularisation',
    aka: ['regulariser'],
    definition:
      'Anything that discourages a network from fitting noise in its training data, such as weight decay or dropout.',
    see: ['weight-decay', 'dropout'],
  },
  hyperparameter: {
    term: 'Hyperparameter',
    definition:
      'A setting chosen before training rather than learned by it: the learning rate, the width and depth, the activation, the random seed.',
  },
} as const satisfies Record<string, GlossaryEntry>;

/** A glossary id: a key of {@link glossary}. */
export type TermId = keyof typeof glossary;

/** Whether `id` names a glossary entry. */
export function isTermId(id: string): id is TermId {
  return Object.hasOwn(glossary, id);
}

/** The entry with this id; throws naming the id, so a typo in a lesson fails the build. */
export function getTerm(id: string, where = 'term'): GlossaryEntry {
  if (!isTermId(id))
    throw new Error(
      `${where}: unknown glossary term "${id}" (add it to src/lib/course/glossary.ts)`,
    );
  return glossary[id];
}

/** Every id, sorted alphabetically by the entry's term, as the glossary page lists them. */
export function termsAlphabetically(): TermId[] {
  return (Object.keys(glossary) as TermId[]).sort((a, b) =>
    glossary[a].term.localeCompare(glossary[b].term, 'en'),
  );
}

/** The anchor of an entry on the glossary page. */
export function termAnchor(id: string): string {
  return `term-${id}`;
}
