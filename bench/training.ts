/**
 * Training benchmark: the typed-array engine against TensorFlow.js (cpu backend) and against the
 * machine's scalar peak, all measured in the same run. Not a test: it prints a markdown table and
 * writes bench/results/training.json. The contract (data, nets, units, FLOP count, targets) is in
 * bench/README.md. The peer starts from the engine's own initial weights (copied), so both runs
 * follow the same trajectory up to float32 rounding in TensorFlow.js.
 *
 * Run: `npx node bench/training.ts` (Node 22 strips the types).
 */
import type { Scalar, Tensor2D } from '@tensorflow/tfjs-core';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { getActivation } from '../src/lib/activations/index.ts';
import { makeDataset } from '../src/lib/data/index.ts';
import { createMlp, type Mlp, type TrainOptions } from '../src/lib/nn/index.ts';
import { dot4, PEAK_N, peakVectors } from './scalar-peak.ts';

const EPOCHS = 500;
const CHUNK = 50;
const SEED = 1;
const GRID = 100;
const NETS = { default: [2, 4, 2, 1], big: [2, 8, 8, 8, 8, 8, 8, 1] } as const;
const TARGETS = { default: { speedup: 100, frameMs: 0.5 }, big: { speedup: 20, frameMs: 4 } };
type NetName = keyof typeof NETS;

const options: TrainOptions = {
  learningRate: 0.03,
  batchSize: 10,
  optimizer: 'sgd',
  shuffle: false,
};
const data = makeDataset({ kind: 'circle', n: 500, noise: 0, seed: SEED, testFraction: 0.5 });
const { train, test } = data;

/** The 100×100 grid, row-major n×2. */
const grid = new Float64Array(2 * GRID * GRID);
for (let gy = 0; gy < GRID; gy++) {
  for (let gx = 0; gx < GRID; gx++) {
    const k = gy * GRID + gx;
    grid[2 * k] = -6 + (12 * gx) / (GRID - 1);
    grid[2 * k + 1] = -6 + (12 * gy) / (GRID - 1);
  }
}

/** Result of one implementation on one net: rates, FLOP rates, final losses. */
type Row = Record<
  'epochsPerSecond' | 'trainGflops' | 'framesPerSecond' | 'frameMs' | 'frameGflops',
  number
> & { trainLoss: number; testLoss: number };

/** Weights (W) and weights outside the first layer (W′). */
function weightCounts(sizes: readonly number[]): { w: number; wPrime: number } {
  let w = 0;
  for (let l = 1; l < sizes.length; l++) w += sizes[l - 1]! * sizes[l]!;
  return { w, wPrime: w - sizes[0]! * sizes[1]! };
}

const epochFlops = (sizes: readonly number[]): number => {
  const { w, wPrime } = weightCounts(sizes);
  return train.n * (4 * w + 2 * wPrime);
};
const frameFlops = (sizes: readonly number[]): number => GRID * GRID * 2 * weightCounts(sizes).w;

/** Derives the FLOP rates of a row from its measured rates. */
function makeRow(
  sizes: readonly number[],
  epochsPerSecond: number,
  framesPerSecond: number,
  losses: { trainLoss: number; testLoss: number },
): Row {
  return {
    epochsPerSecond,
    trainGflops: (epochsPerSecond * epochFlops(sizes)) / 1e9,
    framesPerSecond,
    frameMs: 1000 / framesPerSecond,
    frameGflops: (framesPerSecond * frameFlops(sizes)) / 1e9,
    ...losses,
  };
}

/**
 * Calls `run` in rounds of `batch` calls for about `seconds` each and returns the best rate per
 * second. Best-of rather than mean: other processes only ever slow a round down.
 */
