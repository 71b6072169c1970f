/**
 * The playground's network file format, its limits and the writer; no imports at run time, so the
 * page side (network-io.ts) can use it without pulling the engine into the page's chunks. The
 * reader, which needs the engine to check a file completely, is network-file.ts (worker side).
 *
 * File format (JSON): `{ format, version, config, networks }`: the settings (the same object the
 * URL holds, so the dataset, seed and hyperparameters travel with the weights) and one
 * `Mlp.toJSON` per run.
 */
import type { Config } from './config.ts';

/** Format tag of a saved playground network. */
export const NETWORK_FORMAT = 'activation-notebook/playground-network';

/**
 * Largest file the page reads, in bytes (1 MB). A real export is 3 KB for the default network and
 * about 165 KB for the largest one the controls allow (8 layers of 16 with Adam's two moments,
 * one number per line), so this leaves room for several runs and is still read in a few
 * milliseconds; anything bigger is refused from its size alone, before a byte of it is read.
 */
export const MAX_FILE_BYTES = 1024 * 1024;

/**
 * Largest epoch count a file may claim. At the playground's 100 epochs a second this is about four
 * months of training; beyond it a count is not a saved run but a crafted value (1e308 would
 * display as such and never increase, because adding 1 no longer changes it).
 */
export const MAX_EPOCH = 1e9;

/** The file text for some settings and networks. */
export function networkFileText(config: Config, networks: readonly unknown[]): string {
  return `${JSON.stringify({ format: NETWORK_FORMAT, version: 1, config, networks }, null, 1)}\n`;
}

/** A byte count for a sentence ("2.3 KB", "50.0 MB"). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
