import { describe, expect, test } from 'vitest';
import { markdownToHtml } from 'satteri';
import { renderTex, texToPlainText } from '../../src/lib/tex.ts';
import { activationIds, getActivation } from '../../src/lib/activations/index.ts';
import { headingAnchors, katexMath } from '../../src/integrations/markdown-math.ts';

describe('renderTex', () => {
  test('renders KaTeX HTML with MathML for screen readers', () => {
    const html = renderTex('\\sigma(x) = \\frac{1}{1 + e^{-x}}');
    expect(html).toContain('class="katex"');
    expect(html).toContain('<math');
  });
  test('display mode wraps in katex-display', () => {
    expect(renderTex('x^2', true)).toContain('katex-display');
  });
  test('a malformed formula throws, so the build fails instead of shipping it', () => {
    expect(() => renderTex('\\frac{1}{')).toThrow();
  });
});

describe('Markdown math plugin', () => {
  const render = (md: string) =>
    markdownToHtml(md, { features: { math: true }, mdastPlugins: [katexMath] }).html;

  test('inline $...$ becomes KaTeX, with no dollar signs left', () => {
    const html = render('The sigmoid $\\sigma(x)$ maps to $(0, 1)$.');
    expect(html).toContain('class="katex"');
    expect(html).not.toContain('$');
  });
  test('display $$...$$ becomes a block formula, not a code block', () => {
    const html = render('Before\n\n$$\n\\tanh(x) = 2\\sigma(2x) - 1\n$$\n\nAfter');
    expect(html).toContain('katex-display');
    expect(html).not.toContain('<code');
    expect(html).not.toContain('$$');
  });
});

describe('heading anchors', () => {
  const render = (md: string) => markdownToHtml(md, { hastPlugins: [headingAnchors] }).html;

  test('h2 and h3 get GitHub-style ids and an empty link to themselves', () => {
    const html = render('## Why it works\n\n### Why it works\n\n#### Not this one');
    expect(html).toContain(
      '<h2 id="why-it-works">Why it works<a class="heading-anchor" href="#why-it-works"',
    );
    expect(html).toContain('<h3 id="why-it-works-1">');
    expect(html).not.toMatch(/<h4[^>]*>.*heading-anchor/);
  });
});

describe('texToPlainText', () => {
  test('an interval becomes Unicode text, with true minus signs', () => {
    expect(texToPlainText(String.raw`(-\lambda\alpha, \infty) \approx (-1.7581, \infty)`)).toBe(
      '(−λα, ∞) ≈ (−1.7581, ∞)',
    );
    expect(texToPlainText(String.raw`[-0.16997\ldots, \infty)`)).toBe('[−0.16997…, ∞)');
    expect(texToPlainText(String.raw`\{0, 1\}`)).toBe('{0, 1}');
  });
  test('every activation’s range converts', () => {
    for (const id of activationIds) {
      const text = texToPlainText(getActivation(id).range.latex);
      expect(text, id).toMatch(/^[[({].*[\])}]$/);
      expect(text, id).not.toMatch(/[\\-]/);
    }
  });
  test('TeX it cannot show as plain text throws, so the build fails', () => {
    for (const tex of [String.raw`\frac{1}{2}`, 'x^2', '{a}', String.raw`\beta`])
      expect(() => texToPlainText(tex), tex).toThrow(/texToPlainText/);
  });
});