function rate(run: () => void, batch: number, rounds = 5, seconds = 0.25): number {
  let best = 0;
  for (let k = 0; k < rounds; k++) {
    let count = 0;
    const t0 = performance.now();
    let t1 = t0;
    while (t1 - t0 < seconds * 1000) {
      for (let i = 0; i < batch; i++) run();
      count += batch;
      t1 = performance.now();
    }
    best = Math.max(best, (count * 1000) / (t1 - t0));
  }
  return best;
}

/** Runs `EPOCHS` epochs in chunks of `CHUNK`, returning the best chunk's epochs per second. */
function trainTimed(epoch: () => void): number {
  let best = 0;
  for (let done = 0; done < EPOCHS; done += CHUNK) {
    const t0 = performance.now();
    for (let e = 0; e < CHUNK; e++) epoch();
    best = Math.max(best, (CHUNK * 1000) / (performance.now() - t0));
  }
  return best;
}

/** The machine's scalar peak (scalar-peak.ts), best of 7 rounds, in GFLOP/s. */
function scalarPeakGflops(): number {
  const [a, b] = peakVectors();
  let sink = 0;
  const perSecond = rate(() => (sink += dot4(a, b)), 1000, 7);
  if (sink === 0) console.log('unreachable');
  return (perSecond * 2 * PEAK_N) / 1e9;
}

const engineModel = (sizes: readonly number[]): Mlp =>
  createMlp({
    sizes,
    activation: 'tanh',
    outputActivation: 'tanh',
    loss: 'mse',
    init: 'uniform',
    initScale: 0.5,
    biasInit: 0.1,
    seed: SEED,
  });

/**
 * Time the engine spends inside the registry's tanh alone: fInto and dfInto over as many values
 * as an epoch evaluates (one of each per non-input neuron and example), and fInto over as many as
 * a frame does. The rest of the engine's time is its own arithmetic and bookkeeping.
 */
function activationMs(sizes: readonly number[]): { epoch: number; frame: number } {
  const neurons = sizes.slice(1).reduce((s, u) => s + u, 0);
  const tanh = getActivation('tanh');
  const xs = Float64Array.from({ length: neurons * GRID * GRID }, (_, i) => Math.sin(i) * 3);
  const out = new Float64Array(xs.length);
  const few = xs.subarray(0, neurons * train.n);
  const fewOut = out.subarray(0, few.length);
  // The engine scales by f' from the outputs when the record offers it (tanh does).
  const grad = few.slice();
  // (grad is refilled first: scaled again and again it would sink into slow subnormals)
  const df = (): Float64Array =>
    tanh.scaleByDfFromOutput
      ? tanh.scaleByDfFromOutput(fewOut, (grad.set(few), grad))
      : tanh.dfInto(few, fewOut);
  const epoch = rate(() => (tanh.fInto(few, fewOut), df()), 50);
  return { epoch: 1000 / epoch, frame: 1000 / rate(() => tanh.fInto(xs, out), 5) };
}

function benchEngine(sizes: readonly number[]): Row {
  const warm = engineModel(sizes);
  for (let e = 0; e < 200; e++) warm.trainEpoch(train.inputs, train.targets, options);
  const model = engineModel(sizes);
  const epochsPerSecond = trainTimed(() => model.trainEpoch(train.inputs, train.targets, options));
  const framesPerSecond = rate(() => model.evaluate(grid, GRID * GRID, { keepNeurons: true }), 10);
  return makeRow(sizes, epochsPerSecond, framesPerSecond, {
    trainLoss: model.loss(train.inputs, train.targets),
    testLoss: model.loss(test.inputs, test.targets),
  });
}

type Tf = typeof import('@tensorflow/tfjs-core');

/** Loads TensorFlow.js with its cpu backend, or returns the reason it cannot. */
async function loadTf(): Promise<Tf | string> {
  try {
    const tf = await import('@tensorflow/tfjs-core');
    await import('@tensorflow/tfjs-backend-cpu');
    // The cpu backend suggests tfjs-node on first use in Node; that hint is noise in a table.
    tf.env().set('IS_NODE', false);
    await tf.setBackend('cpu');
    await tf.ready();
    return tf;
  } catch (error) {
    return `TensorFlow.js unavailable: ${String(error)}`;
  }
}

