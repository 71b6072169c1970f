/**
 * Digits-scale benchmark: the typed-array engine against TensorFlow.js (tfjs-core with its cpu
 * backend, and with its WebAssembly backend, SIMD on, one thread) on the wide networks of the
 * "On real data" lesson, plus the machine's scalar peak, all measured in the same process. Not a
 * test: it prints a markdown table and writes bench/results/digits.json. The method is in
 * bench/README.md ("Digits").
 *
 * Every implementation starts from the engine's initial weights (copied, float32 in tfjs), visits
 * the same 1,437 examples in the same order (no shuffle), batch 32, plain SGD, ReLU hidden layers,
 * softmax with cross-entropy. Each peer's epochs alternate with the engine's (engine, peer,
 * engine, peer...), so a busy moment on this shared machine slows both sides of a ratio alike.
 *
 * Run: `npx node bench/digits.ts` (Node 22 strips the types).
 */
import type { Tensor2D } from '@tensorflow/tfjs-core';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { createMlp, oneHot, type Mlp, type TrainOptions } from '../src/lib/nn/index.ts';
import { createRng } from '../src/lib/random.ts';

const SEED = 1;
const ROUNDS = 7;
const WARMUP = 2;
const N_TRAIN = 1437;
const NETS = {
  A: [64, 128, 128, 10],
  B: [64, 64, 64, 64, 64, 64, 64, 64, 64, 10],
} as const;
const TARGETS = { A: { wasm: 2, cpu: 6, peakShare: 0.5 }, B: { wasm: 1.5 } } as const;
type NetName = keyof typeof NETS;

const options: TrainOptions = {
  learningRate: 0.05,
  batchSize: 32,
  optimizer: 'sgd',
  shuffle: false,
};

/** Row-major data: inputs n×64 in [0, 1], one-hot targets n×10, and the labels. */
interface Data {
  readonly n: number;
  readonly inputs: Float64Array;
  readonly targets: Float64Array;
  readonly labels: ArrayLike<number>;
}

/**
 * The digits' training split when src/lib/data/digits.ts is in the tree (the timing does not
 * depend on the values, only the accuracy run does); seeded random pixels and labels otherwise.
 */
async function loadData(): Promise<{ train: Data; test: Data | null; source: string }> {
  const file = new URL('../src/lib/data/digits.ts', import.meta.url);
  if (existsSync(fileURLToPath(file))) {
    try {
      const { splitDigits } = (await import(
        file.href
      )) as typeof import('../src/lib/data/digits.ts');
      const { train, test } = splitDigits();
      const wrap = (s: typeof train): Data => ({
        n: s.n,
        inputs: s.inputs,
        targets: oneHot(s.labels, 10),
        labels: s.labels,
      });
      return {
        train: wrap(train),
        test: wrap(test),
        source: 'UCI digits, training split (src/lib/data/digits.ts)',
      };
    } catch (error) {
      console.log(`digits data unavailable (${String(error)}); using random data`);
    }
  }
  const rng = createRng(SEED);
  const inputs = Float64Array.from({ length: N_TRAIN * 64 }, () => rng.next());
  const labels = Int32Array.from({ length: N_TRAIN }, () => rng.int(10));
  return {
    train: { n: N_TRAIN, inputs, targets: oneHot(labels, 10), labels },
    test: null,
    source: 'seeded random inputs in [0, 1) and labels',
  };
}

const weightCount = (sizes: readonly number[]): number =>
  sizes.slice(1).reduce((s, u, l) => s + u * sizes[l]!, 0);

/** 6 FLOPs per weight per example: a multiply-add forward, and two backward (input and weight gradients). */
const epochFlops = (sizes: readonly number[], n: number): number => 6 * weightCount(sizes) * n;

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
};

/**
 * The machine's scalar peak: a four-accumulator Float64Array dot product held in L1, timed for
 * about `ms` and returned in GFLOP/s. Sampled once per round beside the epochs it is compared with.
 */
