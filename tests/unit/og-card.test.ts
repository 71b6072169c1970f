/** The social card builder: wrapping, ASCII punctuation, and a deterministic, well-formed SVG. */
import { describe, expect, test } from 'vitest';
import { parseHTML } from 'linkedom';
import { activationIds } from '../../src/lib/activations/index.ts';
import {
  cardHeight,
  cardSvg,
  cardWidth,
  plainPunctuation,
  wrapText,
} from '../../src/lib/og-card.ts';

const input = {
  title: 'Beyond the big three',
  description:
    'A tour of the activations that came after sigmoid, ReLU and tanh, from Leaky ReLU and ELU to GELU, SiLU, Mish and the hard variants, and back to the perceptron’s step.',
  ids: ['gelu', 'relu'] as const,
  fontFamily: 'KaTeX_SansSerif',
};

describe('wrapText', () => {
  test('keeps every word, in order, within the estimated width', () => {
    const lines = wrapText(input.description, 28, 600, 20);
    expect(lines.join(' ')).toBe(plainPunctuation(input.description));
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(Math.floor(600 / (28 * 0.5)));
  });
  test('cuts to the line limit with an ellipsis', () => {
    const lines = wrapText(input.description, 28, 600, 2);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/\.\.\.$/);
  });
  test('a single word longer than a line stays whole rather than vanishing', () => {
    expect(wrapText('Supercalifragilistic', 80, 100, 2)).toEqual(['Supercalifragilistic']);
  });
});

test('typographic punctuation becomes ASCII the card font has', () => {
  expect(plainPunctuation('it’s “x” – y — z…')).toBe(`it's "x" - y - z...`);
});

describe('cardSvg', () => {
  test('is a 1200 x 630 SVG with the title, the description and one path per activation', () => {
    const svg = cardSvg(input);
    const { document } = parseHTML(`<html><body>${svg}</body></html>`);
    const root = document.querySelector('svg');
    expect(root?.getAttribute('width')).toBe(String(cardWidth));
    expect(root?.getAttribute('height')).toBe(String(cardHeight));
    expect(document.body.textContent).toContain('Beyond the');
    expect(document.body.textContent).toContain('GELU');
    expect(document.querySelectorAll('path')).toHaveLength(2);
    expect(svg).not.toContain('NaN');
  });
  test('never cuts a title: a long one is set smaller', () => {
    const title = 'Activation functions, computed live';
    const { document } = parseHTML(`<html><body>${cardSvg({ ...input, title })}</body></html>`);
    const text = [...document.querySelectorAll('text')].find((t) =>
      t.textContent?.includes('Activation functions'),
    );
    expect(text?.textContent).toBe('Activation functions,computed live');
    expect(Number(text?.getAttribute('font-size'))).toBeLessThan(84);
  });
  test('is deterministic', () => {
    expect(cardSvg(input)).toBe(cardSvg(input));
  });
  test('escapes text', () => {
    expect(cardSvg({ ...input, title: 'a < b & c' })).toContain('a &lt; b &amp; c');
  });
  test.each(activationIds)('draws %s with finite coordinates', (id) => {
    const svg = cardSvg({ ...input, ids: [id] });
    const d = /<path d="([^"]+)"/.exec(svg)?.[1] ?? '';
    expect(d).toMatch(/^M/);
    expect(d).not.toMatch(/NaN|Infinity/);
  });
  test('refuses a card with no curve', () => {
    expect(() => cardSvg({ ...input, ids: [] })).toThrow(/names no activation/);
  });
});
