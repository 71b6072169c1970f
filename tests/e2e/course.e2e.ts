/**
 * The course layer of every lesson, in a real browser. Without JavaScript: objectives, summary,
 * at least four exercises with answers in <details>, and a reference list; "Lesson k of n" and a
 * reading time; figures numbered k.1, k.2... in page order, and figure references that print the
 * number of the figure they point to; every citation "[n]" pointing at entry n of the page's own
 * list; every glossary link landing on an entry of the glossary, at most one link per term per
 * page. With JavaScript: each exercise link opens its figure in exactly the state it names, and a
 * citation previews its entry on focus and hover (Escape closes it).
 */
import { describe, expect, inject, test } from 'vitest';
import { useBrowser, openPage, useWatchedPage, scrollToCentre } from '../support/browser.ts';
import { builtPages } from './site-pages.ts';

const origin = inject('origin');
const base = inject('base');
const lessons = builtPages().filter((p) => /^lessons\/[\w-]+\/$/.test(p));
const browser = useBrowser();

test('every lesson is checked', () => {
  expect(lessons.length).toBeGreaterThanOrEqual(6);
});

/** Ids of the glossary page's entries, read once. */
let glossaryIds: Promise<Set<string>> | undefined;
function glossaryAnchors(): Promise<Set<string>> {
  glossaryIds ??= (async () => {
    const w = await openPage(browser, origin, { javaScriptEnabled: false });
    await w.page.goto(`${origin}${base}glossary/`);
    const ids = await w.page.locator('[id^="term-"]').evaluateAll((els) => els.map((e) => e.id));
    await w.close();
    return new Set(ids);
  })();
  return glossaryIds;
}

