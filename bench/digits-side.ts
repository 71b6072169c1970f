/**
 * One side of the digits benchmark (bench/digits.ts), run in a worker thread of its own: the
 * engine, or TensorFlow.js on its cpu or wasm backend. bench/digits.ts bundles this file with
 * Rolldown, as the site's build bundles its workers, and starts one worker per side.
 *
 * Why a worker per side: V8 keeps a per-isolate flag that no ArrayBuffer has ever been detached.
 * Until one is, optimised code skips the detached-buffer check on typed-array loads and stores;
 * after that, every access carries it. TensorFlow.js's wasm backend detaches buffers when its
 * memory grows, and so does Node's TypeScript loader, so in one process with them the engine ran
 * 12-15% slower than it does in the reader's browser, where the lesson's training worker never
 * detaches a buffer. Each side now gets a clean isolate, the engine as the site ships it.
 *
 * Protocol: workerData is a {@link SideInit}; each `'epoch'` message is answered by one epoch's
 * {@link EpochReply}, timed inside the worker; `'to95'` (engine only) by a {@link To95Reply}.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createMlp, type Mlp, type TrainOptions } from '../src/lib/nn/index.ts';
import { dot4, PEAK_N, peakVectors } from './scalar-peak.ts';

export type SideName = 'engine' | 'cpu' | 'wasm';

/** Row-major data: inputs n×64 in [0, 1] and one-hot targets n×10. */
export interface SideData {
  readonly n: number;
  readonly inputs: Float64Array;
  readonly targets: Float64Array;
}

export interface SideInit {
  readonly side: SideName;
  readonly sizes: readonly number[];
  readonly seed: number;
  readonly options: TrainOptions;
  readonly train: SideData;
  /** Held-out split for the time to 95% (engine only). */
  readonly test: SideData | null;
  /** Directory of tfjs-backend-wasm's .wasm files. */
  readonly wasmDir: string;
}

export type SideReply =
  | { type: 'ready'; version: string | null; simd: boolean | null; error?: string }
  | EpochReply
  | To95Reply;
export interface EpochReply {
  type: 'epoch';
  ms: number;
  /** CPU time of this worker's thread over the epoch: what load on the machine cannot stretch. */
  cpuMs: number;
  loss: number;
  /** Scalar peak in GFLOP/s, sampled just before the epoch (engine side only). */
  peak: number | null;
}
export interface To95Reply {
  type: 'to95';
  epochs: number;
  ms: number;
  accuracy: number;
}

const init = workerData as SideInit;
const port = parentPort!;
const reply = (message: SideReply): void => port.postMessage(message);

const engineModel = (sizes: readonly number[], seed: number): Mlp =>
  createMlp({
    sizes,
    activation: 'relu',
    outputActivation: 'softmax',
    loss: 'ce',
    init: 'he',
    seed,
  });

/**
 * The machine's scalar peak: a four-accumulator Float64Array dot product held in L1, timed for
 * about `ms` and returned in GFLOP/s. Sampled in the engine's isolate, once per epoch.
 */
function peakSample(ms = 60): number {
  const t0 = performance.now();
  let calls = 0;
  let t1 = t0;
  // Summed and checked, so the dot products are not dead code to the compiler.
  let sink = 0;
  while (t1 - t0 < ms) {
    for (let k = 0; k < 200; k++) sink += dot4(peakA, peakB);
    calls += 200;
    t1 = performance.now();
  }
  if (!Number.isFinite(sink)) throw new Error('peak sample: the dot product is not finite');
  return (calls * 2 * PEAK_N) / ((t1 - t0) * 1e6);
}
const [peakA, peakB] = peakVectors();

/** Epochs of 64-64-10 ReLU (SGD, batch 32, shuffled) until 95% test accuracy, and the ms it took. */
function timeTo95(train: SideData, test: SideData): To95Reply {
  const model = engineModel([64, 64, 10], init.seed);
  const opts: TrainOptions = { ...init.options, learningRate: 0.1, shuffle: true };
  let ms = 0;
  for (let e = 1; e <= 200; e++) {
    const t0 = performance.now();
    model.trainEpoch(train.inputs, train.targets, opts);
    ms += performance.now() - t0;
    const accuracy = model.accuracy(test.inputs, test.targets);
    if (accuracy >= 0.95) return { type: 'to95', epochs: e, ms, accuracy };
  }
  const accuracy = model.accuracy(test.inputs, test.targets);
  return { type: 'to95', epochs: Number.NaN, ms, accuracy };
}

type Tf = typeof import('@tensorflow/tfjs-core');
type Tensor2D = import('@tensorflow/tfjs-core').Tensor2D;

