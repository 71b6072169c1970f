/**
 * The course layer's pure modules: the bibliography and the glossary as data, the MDX scanner that
 * numbers citations and figures and measures reading time, the plugin that marks each term's first
 * use, and the lessons themselves (every citation, term and figure reference resolves; every lesson
 * has the course sections).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mdxToJs } from 'satteri';
import { describe, expect, test } from 'vitest';
import {
  authorsLong,
  authorsShort,
  formatWork,
  fullListOrder,
  getWork,
  isWorkId,
  workIds,
  works,
  type Work,
} from '../../src/lib/course/bibliography.ts';
import { getTerm, glossary, isTermId, termsAlphabetically } from '../../src/lib/course/glossary.ts';
import {
  citationsInMdx,
  exerciseCount,
  figureIdsInMdx,
  readingMinutes,
  termsInMdx,
  wordsPerMinute,
} from '../../src/lib/course/mdx-scan.ts';
import { firstTermUse } from '../../src/lib/course/markdown-terms.ts';
import { figuresInMdx } from '../../src/build/mdx-figures.ts';

describe('bibliography', () => {
  test('every entry is complete, and every link is an https URL', () => {
    for (const id of workIds) {
      const w: Work = works[id];
      expect(w.authors.length, id).toBeGreaterThan(0);
      expect(w.title.length, id).toBeGreaterThan(3);
      expect(w.venue.length, id).toBeGreaterThan(3);
      expect(w.year, id).toBeGreaterThan(1900);
      // Ids are family name + year, so a reader of the MDX can tell what is cited.
      expect(id, id).toMatch(new RegExp(`${w.year}$|^cs231n$`));
      if (w.url) expect(() => new URL(w.url ?? '')).not.toThrow();
      if (w.url) expect(w.url).toMatch(/^https:\/\//);
    }
  });

  test('holds the canonical works the lessons lean on', () => {
    for (const id of [
      'mcculloch1943',
      'rumelhart1986',
      'hochreiter1991',
      'bengio1994',
      'hornik1991',
      'hochreiter1997',
      'cho2014',
      'lecun1998',
      'ioffe2015',
      'goodfellow2013',
      'dugas2001',
      'turian2009',
      'devlin2019',
      'radford2019',
      'shazeer2020',
      'fukushima1969',
      'fukushima1980',
      'hahnloser2000',
      'jarrett2009',
      'nair2010',
    ]) {
      expect(isWorkId(id), id).toBe(true);
    }
    expect(works.ramachandran2017.venue).toContain('ICLR 2018 Workshop');
    expect(works.misra2019.venue).toContain('BMVC');
  });

  test('formats authors for running text and for the list', () => {
    expect(authorsShort(works.hochreiter1991)).toBe('Hochreiter');
    expect(authorsShort(works.glorot2010)).toBe('Glorot and Bengio');
    expect(authorsShort(works.bengio1994)).toBe('Bengio, Simard and Frasconi');
    expect(authorsShort(works.klambauer2017)).toBe('Klambauer et al.');
    expect(authorsLong(works.glorot2010)).toBe('Glorot, X. and Bengio, Y.');
    expect(authorsLong(works.howard2019)).toBe(
      'Howard, A., Sandler, M., Chu, G., Chen, L.-C., Chen, B., Tan, M. et al.',
    );
    expect(formatWork(works.rumelhart1986)).toBe(
      'Rumelhart, D. E., Hinton, G. E. and Williams, R. J. (1986). Learning representations by back-propagating errors. Nature, 323(6088), 533–536.',
    );
  });

  test('an unknown id fails with its name and where it was cited', () => {
    expect(() => getWork('hochreiter1990', 'tanh.mdx')).toThrow(/tanh\.mdx.*hochreiter1990/);
  });

  test('the full list keeps the cited order first, then the rest by author and year, each work once', () => {
    const order = fullListOrder(['lecun1998', 'cybenko1989']);
    expect(order.slice(0, 2)).toEqual(['lecun1998', 'cybenko1989']);
    expect(order.length).toBe(workIds.length);
    expect(new Set(order).size).toBe(order.length);
    const rest = order.slice(2).map((id) => works[id].authors[0] ?? '');
    expect(rest).toEqual([...rest].sort((a, b) => a.localeCompare(b)));
  });
});

describe('glossary', () => {
  test('has the terms the issue lists, each defined in full sentences', () => {
    for (const id of [
      'backpropagation',
      'cross-entropy',
      'mini-batch',
      'channel',
      'dropout',
      'weight-decay',
      'quantisation',
      'normalisation-layers',
      'saturation',
      'vanishing-gradient',
      'exploding-gradient',
      'dead-unit',
      'zero-centred',
      'logit',
      'pre-activation',
      'ulp',
    ]) {
      expect(isTermId(id), id).toBe(true);
    }
    for (const id of termsAlphabetically()) {
      const e = getTerm(id);
      expect(e.definition, id).toMatch(/^[A-Z"].*[.)]$/);
      expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    }
  });

  test('every "see also" names an entry', () => {
    for (const [id, e] of Object.entries(glossary)) {
      for (const s of ('see' in e ? e.see : []) as readonly string[])
        expect(isTermId(s), `${id} -> ${s}`).toBe(true);
    }
  });

  test('lists alphabetically by term, and an unknown id fails', () => {
    const terms = termsAlphabetically().map((id) => glossary[id].term);
    expect(terms).toEqual([...terms].sort((a, b) => a.localeCompare(b, 'en')));
    expect(() => getTerm('logits', 'x.mdx')).toThrow(/x\.mdx.*logits/);
  });
});

describe('MDX scanner', () => {
  const body = [
    '---',
    'title: T',
    '---',
    "import Cite from './Cite.astro';",
    '{/* <Cite id="commented1999" /> */}',
    'Text <Cite id="b2000" /> and <Cite id="a1999" />, again <Cite id="b2000" />.',
    '`<Cite id="code2001" />` is code.',
    '<Term id="logit">logits</Term> then <Term id="nan" /> and <Term id="logit">logit</Term>.',
    '<ActivationPlot id="one" ids={["relu"]} caption="a > b, with id=&quot;x&quot;" />',
    '<TrainingDemo demo="dead-relu" />',
    '<TrainingDemo demo="league-table" />',
    '<CostBench',
    '  id="cost"',
    '  caption="Nanoseconds {per} element"',
    '/>',
    '<Exercises><Exercise figure="one">Q</Exercise><Exercise>R</Exercise></Exercises>',
  ].join('\n');

  test('numbers citations by first appearance, skipping comments and code', () => {
    expect(citationsInMdx(body)).toEqual(['b2000', 'a1999']);
  });

  test('lists terms by first use', () => {
    expect(termsInMdx(body)).toEqual(['logit', 'nan']);
  });

  test('lists figures in page order, demos by their demo id, the league table left out', () => {
    expect(figureIdsInMdx(body)).toEqual(['one', 'demo-dead-relu', 'cost']);
  });

  test('counts exercises', () => {
    expect(exerciseCount(body)).toBe(2);
  });

  test('reading time grows with prose, formulas and figures, and never drops below a minute', () => {
    expect(readingMinutes('Short.')).toBe(1);
    const words = (n: number) => Array.from({ length: n }, () => 'word').join(' ');
    expect(readingMinutes(words(wordsPerMinute * 10))).toBe(10);
    // Props of a figure are not prose: a long caption adds the figure's allowance, not its words.
    expect(
      readingMinutes(
        `${words(wordsPerMinute * 4)}\n<ActivationPlot id="x" caption="${words(600)}" />`,
      ),
    ).toBe(5);
    expect(readingMinutes(`${words(wordsPerMinute * 4)}\n$$\n${words(600)}\n$$\n$$\nx\n$$`)).toBe(
      5,
    );
  });
});