function benchTf(tf: Tf, sizes: readonly number[]): Row {
  const init = engineModel(sizes);
  // Engine W is out×in row-major; tf wants in×out for x·W.
  const layers = init.layers.map((l) => ({
    w: tf.transpose(tf.tensor2d(Float32Array.from(l.weights), [l.outSize, l.inSize])),
    b: tf.tensor1d(Float32Array.from(l.biases)),
  }));
  const fresh = () =>
    layers.map((l) => ({ w: tf.variable(l.w.clone()), b: tf.variable(l.b.clone()) }));
  const forwardAll = (vars: ReturnType<typeof fresh>, x: Tensor2D) => {
    const outs = [];
    let a = x;
    for (const v of vars) {
      a = tf.tanh(tf.add(tf.matMul(a, v.w), v.b));
      outs.push(a);
    }
    return outs;
  };
  const lossOf = (vars: ReturnType<typeof fresh>, x: Tensor2D, t: Tensor2D) =>
    tf.mul(0.5, tf.mean(tf.square(tf.sub(forwardAll(vars, x).at(-1)!, t)))) as Scalar;
  const batch = (values: Float64Array, width: number, start: number, rows: number): Tensor2D =>
    tf.tensor2d(Float32Array.from(values.subarray(start * width, (start + rows) * width)), [
      rows,
      width,
    ]);
  // Batches are built once, outside the timing: the peer is timed on its arithmetic alone.
  const xs: Tensor2D[] = [];
  const ts: Tensor2D[] = [];
  for (let s = 0; s < train.n; s += options.batchSize) {
    xs.push(batch(train.inputs, 2, s, options.batchSize));
    ts.push(batch(train.targets, 1, s, options.batchSize));
  }
  // Back-propagation written with tf ops: the cpu build of tfjs-core ships no gradient
  // registrations for autodiff, and the manual form is the same arithmetic as the engine's.
  const epoch = (vars: ReturnType<typeof fresh>): void => {
    for (let b = 0; b < xs.length; b++) {
      tf.tidy(() => {
        const x = xs[b]!;
        const acts = [x, ...forwardAll(vars, x)];
        const y = acts.at(-1)!;
        let d = tf.mul(tf.mul(tf.sub(y, ts[b]!), tf.sub(1, tf.square(y))), 1 / x.shape[0]);
        for (let l = vars.length - 1; l >= 0; l--) {
          const v = vars[l]!;
          const gW = tf.matMul(acts[l]!, d, true, false);
          const gb = tf.sum(d, 0);
          if (l > 0) d = tf.mul(tf.matMul(d, v.w, false, true), tf.sub(1, tf.square(acts[l]!)));
          v.w.assign(tf.sub(v.w, tf.mul(options.learningRate, gW)));
          v.b.assign(tf.sub(v.b, tf.mul(options.learningRate, gb)));
        }
      });
    }
  };
  const warm = fresh();
  for (let e = 0; e < 10; e++) epoch(warm);
  const vars = fresh();
  const epochsPerSecond = trainTimed(() => epoch(vars));
  const gridX = tf.tensor2d(Float32Array.from(grid), [GRID * GRID, 2]);
  const frame = (): void => {
    const outs = tf.tidy(() => forwardAll(vars, gridX));
    for (const o of outs) o.dataSync();
    tf.dispose(outs);
  };
  const framesPerSecond = rate(frame, 2, 3);
  const full = (split: typeof train): number =>
    tf.tidy(() => {
      const x = batch(split.inputs, 2, 0, split.n);
      return lossOf(vars, x, batch(split.targets, 1, 0, split.n)).dataSync()[0]!;
    });
  return makeRow(sizes, epochsPerSecond, framesPerSecond, {
    trainLoss: full(train),
    testLoss: full(test),
  });
}

