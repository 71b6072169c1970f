/**
 * The Content-Security-Policy of every page, in one place. Astro's `security.csp`
 * (astro.config.mjs) writes it as a <meta http-equiv="content-security-policy"> into the <head>
 * of every page, whatever its layout (Base, Embed), and adds to `script-src` a hash of each
 * inline script it emits itself (the small bundled scripts it inlines instead of linking), so
 * no page needs `'unsafe-inline'` for scripts. `unsafe-eval` is never allowed.
 *
 * Each exception, and why:
 * - `script-src 'wasm-unsafe-eval'`: lets the search (Pagefind) compile its WebAssembly module
 *   in the page. Pagefind normally does that in its worker, which a meta policy does not reach,
 *   but it falls back to the page when the worker cannot start, and the search must still work
 *   then. The keyword allows WebAssembly compilation only; `eval` and `new Function` stay
 *   blocked.
 * - `style-src 'unsafe-inline'`: KaTeX typesets with `style` attributes (glyph heights, struts),
 *   Observable Plot sets inline styles on every figure (its per-figure <style> element is
 *   dropped before the figure is shown: src/lib/plots/tidy-plot.ts), and Astro's highlighter colours code with `style` attributes. Hashes cannot cover attributes
 *   whose values are computed per formula and per figure, and with `'unsafe-inline'` present
 *   Astro writes no style hashes (the browser would ignore the keyword next to a hash). Styles
 *   cannot run code, so this weakens the policy far less than inline script would.
 * - `img-src data: blob:`: exporting a figure as PNG draws its SVG through a data:/blob: image.
 * - `font-src data:`: the build inlines KaTeX's smallest fonts into the stylesheet as data: URLs
 *   (Vite's asset inlining); a font cannot run code.
 *
 * What a meta tag cannot carry: `frame-ancestors` (who may frame a page; the embed pages must be
 * frameable anyway), `report-uri`/`report-to` and `sandbox` are ignored by browsers in a meta
 * policy, and Chromium logs a console error for them, so they are left out; a host that sends
 * headers can add `frame-ancestors` there.
 */

/** `script-src` sources; Astro appends the hashes of the inline scripts it emits. */
export const scriptSources: readonly string[] = ["'self'", "'wasm-unsafe-eval'"];

/** `style-src` sources. */
export const styleSources: readonly string[] = ["'self'", "'unsafe-inline'"];

/** Every other directive, one string each. */
export const otherDirectives = [
  "default-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "frame-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
] as const;
