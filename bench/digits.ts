/**
 * Digits-scale benchmark: the typed-array engine against TensorFlow.js (tfjs-core with its cpu
 * backend, and with its WebAssembly backend, SIMD on, one thread) on the wide networks of the
 * "On real data" lesson, plus the machine's scalar peak, all measured in one run. Each side runs
 * in a worker thread of its own, the engine bundled as the site ships it (bench/digits-side.ts
 * says why). Not a test: it prints a markdown table and writes bench/results/digits.json. The
 * method is in bench/README.md ("Digits").
 *
 * Every implementation starts from the engine's initial weights (copied, float32 in tfjs), visits
 * the same 1,437 examples in the same order (no shuffle), batch 32, plain SGD, ReLU hidden layers,
 * softmax with cross-entropy. Each peer's epochs alternate with the engine's (engine, peer,
 * engine, peer...), so a busy moment on this shared machine slows both sides of a ratio alike.
 *
 * Run: `npx node bench/digits.ts` (Node 22 strips the types).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { oneHot, type TrainOptions } from '../src/lib/nn/index.ts';
import type { EpochReply, SideInit, SideName, SideReply, To95Reply } from './digits-side.ts';
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
type Backend = Exclude<SideName, 'engine'>;

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
 * bench/digits-side.ts bundled as the site's build bundles its workers (Rolldown, ES module,
 * minified, top-level `const` kept: see astro.config.mjs), so the engine is timed as it ships.
 * Written under bench/.build/ so that its TensorFlow.js imports resolve to bench/node_modules.
 */
