/**
 * The playground's Web Worker: trains a session off the main thread and posts snapshots.
 *
 * State (inside `serve`, not at module level): the current generation, session and timer.
 * Lifecycle: `configure` replaces the session and posts its epoch-0 snapshot; `play` trains in
 * short slices (a few epochs, then a snapshot, then a timer so new messages get through);
 * `pause` and a divergence stop the timer. Messages carrying an older generation are ignored,
 * so a play or step aimed at a replaced session cannot touch the new one.
 */
import type { FileCheck, WorkerMessage, WorkerRequest } from './protocol.ts';
import { readNetworkFile } from './network-file.ts';
import { MAX_FILE_BYTES, formatBytes } from './network-format.ts';
import { openSession, transferables, type Session } from './session.ts';

/**
 * Reads and checks a network file here, off the main thread; the session is not touched, so a
 * rejected file changes nothing. The size is checked again (the page refuses big files before
 * sending them), because reading is the one step whose cost the file's author controls.
 */
async function checkFile(
  file: Blob,
  patches: Extract<WorkerRequest, { type: 'check-file' }>['patches'],
): Promise<FileCheck> {
  try {
    if (file.size > MAX_FILE_BYTES)
      throw new Error(
        `The file is ${formatBytes(file.size)}; this page reads network files up to ${formatBytes(MAX_FILE_BYTES)}.`,
      );
    const { config, networks } = readNetworkFile(await file.text(), patches);
    return { ok: true, config, networks };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

/** Epochs per slice and the slice period: about 20 snapshots and ≤ 100 epochs a second. */
const EPOCHS_PER_SLICE = 5;
const SLICE_MS = 50;

function serve(scope: {
  postMessage(message: WorkerMessage, transfer: Transferable[]): void;
}): (req: WorkerRequest) => void {
  let gen = 0;
  let session: Session | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const stop = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  const post = (running: boolean): void => {
    if (!session) return;
    const runs = session.snapshot();
    scope.postMessage(
      { type: 'snapshot', gen, running: running && !session.diverged, runs },
      transferables(runs),
    );
  };
  const slice = (): void => {
    if (!session) return;
    const start = performance.now();
    session.step(EPOCHS_PER_SLICE);
    const running = !session.diverged;
    post(running);
    timer = running
      ? setTimeout(() => guard(slice), Math.max(0, SLICE_MS - (performance.now() - start)))
      : undefined;
  };
  const guard = (action: () => void): void => {
    try {
      action();
    } catch (error) {
      stop();
      scope.postMessage(
        { type: 'error', gen, message: error instanceof Error ? error.message : String(error) },
        [],
      );
    }
  };

  return (req) => {
    if (req.type === 'configure') {
      stop();
      gen = req.gen;
      guard(() => {
        session = openSession(req.runs, req.models, req.grid);
        post(false);
      });
      return;
    }
    if (req.type === 'check-file') {
      void checkFile(req.file, req.patches).then((result) =>
        scope.postMessage({ type: 'file-checked', id: req.id, result }, []),
      );
      return;
    }
    if (req.gen !== gen || !session) return;
    if (req.type === 'export') {
      scope.postMessage({ type: 'network', gen, models: session.toJSON() }, []);
      return;
    }
    if (req.type === 'pause') {
      stop();
      post(false);
    } else if (req.type === 'play') {
      if (timer === undefined) guard(slice);
    } else {
      stop();
      guard(() => {
        session?.step(Math.max(1, Math.min(1000, Math.round(req.epochs))));
        post(false);
      });
    }
  };
}

const handle = serve({ postMessage: (m, t) => postMessage(m, { transfer: t }) });
addEventListener('message', (event: MessageEvent<WorkerRequest>) => handle(event.data));
