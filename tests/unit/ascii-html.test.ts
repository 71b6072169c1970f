import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { asciiHtml } from '../../src/layouts/ascii-html.ts';

describe('asciiHtml', () => {
  const html =
    '<p title="α − β">σ(x) − 1 · 😀</p><math><mo>\u2061</mo></math>' +
    '<script>const s = "−";</script><style>a::before{content:"→"}</style>';

  it('leaves nothing but ASCII outside script and style', () => {
    const out = asciiHtml(html);
    const outside = out.replace(/<(script|style)\b[\s\S]*?<\/\1>/g, '');
    expect(outside).toMatch(/^[\x00-\x7f]*$/);
    expect(out).toContain('<script>const s = "−";</script>');
    expect(out).toContain('<style>a::before{content:"→"}</style>');
  });

  it('parses to the same text and attributes', () => {
    const before = parseHTML(`<!doctype html><html><body>${html}</body></html>`).document.body;
    const after = parseHTML(`<!doctype html><html><body>${asciiHtml(html)}</body></html>`).document
      .body;
    expect(after.textContent).toBe(before.textContent);
    expect(after.querySelector('p')?.getAttribute('title')).toBe('α − β');
  });
});