async function bundleSide(): Promise<string> {
  const { build } = await import('rolldown');
  const file = fileURLToPath(new URL('./.build/digits-side.mjs', import.meta.url));
  await build({
    input: fileURLToPath(new URL('./digits-side.ts', import.meta.url)),
    external: [/^@tensorflow\//, /^node:/],
    output: { file, format: 'esm', minify: true, topLevelVar: false },
    logLevel: 'silent',
  });
  return file;
}

/** A side (engine or peer) running in its own worker thread: its epochs timed inside it. */
interface Side {
  readonly version: string | null;
  readonly simd: boolean | null;
  epoch(): Promise<EpochReply>;
  to95(): Promise<To95Reply>;
  close(): Promise<number>;
}

/** Starts one side in a worker, or returns why it cannot run (TensorFlow.js missing). */
async function startSide(bundle: string, init: SideInit): Promise<Side | string> {
  const worker = new Worker(bundle, { workerData: init });
  const next = <T extends SideReply>(): Promise<T> =>
    new Promise((resolve, reject) => {
      const onError = (error: Error): void => reject(error);
      worker.once('error', onError);
      worker.once('message', (m: T) => {
        worker.off('error', onError);
        resolve(m);
      });
    });
  const ready = await next<Extract<SideReply, { type: 'ready' }>>();
  if (ready.error !== undefined) {
    await worker.terminate();
    return ready.error;
  }
  return {
    version: ready.version,
    simd: ready.simd,
    epoch: () => {
      const reply = next<EpochReply>();
      worker.postMessage('epoch');
      return reply;
    },
    to95: () => {
      const reply = next<To95Reply>();
      worker.postMessage('to95');
      return reply;
    },
    close: () => worker.terminate(),
  };
}

/** One round of {@link alternate}: the engine's epoch, the peer's, and the peak sampled before. */
interface Round {
  readonly engineMs: number;
  readonly peerMs: number;
  readonly engineCpuMs: number;
  readonly peerCpuMs: number;
  readonly peak: number;
}

/**
 * Epochs of the engine and of one peer, alternating (each side waits while the other runs), with
 * a peak sample before each engine epoch; the first WARMUP rounds are dropped. Also each side's
 * loss over its first epoch.
 */
async function alternate(
  engine: Side,
  peer: Side | null,
): Promise<{ rounds: Round[]; losses: [number, number] }> {
  const rounds: Round[] = [];
  let losses: [number, number] = [Number.NaN, Number.NaN];
  for (let k = 0; k < WARMUP + ROUNDS; k++) {
    const e = await engine.epoch();
    const p = peer === null ? { ms: 0, cpuMs: 0, loss: Number.NaN } : await peer.epoch();
    if (k === 0) losses = [e.loss, p.loss];
    if (k >= WARMUP) {
      const peak = e.peak ?? Number.NaN;
      rounds.push({ engineMs: e.ms, peerMs: p.ms, engineCpuMs: e.cpuMs, peerCpuMs: p.cpuMs, peak });
    }
  }
  return { rounds, losses };
}

const fmt = (x: number | null): string =>
  x === null ? 'n/a' : x >= 100 ? x.toFixed(0) : x.toPrecision(3);

async function main(): Promise<void> {
  const loadAverageStart = loadavg()[0]!;
  const { train, test, source } = await loadData();
  const bundle = await bundleSide();
  const wasmDir = `${fileURLToPath(new URL('./node_modules/@tensorflow/tfjs-backend-wasm/dist/', import.meta.url))}/`;
  const sideInit = (side: SideName, sizes: readonly number[]): SideInit => ({
    side,
    sizes,
    seed: SEED,
    options,
    train,
    test: side === 'engine' ? test : null,
    wasmDir,
  });
  // The wasm backend's version and SIMD flag, as it reports them, for the header.
  const probe = await startSide(bundle, sideInit('wasm', [64, 10]));
  const tf = typeof probe === 'string' ? probe : { version: probe.version, simd: probe.simd };
  if (typeof probe !== 'string') await probe.close();
  const simd = typeof tf === 'string' ? null : tf.simd;
  const lines = [
    `Data: ${source}; ${train.n} examples an epoch, batch ${options.batchSize}, SGD lr ${options.learningRate}`,
    `Load average ${loadAverageStart.toFixed(1)} at the start`,
    typeof tf === 'string'
      ? tf
      : `Peers: @tensorflow/tfjs-core ${tf.version}, cpu backend; wasm backend, one thread, SIMD ${simd ? 'on' : 'OFF'}; each side in its own worker thread, the engine bundled as the site ships it`,
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
    const peers: Partial<
      Record<Backend, { ms: number; ratio: number; cpuRatio: number; losses: [number, number] }>
    > = {};
    const rounds: Round[] = [];
    for (const backend of ['cpu', 'wasm'] as const) {
      const engine = await startSide(bundle, sideInit('engine', sizes));
      if (typeof engine === 'string') throw new Error(engine);
      const peer =
        typeof tf === 'string' ? null : await startSide(bundle, sideInit(backend, sizes));
      if (typeof peer === 'string') throw new Error(peer);
      const runs = await alternate(engine, peer);
      await Promise.all([engine.close(), peer?.close()]);
      rounds.push(...runs.rounds);
      if (peer === null) continue;
      // The ratio of the medians of one phase: both sides met the same moments of load.
      const ms = median(runs.rounds.map((r) => r.peerMs));
      peers[backend] = {
        ms,
        ratio: ms / median(runs.rounds.map((r) => r.engineMs)),
        cpuRatio:
          median(runs.rounds.map((r) => r.peerCpuMs)) /
          median(runs.rounds.map((r) => r.engineCpuMs)),
        losses: runs.losses,
      };
    }
    const engineMs = median(rounds.map((r) => r.engineMs));
    const peak = median(rounds.map((r) => r.peak));
    // Share of the peak per round (epoch and sample side by side), then the median.
    const share = median(rounds.map((r) => gflops(r.engineMs) / r.peak));
    const ratio = (b: Backend): number | null => peers[b]?.ratio ?? null;
    const cpuRatio = (b: Backend): string => peers[b]?.cpuRatio.toFixed(2) ?? 'n/a';
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
      `- ${name}: scalar peak ${peak.toFixed(2)} GFLOP/s (median of ${rounds.length} samples); engine vs wasm ${met(ratio('wasm'), target.wasm)} (thread CPU time ${cpuRatio('wasm')})` +
        ('cpu' in target
          ? `; vs cpu ${met(ratio('cpu'), target.cpu)} (thread CPU time ${cpuRatio('cpu')}); share of peak ${met(share, target.peakShare)}`
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
      engineOverCpuByThreadCpu: peers.cpu?.cpuRatio ?? null,
      engineOverWasmByThreadCpu: peers.wasm?.cpuRatio ?? null,
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
  let to95: To95Reply | null = null;
  if (test !== null) {
    const engine = await startSide(bundle, sideInit('engine', [64, 64, 10]));
    if (typeof engine === 'string') throw new Error(engine);
    to95 = await engine.to95();
    await engine.close();
    verdicts.push(
      `- 64-64-10 ReLU on the digits (SGD lr 0.1, batch 32, shuffled, seed ${SEED}): ` +
        (Number.isNaN(to95.epochs)
          ? `did not reach 95% test accuracy in 200 epochs (${(100 * to95.accuracy).toFixed(1)}%)`
          : `95% test accuracy (${(100 * to95.accuracy).toFixed(1)}%) after ${to95.epochs} epochs, ${to95.ms.toFixed(0)} ms of training`),
    );
  }
  console.log([...lines, '', ...verdicts].join('\n'));
  const report = {
    date: new Date().toISOString(),
    node: process.version,
    cpu: cpus()[0]?.model ?? 'unknown',
    loadAverageStart,
    loadAverageEnd: loadavg()[0],
    tfjs: typeof tf === 'string' ? tf : tf.version,
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
    timeTo95: to95 === null ? null : { epochs: to95.epochs, ms: to95.ms, accuracy: to95.accuracy },
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