describe.each(lessons)('lesson /%s without JavaScript', (path) => {
  // These tests only read the page: one load serves them all.
  const w = useWatchedPage(browser, origin, `${origin}${base}${path}`, {
    javaScriptEnabled: false,
  });

  test('has objectives, a summary, four or more exercises with answers, and a reference list', async () => {
    const article = w.page.locator('article.lesson');
    const objectives = await article.locator('#objectives li').count();
    expect(objectives).toBeGreaterThanOrEqual(3);
    expect(objectives).toBeLessThanOrEqual(5);
    // Objectives open the lesson: nothing but the title and the meta line comes before them.
    expect(
      await article.evaluate(
        (a) => a.querySelector('#objectives')?.previousElementSibling?.className,
      ),
    ).toBe('lesson-meta');
    // textContent, not innerText: an off-screen block skips layout (content-visibility), and
    // innerText of unrendered text is empty.
    expect((await article.locator('#summary').textContent())?.trim().length).toBeGreaterThan(200);
    const exercises = article.locator('#exercises .exercise');
    expect(await exercises.count()).toBeGreaterThanOrEqual(4);
    for (const ex of await exercises.all()) {
      const answer = ex.locator('details.exercise-answer');
      expect(await answer.count()).toBe(1);
      expect(await answer.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
      expect((await answer.evaluate((d) => d.textContent ?? '')).trim().length).toBeGreaterThan(80);
    }
    // At least two exercises are bound to a figure state, and each link's figure is on the page.
    const links = await article.locator('#exercises a[data-exercise-figure]').evaluateAll((as) =>
      as.map((a) => ({
        figure: a.getAttribute('data-exercise-figure'),
        state: a.getAttribute('data-exercise-state'),
        href: a.getAttribute('href'),
      })),
    );
    expect(links.filter((l) => l.state).length).toBeGreaterThanOrEqual(2);
    for (const l of links) {
      expect(l.href).toBe(`${l.state ? `?${l.state}` : ''}#fig-${l.figure}`);
      expect(await w.page.locator(`#fig-${l.figure}`).count()).toBe(1);
    }
    expect(await w.page.locator('#references li').count()).toBeGreaterThan(0);
    expect(await w.page.locator('.lesson-meta').innerText()).toMatch(
      /^Lesson \d+ of \d+ · about \d+ min read$/,
    );
  });

  test('numbers its figures in page order and figure references print those numbers', async () => {
    const k = Number(/Lesson (\d+)/.exec(await w.page.locator('.lesson-meta').innerText())?.[1]);
    const figures = await w.page.locator('article.lesson figure.af-figure').evaluateAll((fs) =>
      fs.map((f) => ({
        id: f.id,
        label: f.querySelector(':scope > figcaption .fig-number')?.textContent ?? '',
      })),
    );
    expect(figures.length).toBeGreaterThan(0);
    expect(figures.map((f) => f.label)).toEqual(figures.map((_, i) => `Figure ${k}.${i + 1}. `));
    const labels = new Map(figures.map((f) => [`#${f.id}`, f.label.replace(/\. $/, '')]));
    const refs = await w.page
      .locator('article.lesson a.fig-ref')
      .evaluateAll((as) =>
        as.map((a) => ({ href: a.getAttribute('href') ?? '', text: a.textContent })),
      );
    for (const r of refs.filter((r) => r.href.startsWith('#')))
      expect(r.text).toBe(labels.get(r.href));
    // A reference to another lesson's figure prints that lesson's number for it (one visit per page).
    const other = await openPage(browser, origin, { javaScriptEnabled: false });
    const elsewhere = refs
      .filter((r) => !r.href.startsWith('#'))
      .sort((a, b) => a.href.localeCompare(b.href));
    for (const r of elsewhere) {
      const [page, hash] = r.href.split('#');
      const target = new URL(page ?? '', `${origin}${base}${path}`).href;
      if (other.page.url() !== target) await other.page.goto(target);
      // textContent, not innerText: the figure may sit in a collapsed aside.
      const label = await other.page
        .locator(`#${hash} > figcaption .fig-number`)
        .evaluate((e) => e.textContent);
      expect(`${r.text}. `).toBe(label);
    }
    await other.close();
  });

  test('citations are numbered by first appearance and point at that entry of the list', async () => {
    const cites = await w.page.locator('article.lesson a.cite').evaluateAll((as) =>
      as.map((a) => ({
        href: a.getAttribute('href') ?? '',
        n: Number(/\[(\d+)\]/.exec(a.textContent ?? '')?.[1]),
      })),
    );
    expect(cites.length).toBeGreaterThan(0);
    const entries = await w.page
      .locator('#references ol > li')
      .evaluateAll((lis) => lis.map((li) => li.id));
    const firstSeen: string[] = [];
    for (const c of cites) {
      if (!firstSeen.includes(c.href)) firstSeen.push(c.href);
      expect(c.n).toBe(firstSeen.indexOf(c.href) + 1);
      expect(`#${entries[c.n - 1]}`).toBe(c.href);
    }
    // The list holds the cited works first, in citation order (the Conclusion then adds the rest).
    expect(entries.slice(0, firstSeen.length).map((id) => `#${id}`)).toEqual(firstSeen);
  });

  test('links each glossary term once, to an entry that exists', async () => {
    const hrefs = await w.page
      .locator('article.lesson a.term')
      .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(hrefs.length).toBeGreaterThan(0);
    expect(new Set(hrefs).size).toBe(hrefs.length);
    const anchors = await glossaryAnchors();
    for (const href of hrefs) {
      const url = new URL(href);
      expect(url.pathname).toBe(`${base}glossary/`);
      expect(anchors.has(url.hash.slice(1))).toBe(true);
    }
  });
});

describe.each(lessons)('lesson /%s with JavaScript', (path) => {
  test('each exercise link opens its figure in exactly the state it names', async () => {
    const w = await openPage(browser, origin);
    await w.page.goto(`${origin}${base}${path}`);
    const links = await w.page.locator('#exercises a[data-exercise-state]').evaluateAll((as) =>
      as
        .map((a) => ({
          figure: a.getAttribute('data-exercise-figure') ?? '',
          ns: a.getAttribute('data-exercise-namespace') ?? '',
          state: a.getAttribute('data-exercise-state') ?? '',
          href: (a as HTMLAnchorElement).href,
        }))
        .filter((l) => l.state !== ''),
    );
    for (const link of links) {
      await w.page.goto(link.href);
      const element = w.page.locator(`#fig-${link.figure} [data-figure-id]`).first();
      await scrollToCentre(element);
      await w.page
        .locator(`#fig-${link.figure} [data-figure-id][data-live="true"]`)
        .first()
        .waitFor({ timeout: 20_000 });
      const shared = await element.evaluate((el) =>
        (el as HTMLElement & { shareQuery(): string }).shareQuery(),
      );
      const sorted = (q: string) => [...new URLSearchParams(q)].map(([k, v]) => `${k}=${v}`).sort();
      expect(sorted(shared), `${link.href}`).toEqual(sorted(link.state));
      expect(await w.page.locator(`#fig-${link.figure} [data-url-notice]`).first().isHidden()).toBe(
        true,
      );
    }
    expect(w.errors).toEqual([]);
    await w.close();
  });
});

test('a citation previews its entry on focus and on hover, and Escape closes the preview', async () => {
  const w = await openPage(browser, origin);
  await w.page.goto(`${origin}${base}lessons/sigmoid/`, { waitUntil: 'networkidle' });
  const cite = w.page.locator('article.lesson a.cite').first();
  const entryId = ((await cite.getAttribute('href')) ?? '').slice(1);
  // The text, not innerText: the reference list is skipped while off screen, and a skipped
  // block's innerText is empty.
  const entryText = ((await w.page.locator(`#${entryId} .ref-text`).textContent()) ?? '')
    .replace(/\s+/g, ' ')
    .trim();
  const tip = w.page.locator('#af-preview');
  await cite.focus();
  await expect.poll(() => tip.isVisible()).toBe(true);
  expect((await tip.innerText()).trim()).toBe(entryText);
  expect(await cite.getAttribute('aria-describedby')).toBe('af-preview');
  expect(await tip.getAttribute('role')).toBe('tooltip');
  await w.page.keyboard.press('Escape');
  await expect.poll(() => tip.isVisible()).toBe(false);
  expect(await cite.getAttribute('aria-describedby')).toBeNull();
  // Focus stays on the link: Escape dismisses the preview, not the reader's place.
  expect(await w.page.evaluate(() => document.activeElement?.classList.contains('cite'))).toBe(
    true,
  );
  await w.page.locator('h1').focus();
  await cite.hover();
  await expect.poll(() => tip.isVisible()).toBe(true);
  await w.page.mouse.move(0, 0);
  await expect.poll(() => tip.isVisible()).toBe(false);
  // A glossary term previews its definition the same way.
  const term = w.page.locator('article.lesson a.term').first();
  await term.focus();
  await expect.poll(() => tip.isVisible()).toBe(true);
  expect(await tip.innerText()).toContain(':');
  expect(w.errors).toEqual([]);
  await w.close();
});

test('the glossary is in the site navigation and lists every term with an anchor', async () => {
  const w = await openPage(browser, origin, { javaScriptEnabled: false });
  await w.page.goto(`${origin}${base}`);
  await w.page.locator('.site-nav a', { hasText: 'Glossary' }).click();
  await w.page.waitForURL(/\/glossary\/$/);
  expect(await w.page.locator('[data-pagefind-body] dt').count()).toBeGreaterThanOrEqual(40);
  expect(await w.page.locator('#term-backpropagation dd').textContent()).toMatch(/chain rule/);
  await w.close();
});

test('the main line reads first: Tanh opens with its curve, floating-point material waits in collapsed asides', async () => {
  const w = await openPage(browser, origin, { javaScriptEnabled: false });
  await w.page.goto(`${origin}${base}lessons/tanh/`);
  expect(await w.page.locator('article.lesson figure.af-figure').first().getAttribute('id')).toBe(
    'fig-tanh-explorer',
  );
  expect(
    await w.page
      .locator('#fig-tanh-float')
      .evaluate((f) => f.closest('details.aside')?.hasAttribute('open')),
  ).toBe(false);
  await w.page.goto(`${origin}${base}lessons/sigmoid/`);
  const asides = w.page.locator('article.lesson details.aside');
  expect(await asides.count()).toBeGreaterThanOrEqual(2);
  for (const a of await asides.all()) {
    expect(await a.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    expect((await a.locator('summary').textContent())?.trim().length).toBeGreaterThan(10);
  }
  await w.close();
});

test('Beyond the big three opens with a table by family and a "which one should I use?" box, and keeps implementation notes in asides', async () => {
  const w = await openPage(browser, origin, { javaScriptEnabled: false });
  await w.page.goto(`${origin}${base}lessons/beyond/`);
  const article = w.page.locator('article.lesson');
  expect(
    await article.locator('h2').evaluateAll((hs) => hs.map((h) => h.textContent?.trim())[1]),
  ).toBe('At a glance');
  const families = article.locator('table.family-table tbody');
  expect(await families.count()).toBeGreaterThanOrEqual(6);
  // Every function of the lesson appears once, and the table comes before the first figure.
  expect(
    await article.locator('table.family-table th[scope="row"]').count(),
  ).toBeGreaterThanOrEqual(15);
  expect(
    await article.evaluate((a) => {
      const table = a.querySelector('table.family-table');
      const figure = a.querySelector('figure.af-figure');
      return (
        !!table &&
        !!figure &&
        (table.compareDocumentPosition(figure) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0
      );
    }),
  ).toBe(true);
  expect(await article.locator('.which-box h3').innerText()).toBe('Which one should I use?');
  expect(await article.locator('.which-box li').count()).toBeGreaterThanOrEqual(5);
  const asides = article.locator('details.aside');
  expect(await asides.count()).toBeGreaterThanOrEqual(3);
  for (const a of await asides.all())
    expect(await a.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
  await w.close();
});
