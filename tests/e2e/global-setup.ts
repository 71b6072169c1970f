/**
 * Runs once before the browser tests: checks that Debian's Chromium is there (failing with one
 * line that says how to install it) and serves the built site for every test file.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { serveStatic } from '../support/static-server.ts';
import { chromiumPath } from '../support/browser.ts';
import { distDir } from './site-pages.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    origin: string;
    base: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const path = chromiumPath();
  if (!existsSync(path)) {
    throw new Error(
      `Chromium not found at ${path}: install it with "apt-get install -y chromium" or set CHROMIUM_PATH.`,
    );
  }
  if (!existsSync(join(distDir, 'index.html'))) {
    throw new Error(`${distDir}/ has no index.html: run "npm run build" before the browser tests.`);
  }
  const base = process.env.BASE_PATH || '/';
  const { server, origin } = await serveStatic(distDir, base);
  project.provide('origin', origin);
  project.provide('base', base.endsWith('/') ? base : `${base}/`);
  return async () => {
    await new Promise<void>((ok) => server.close(() => ok()));
  };
}