const fmt = (x: number): string => (x >= 1000 ? x.toFixed(0) : x.toPrecision(3));

/** One markdown table line per implementation. */
const tableLine = (net: string, impl: string, row: Row, peak: number): string =>
  `| ${[
    net,
    impl,
    fmt(row.epochsPerSecond),
    fmt(1000 / row.epochsPerSecond),
    fmt(row.trainGflops),
    fmt((100 * row.trainGflops) / peak),
    fmt(row.framesPerSecond),
    fmt(row.frameMs),
    fmt(row.frameGflops),
    fmt((100 * row.frameGflops) / peak),
    row.trainLoss.toExponential(2),
    row.testLoss.toExponential(2),
  ].join(' | ')} |`;

async function main(): Promise<void> {
  const peak = scalarPeakGflops();
  const tf = await loadTf();
  const lines = [
    `Scalar peak (4-accumulator Float64Array dot product): ${peak.toFixed(2)} GFLOP/s`,
    typeof tf === 'string' ? tf : `Peer: @tensorflow/tfjs-core ${tf.version_core}, cpu backend`,
    '',
    '| net | impl | epochs/s | ms/epoch | train GFLOP/s | % peak | frames/s | ms/frame | frame GFLOP/s | % peak | train loss | test loss |',
    `|${' --- |'.repeat(2)}${' ---: |'.repeat(10)}`,
  ];
  const verdicts: string[] = [];
  const results: Record<string, unknown> = {};
  for (const name of Object.keys(NETS) as NetName[]) {
    const engine = benchEngine(NETS[name]);
    const peer = typeof tf === 'string' ? null : benchTf(tf, NETS[name]);
    const { speedup, frameMs } = TARGETS[name];
    const ratio = peer === null ? null : engine.epochsPerSecond / peer.epochsPerSecond;
    const tanhMs = activationMs(NETS[name]);
    const checks = {
      epochSpeedupVsTfjs: ratio,
      frameSpeedupVsTfjs: peer === null ? null : engine.framesPerSecond / peer.framesPerSecond,
      speedupTarget: speedup,
      speedupMet: ratio === null ? null : ratio >= speedup,
      frameMsTarget: frameMs,
      frameMsMet: engine.frameMs <= frameMs,
      trainShareOfPeak: engine.trainGflops / peak,
      frameShareOfPeak: engine.frameGflops / peak,
      tanhMsPerEpoch: tanhMs.epoch,
      tanhMsPerFrame: tanhMs.frame,
    };
    results[name] = { engine, tfjs: peer, checks };
    lines.push(tableLine(name, 'engine', engine, peak));
    if (peer !== null) lines.push(tableLine(name, 'tfjs-cpu', peer, peak));
    const met = (ok: boolean | null): string => (ok === true ? 'met' : 'MISSED');
    verdicts.push(
      `- ${name}: engine/tfjs per epoch ${ratio === null ? 'n/a' : `${ratio.toFixed(0)}×`} ` +
        `(target ≥${speedup}×: ${met(checks.speedupMet)}); frame ${engine.frameMs.toFixed(3)} ms ` +
        `(target ≤${frameMs} ms: ${met(checks.frameMsMet)}); of which the registry's tanh: ` +
        `${tanhMs.epoch.toFixed(3)} ms per epoch (f and f'), ${tanhMs.frame.toFixed(3)} ms per frame`,
    );
  }
  console.log([...lines, '', ...verdicts].join('\n'));
  const report = {
    date: new Date().toISOString(),
    node: process.version,
    cpu: cpus()[0]?.model ?? 'unknown',
    tfjs: typeof tf === 'string' ? tf : tf.version_core,
    contract: { epochs: EPOCHS, seed: SEED, nets: NETS, options, grid: `${GRID}x${GRID} [-6,6]^2` },
    scalarPeakGflops: peak,
    results,
  };
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  const out = new URL('./results/training.json', import.meta.url);
  writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
}

await main();
