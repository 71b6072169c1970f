/**
 * Screenshots of the built site for the README and for looking at visual work:
 *   npx node scripts/screenshot.ts <path-under-base> <out.png> [width] [height] [dark]
 * Serves dist/ itself and drives Debian's Chromium, like the browser tests.
 */
import { serveStatic } from '../tests/support/static-server.ts';
import { launchBrowser } from '../tests/support/browser.ts';

const [path = '', out = 'screenshot.png', width = '1280', height = '900', theme = 'light'] =
  process.argv.slice(2);
const { server, origin } = await serveStatic('dist', process.env.BASE_PATH || '/');
const browser = await launchBrowser();
try {
  const context = await browser.newContext({
    viewport: { width: Number(width), height: Number(height) },
    colorScheme: theme === 'dark' ? 'dark' : 'light',
    deviceScaleFactor: 1,
  });
  const page = await context.newPage();
  await page.goto(`${origin}${process.env.BASE_PATH || '/'}${path}`, { waitUntil: 'networkidle' });
  await page.evaluate(async () => {
    for (let y = 0; y < document.body.scrollHeight; y += 500) {
      window.scrollTo(0, y);
      await new Promise((r) => setTimeout(r, 40));
    }
    window.scrollTo(0, 0);
  });
  await page.waitForTimeout(300);
  await page.screenshot({ path: out, fullPage: process.env.FULL_PAGE === '1' });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  server.close();
}