/** tfjs-core with `backend` started (wasm: one thread, SIMD asked for), or the reason it cannot. */
async function loadTf(backend: 'cpu' | 'wasm'): Promise<Tf | string> {
  try {
    const tf = await import('@tensorflow/tfjs-core');
    if (backend === 'cpu') await import('@tensorflow/tfjs-backend-cpu');
    else {
      const wasm = await import('@tensorflow/tfjs-backend-wasm');
      // One thread: the engine has one. SIMD is asked for and reported as the backend sees it.
      tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
      tf.env().set('WASM_HAS_SIMD_SUPPORT', true);
      wasm.setWasmPaths(init.wasmDir);
    }
    // The cpu backend suggests tfjs-node on first use in Node; that hint is noise in a table.
    tf.env().set('IS_NODE', false);
    if (!(await tf.setBackend(backend))) return `tfjs backend ${backend} failed to start`;
    await tf.ready();
    return tf;
  } catch (error) {
    return `TensorFlow.js unavailable: ${String(error)}`;
  }
}

/** One tfjs implementation of the same training, from the engine's initial weights. */
function tfTrainer(tf: Tf, sizes: readonly number[], data: SideData): () => number {
  const start = engineModel(sizes, init.seed);
  // Engine W is out×in row-major; tf wants in×out for x·W.
  const vars = start.layers.map((l) => ({
    w: tf.variable(tf.transpose(tf.tensor2d(Float32Array.from(l.weights), [l.outSize, l.inSize]))),
    b: tf.variable(tf.tensor1d(Float32Array.from(l.biases))),
  }));
  const slice = (values: Float64Array, width: number, from: number, rows: number): Tensor2D =>
    tf.tensor2d(Float32Array.from(values.subarray(from * width, (from + rows) * width)), [
      rows,
      width,
    ]);
  const { batchSize, learningRate: lr } = init.options;
  // Batches are built once, outside the timing: the peer is timed on its arithmetic alone.
  const xs: Tensor2D[] = [];
  const ts: Tensor2D[] = [];
  for (let s = 0; s < data.n; s += batchSize) {
    const rows = Math.min(batchSize, data.n - s);
    xs.push(slice(data.inputs, sizes[0]!, s, rows));
    ts.push(slice(data.targets, sizes[sizes.length - 1]!, s, rows));
  }
  // Back-propagation written with tf ops (tfjs-core ships no gradients without tfjs-layers'
  // registrations); the same arithmetic as the engine: d = (p − t)/n at the softmax output.
  return () => {
    let loss = 0;
    for (let b = 0; b < xs.length; b++) {
      loss += tf
        .tidy(() => {
          const x = xs[b]!;
          const acts: Tensor2D[] = [x];
          for (let l = 0; l < vars.length; l++) {
            const z = tf.add(tf.matMul(acts[l]!, vars[l]!.w), vars[l]!.b) as Tensor2D;
            acts.push(l < vars.length - 1 ? tf.relu(z) : z);
          }
          const logits = acts.pop()!;
          const t = ts[b]!;
          const p = tf.softmax(logits);
          const batchLoss = tf.sum(tf.mul(t, tf.neg(tf.logSoftmax(logits))));
          let d = tf.mul(tf.sub(p, t), 1 / x.shape[0]) as Tensor2D;
          for (let l = vars.length - 1; l >= 0; l--) {
            const v = vars[l]!;
            const gW = tf.matMul(acts[l]!, d, true, false);
            const gb = tf.sum(d, 0);
            if (l > 0) d = tf.mul(tf.matMul(d, v.w, false, true), tf.step(acts[l]!)) as Tensor2D;
            v.w.assign(tf.sub(v.w, tf.mul(lr, gW)));
            v.b.assign(tf.sub(v.b, tf.mul(lr, gb)));
          }
          return batchLoss;
        })
        .dataSync()[0]!;
    }
    return loss / data.n;
  };
}

async function start(): Promise<void> {
  let epoch: () => number;
  let withPeak = false;
  if (init.side === 'engine') {
    const model = engineModel(init.sizes, init.seed);
    epoch = () => model.trainEpoch(init.train.inputs, init.train.targets, init.options);
    withPeak = true;
    reply({ type: 'ready', version: null, simd: null });
  } else {
    const tf = await loadTf(init.side);
    if (typeof tf === 'string') {
      reply({ type: 'ready', version: null, simd: null, error: tf });
      return;
    }
    epoch = tfTrainer(tf, init.sizes, init.train);
    const simd = init.side === 'wasm' ? tf.env().getBool('WASM_HAS_SIMD_SUPPORT') : null;
    reply({ type: 'ready', version: tf.version_core, simd });
  }
  port.on('message', (message: 'epoch' | 'to95') => {
    if (message === 'to95') {
      if (init.test !== null) reply(timeTo95(init.train, init.test));
      return;
    }
    const peak = withPeak ? peakSample() : null;
    const c0 = process.threadCpuUsage();
    const t0 = performance.now();
    const loss = epoch();
    const ms = performance.now() - t0;
    const c = process.threadCpuUsage(c0);
    reply({ type: 'epoch', ms, cpuMs: (c.user + c.system) / 1000, loss, peak });
  });
}

await start();