function peakSample(ms = 60): number {
  const t0 = performance.now();
  let calls = 0;
  let t1 = t0;
  while (t1 - t0 < ms) {
    for (let k = 0; k < 200; k++) peakSink += dot4(peakA, peakB);
    calls += 200;
    t1 = performance.now();
  }
  return (calls * 2 * PEAK_N) / ((t1 - t0) * 1e6);
}
const PEAK_N = 2048;
const peakA = Float64Array.from({ length: PEAK_N }, (_, i) => 1 + i * 1e-6);
const peakB = Float64Array.from({ length: PEAK_N }, (_, i) => 1 - i * 1e-6);
let peakSink = 0;
function dot4(a: Float64Array, b: Float64Array): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  for (let i = 0; i < PEAK_N; i += 4) {
    s0 += a[i]! * b[i]!;
    s1 += a[i + 1]! * b[i + 1]!;
    s2 += a[i + 2]! * b[i + 2]!;
    s3 += a[i + 3]! * b[i + 3]!;
  }
  return s0 + s1 + s2 + s3;
}

const engineModel = (sizes: readonly number[], seed = SEED): Mlp =>
  createMlp({
    sizes,
    activation: 'relu',
    outputActivation: 'softmax',
    loss: 'ce',
    init: 'he',
    seed,
  });

type Tf = typeof import('@tensorflow/tfjs-core');
type Backend = 'cpu' | 'wasm';

/** Loads tfjs-core with both backends registered, or returns the reason it cannot. */
async function loadTf(): Promise<Tf | string> {
  try {
    const tf = await import('@tensorflow/tfjs-core');
    await import('@tensorflow/tfjs-backend-cpu');
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    // The cpu backend suggests tfjs-node on first use in Node; that hint is noise in a table.
    tf.env().set('IS_NODE', false);
    // One thread: the engine has one. SIMD is asked for and reported as the backend sees it.
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    tf.env().set('WASM_HAS_SIMD_SUPPORT', true);
    const dist = new URL('./node_modules/@tensorflow/tfjs-backend-wasm/dist/', import.meta.url);
    wasm.setWasmPaths(`${fileURLToPath(dist)}/`);
    return tf;
  } catch (error) {
    return `TensorFlow.js unavailable: ${String(error)}`;
  }
}

