/**
 * Resolves in a new task, so the caller's next stage does not extend the current one:
 * `scheduler.yield()` where the browser has it (the continuation keeps its place ahead of other
 * queued work), else a zero-delay timeout.
 */
export function yieldToMain(): Promise<void> {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (s?.yield) return s.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Longest wait for a frame: a hidden tab renders none. */
const FRAME_WAIT_MS = 100;

/**
 * Resolves in a task after the next frame has been rendered, so DOM changes made before the call
 * are styled, laid out and painted in that frame, and changes made after it in a later one; after
 * {@link FRAME_WAIT_MS} where no frame comes.
 */
export function afterNextFrame(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, FRAME_WAIT_MS);
    requestAnimationFrame(() => {
      clearTimeout(timer);
      setTimeout(resolve, 0);
    });
  });
}