describe('first-term-use plugin', () => {
  test('marks only the first use of each term on a page, wherever it sits', async () => {
    const src =
      'A <Term id="logit">logits</Term> and <Term id="nan" />.\n\nB <Term id="logit">logit</Term>.\n\n<Box>\n\n<Term id="dropout">dropout</Term>\n\n</Box>\n';
    const out = await mdxToJs(src, { mdastPlugins: [firstTermUse] } as Parameters<
      typeof mdxToJs
    >[1]);
    const code = typeof out === 'string' ? out : (out as { code: string }).code;
    const calls = [...code.matchAll(/_jsx\(Term, \{([^}]*)\}/g)].map((m) => m[1] ?? '');
    expect(calls.length).toBe(4);
    expect(calls.map((c) => /first: true/.test(c))).toEqual([true, true, false, true]);
  });
});

describe('the lessons', () => {
  const dir = 'content/lessons';
  const files = readdirSync(dir).filter((f) => f.endsWith('.mdx'));
  const sources = new Map(files.map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
  const slugs = new Map(
    files.map((f) => [f.replace(/\.mdx$/, '').replace(/^\d+-/, ''), sources.get(f) ?? '']),
  );

  test.each(files)('%s cites only known works and marks only known terms', (file) => {
    const src = sources.get(file) ?? '';
    expect(citationsInMdx(src).filter((id) => !isWorkId(id))).toEqual([]);
    expect(termsInMdx(src).filter((id) => !isTermId(id))).toEqual([]);
    expect(citationsInMdx(src).length).toBeGreaterThan(0);
    expect(termsInMdx(src).length).toBeGreaterThan(0);
  });

  test.each(files)(
    '%s has objectives, a summary and at least four exercises, two of them bound to a figure state',
    (file) => {
      const src = sources.get(file) ?? '';
      expect(src).toMatch(/<Objectives>/);
      expect(src).toMatch(/<Summary>/);
      expect(exerciseCount(src)).toBeGreaterThanOrEqual(4);
      expect(
        [...src.matchAll(/<Exercise figure="[^"]+"[^>]*\bstate=\{\{/g)].length,
      ).toBeGreaterThanOrEqual(2);
    },
  );

  test.each(files)('%s: every figure an exercise or a reference names is on its page', (file) => {
    const src = sources.get(file) ?? '';
    const figures = new Set(figureIdsInMdx(src));
    for (const m of src.matchAll(/<Exercise figure="([^"]+)"/g))
      expect(figures.has(m[1] ?? ''), m[1]).toBe(true);
    for (const m of src.matchAll(/<FigRef (?:lesson="([^"]+)" )?id="([^"]+)"/g)) {
      const on = m[1] ? new Set(figureIdsInMdx(slugs.get(m[1]) ?? '')) : figures;
      expect(on.has(m[2] ?? ''), `${m[1] ?? ''}#${m[2]}`).toBe(true);
    }
  });

  test.each(files)(
    '%s: the numbered figures include every embeddable one, in the same order',
    (file) => {
      const src = sources.get(file) ?? '';
      const embeddable = figuresInMdx(src, file).map((f) => f.id);
      const numbered = figureIdsInMdx(src);
      expect(numbered.filter((id) => embeddable.includes(id))).toEqual(embeddable);
    },
  );

  test('the Introduction names the post it follows and how the site checks its claims', () => {
    const intro = slugs.get('introduction') ?? '';
    expect(intro).toContain('"Activation functions in neural networks"');
    expect(intro).toContain('19 October 2023');
    expect(intro).toContain('`npm run claims`');
    expect(intro).toContain('`bench/results/claims.json`');
  });

  test('the Conclusion keeps the full bibliography', () => {
    expect(slugs.get('conclusion')).toMatch(/^fullReferences: true$/m);
  });
});
