/**
 * Full-text search in a real browser: nothing of Pagefind loads until the reader searches;
 * typing a word lists exactly the pages (lessons and glossary) whose text has it, each linking to its lesson; it is
 * usable from the keyboard alone (the header link, Tab to the box, type, Enter) and from a link
 * with `?q=` (what the form submits without JavaScript).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { expect, inject, test } from 'vitest';
import { useBrowser, openPage } from '../support/browser.ts';

const origin = inject('origin');
const base = inject('base');
const browser = useBrowser();

/**
 * Paths (relative to the base) of the indexed pages whose source contains `word`: the lessons
 * whose MDX has it, and the glossary if one of its entries does (the oracle for the results).
 */
function pagesMentioning(word: string): string[] {
  const lessons = readdirSync('content/lessons')
    .filter(
      (f) =>
        f.endsWith('.mdx') &&
        readFileSync(`content/lessons/${f}`, 'utf8').toLowerCase().includes(word),
    )
    .map((f) => `lessons/${f.replace(/\.mdx$/, '').replace(/^\d+-/, '')}/`);
  const glossary = readFileSync('src/lib/course/glossary.ts', 'utf8').toLowerCase().includes(word)
    ? ['glossary/']
    : [];
  return [...lessons, ...glossary].sort();
}

test('typing a word lists the pages (lessons, glossary) that contain it, and a lesson result opens its lesson', async () => {
  const w = await openPage(browser, origin);
  const pagefindRequests: string[] = [];
  w.page.on('request', (r) => {
    if (r.url().includes('/pagefind/')) pagefindRequests.push(r.url());
  });
  await w.page.goto(`${origin}${base}search/`, { waitUntil: 'networkidle' });
  expect(pagefindRequests).toEqual([]);
  await w.page.locator('af-search[data-live="true"]').waitFor();
  await w.page.getByLabel('Search the lessons').fill('vanishing');
  const results = w.page.locator('af-search [data-out="results"] li a');
  await results.first().waitFor({ timeout: 15_000 });
  const hrefs = await results.evaluateAll((as) =>
    as.map((a) => new URL((a as HTMLAnchorElement).href).pathname),
  );
  // Pagefind stems words, so "vanishing" also finds "vanishes": the oracle searches the stem.
  const expected = pagesMentioning('vanish');
  expect(expected.length).toBeGreaterThan(1);
  expect(hrefs.map((h) => h.slice(base.length)).sort()).toEqual(expected);
  expect(await w.page.locator('af-search [data-out="status"]').innerText()).toContain(
    `${expected.length} pages`,
  );
  expect(await w.page.locator('af-search mark').count()).toBeGreaterThan(0);
  expect(pagefindRequests.some((u) => u.endsWith('/pagefind/pagefind.js'))).toBe(true);
  await w.page.locator('af-search [data-out="results"] li a[href*="/lessons/"]').first().click();
  await w.page.waitForURL(/\/lessons\/[\w-]+\/$/);
  expect((await w.page.locator('article.lesson').innerText()).toLowerCase()).toContain('vanishing');
  expect(w.errors).toEqual([]);
  expect(w.foreignRequests).toEqual([]);
  await w.close();
});

test('the search works from the keyboard and from a link with ?q=', async () => {
  const w = await openPage(browser, origin);
  await w.page.goto(`${origin}${base}`, { waitUntil: 'networkidle' });
  await w.page.locator('.site-nav a', { hasText: 'Search' }).focus();
  await w.page.keyboard.press('Enter');
  await w.page.waitForURL(/\/search\/$/);
  await w.page.locator('af-search[data-live="true"]').waitFor();
  // Tab from the top of the page until the search box has focus.
  for (
    let i = 0;
    i < 20 &&
    !(await w.page.evaluate(() => document.activeElement?.getAttribute('type') === 'search'));
    i++
  ) {
    await w.page.keyboard.press('Tab');
  }
  expect(await w.page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('q');
  // Pagefind falls back to prefixes of an unknown word, so even nonsense usually finds
  // something: what matters is that the status answers for what was typed.
  await w.page.keyboard.type('zzyzxq');
  await w.page.keyboard.press('Enter');
  await expect
    .poll(() => w.page.locator('af-search [data-out="status"]').innerText(), { timeout: 15_000 })
    .toContain('“zzyzxq”');
  await w.page.goto(`${origin}${base}search/?q=saturates`, { waitUntil: 'networkidle' });
  await w.page.locator('af-search [data-out="results"] li').first().waitFor({ timeout: 15_000 });
  expect(await w.page.getByLabel('Search the lessons').inputValue()).toBe('saturates');
  expect(w.errors).toEqual([]);
  await w.close();
});