/** One tfjs implementation of the same training, on `backend`, from the engine's initial weights. */
async function tfTrainer(tf: Tf, backend: Backend, sizes: readonly number[], data: Data) {
  if (!(await tf.setBackend(backend))) throw new Error(`tfjs backend ${backend} failed to start`);
  await tf.ready();
  const init = engineModel(sizes);
  // Engine W is out×in row-major; tf wants in×out for x·W.
  const vars = init.layers.map((l) => ({
    w: tf.variable(tf.transpose(tf.tensor2d(Float32Array.from(l.weights), [l.outSize, l.inSize]))),
    b: tf.variable(tf.tensor1d(Float32Array.from(l.biases))),
  }));
  const slice = (values: Float64Array, width: number, start: number, rows: number): Tensor2D =>
    tf.tensor2d(Float32Array.from(values.subarray(start * width, (start + rows) * width)), [
      rows,
      width,
    ]);
  // Batches are built once, outside the timing: the peer is timed on its arithmetic alone.
  const xs: Tensor2D[] = [];
  const ts: Tensor2D[] = [];
  for (let s = 0; s < data.n; s += options.batchSize) {
    const rows = Math.min(options.batchSize, data.n - s);
    xs.push(slice(data.inputs, 64, s, rows));
    ts.push(slice(data.targets, 10, s, rows));
  }
  const lr = options.learningRate;
  // Back-propagation written with tf ops (tfjs-core ships no gradients without tfjs-layers'
  // registrations); the same arithmetic as the engine: d = (p − t)/n at the softmax output.
  const epoch = (): number => {
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
  return { epoch, dispose: () => tf.dispose([...xs, ...ts, ...vars.flatMap((v) => [v.w, v.b])]) };
}

/** One round of {@link alternate}: the engine's epoch, the peer's, and the peak sampled between. */
interface Round {
  readonly engineMs: number;
  readonly peerMs: number;
  readonly peak: number;
}

/**
 * Epochs of the engine and of one peer, alternating, with a peak sample before each engine
 * epoch; the first WARMUP rounds are dropped. Also each side's loss over its first epoch.
 */
function alternate(
  engine: () => number,
  peer: () => number,
): { rounds: Round[]; losses: [number, number] } {
  const rounds: Round[] = [];
  let losses: [number, number] = [Number.NaN, Number.NaN];
  for (let k = 0; k < WARMUP + ROUNDS; k++) {
    const peak = peakSample();
    let t0 = performance.now();
    const le = engine();
    const engineMs = performance.now() - t0;
    t0 = performance.now();
    const lp = peer();
    const peerMs = performance.now() - t0;
    if (k === 0) losses = [le, lp];
    if (k >= WARMUP) rounds.push({ engineMs, peerMs, peak });
  }
  return { rounds, losses };
}

/** Epochs of 64-64-10 ReLU (SGD, batch 32, shuffled) until 95% test accuracy, and the ms it took. */
function timeTo95(train: Data, test: Data): { epochs: number; ms: number; accuracy: number } {
  const model = engineModel([64, 64, 10]);
  const opts: TrainOptions = { ...options, learningRate: 0.1, shuffle: true };
  let ms = 0;
  for (let e = 1; e <= 200; e++) {
    const t0 = performance.now();
    model.trainEpoch(train.inputs, train.targets, opts);
    ms += performance.now() - t0;
    const accuracy = model.accuracy(test.inputs, test.targets);
    if (accuracy >= 0.95) return { epochs: e, ms, accuracy };
  }
  return { epochs: Number.NaN, ms, accuracy: model.accuracy(test.inputs, test.targets) };
}

const fmt = (x: number | null): string =>
  x === null ? 'n/a' : x >= 100 ? x.toFixed(0) : x.toPrecision(3);

async function main(): Promise<void> {
  const loadAverageStart = loadavg()[0]!;
  const { train, test, source } = await loadData();
  const tf = await loadTf();
  const simd =
    typeof tf === 'string'
      ? null
      : await (async () => {
          await tf.setBackend('wasm');
          return tf.env().getBool('WASM_HAS_SIMD_SUPPORT');
        })();
  const lines = [
    `Data: ${source}; ${train.n} examples an epoch, batch ${options.batchSize}, SGD lr ${options.learningRate}`,
    `Load average ${loadAverageStart.toFixed(1)} at the start`,
    typeof tf === 'string'
      ? tf
      : `Peers: @tensorflow/tfjs-core ${tf.version_core}, cpu backend; wasm backend, one thread, SIMD ${simd ? 'on' : 'OFF'}`,
    '',
    '| net | weights | impl | ms/epoch (median of 7) | GFLOP/s | % of peak | engine speed-up | first-epoch loss |',
    '| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: |',
  ];
  const verdicts: string[] = [];
  const results: Record<string, unknown> = {};
  for (const name of Object.keys(NETS) as NetName[]) {
    const sizes = NETS[name];
    const flops = epochFlops(sizes, train.n);
    const gflops = (ms: number): number => flops / (ms * 1e6);
    const peers: Partial<Record<Backend, { ms: number; ratio: number; losses: [number, number] }>> =
      {};
    const rounds: Round[] = [];
    for (const backend of ['cpu', 'wasm'] as const) {
      const model = engineModel(sizes);
      const engineEpoch = (): number => model.trainEpoch(train.inputs, train.targets, options);
      if (typeof tf === 'string') {
        rounds.push(...alternate(engineEpoch, () => 0).rounds);
        continue;
      }
      const peer = await tfTrainer(tf, backend, sizes, train);
      const runs = alternate(engineEpoch, peer.epoch);
      peer.dispose();
      rounds.push(...runs.rounds);
      // The ratio of the medians of one phase: both sides met the same moments of load.
      const ms = median(runs.rounds.map((r) => r.peerMs));
      peers[backend] = {
        ms,
        ratio: ms / median(runs.rounds.map((r) => r.engineMs)),
        losses: runs.losses,
      };
    }
    const engineMs = median(rounds.map((r) => r.engineMs));
    const peak = median(rounds.map((r) => r.peak));
    // Share of the peak per round (epoch and sample side by side), then the median.
    const share = median(rounds.map((r) => gflops(r.engineMs) / r.peak));
    const ratio = (b: Backend): number | null => peers[b]?.ratio ?? null;
    const row = (impl: string, ms: number, speedup: number | null, loss: number): string =>
      `| ${name} ${sizes.join('-')} | ${weightCount(sizes)} | ${impl} | ${fmt(ms)} | ${fmt(gflops(ms))} | ${fmt((100 * gflops(ms)) / peak)} | ${speedup === null ? '' : `${speedup.toFixed(2)}×`} | ${loss.toFixed(6)} |`;
    lines.push(row('engine', engineMs, null, peers.cpu?.losses[0] ?? Number.NaN));
    for (const b of ['cpu', 'wasm'] as const) {
      const p = peers[b];
      if (p !== undefined) lines.push(row(`tfjs-${b}`, p.ms, ratio(b), p.losses[1]));
    }
    const target = TARGETS[name];
    const met = (value: number | null, goal: number): string =>
      `${value === null ? 'n/a' : value.toFixed(2)} (target ≥ ${goal}: ${value !== null && value >= goal ? 'met' : 'MISSED'})`;
    verdicts.push(
      `- ${name}: scalar peak ${peak.toFixed(2)} GFLOP/s (median of ${rounds.length} samples); engine vs wasm ${met(ratio('wasm'), target.wasm)}` +
        ('cpu' in target
          ? `; vs cpu ${met(ratio('cpu'), target.cpu)}; share of peak ${met(share, target.peakShare)}`
          : ''),
    );
    results[name] = {
      sizes,
      weights: weightCount(sizes),
      engineMsPerEpoch: engineMs,
      tfjsCpuMsPerEpoch: peers.cpu?.ms ?? null,
      tfjsWasmMsPerEpoch: peers.wasm?.ms ?? null,
      engineOverCpu: ratio('cpu'),
      engineOverWasm: ratio('wasm'),
      peakGflops: peak,
      engineGflops: gflops(engineMs),
      tfjsCpuGflops: peers.cpu ? gflops(peers.cpu.ms) : null,
      tfjsWasmGflops: peers.wasm ? gflops(peers.wasm.ms) : null,
      engineShareOfPeak: share,
      firstEpochLoss: {
        engine: peers.cpu?.losses[0] ?? null,
        tfjsCpu: peers.cpu?.losses[1] ?? null,
        tfjsWasm: peers.wasm?.losses[1] ?? null,
      },
    };
  }
  let to95: ReturnType<typeof timeTo95> | null = null;
  if (test !== null) {
    to95 = timeTo95(train, test);
    verdicts.push(
      `- 64-64-10 ReLU on the digits (SGD lr 0.1, batch 32, shuffled, seed ${SEED}): ` +
        (Number.isNaN(to95.epochs)
          ? `did not reach 95% test accuracy in 200 epochs (${(100 * to95.accuracy).toFixed(1)}%)`
          : `95% test accuracy (${(100 * to95.accuracy).toFixed(1)}%) after ${to95.epochs} epochs, ${to95.ms.toFixed(0)} ms of training`),
    );
  }
  if (peakSink === 0) console.log('unreachable');
  console.log([...lines, '', ...verdicts].join('\n'));
  const report = {
    date: new Date().toISOString(),
    node: process.version,
    cpu: cpus()[0]?.model ?? 'unknown',
    loadAverageStart,
    loadAverageEnd: loadavg()[0],
    tfjs: typeof tf === 'string' ? tf : tf.version_core,
    wasmSimd: simd,
    wasmThreads: 1,
    contract: {
      data: source,
      examples: train.n,
      seed: SEED,
      rounds: ROUNDS,
      warmup: WARMUP,
      nets: NETS,
      options,
      targets: TARGETS,
    },
    results,
    timeTo95,
  };
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  const file = new URL('./results/digits.json', import.meta.url);
  // The league's wall times in Chromium come from bench/digits-league.ts; a rerun here keeps them.
  let league: unknown;
  try {
    league = (JSON.parse(readFileSync(file, 'utf8')) as { league?: unknown }).league;
  } catch {
    league = undefined;
  }
  writeFileSync(file, `${JSON.stringify({ ...report, league }, null, 2)}\n`);
}

await main();
