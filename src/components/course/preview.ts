/**
 * Previews for citations and glossary terms: hovering or focusing a link with
 * `data-preview-ref` (the id of a reference-list entry on the page) or `data-preview-text` shows
 * that text in one shared tooltip under the link. The links work without this script (they jump
 * to the entry); the preview only saves the trip.
 *
 * Accessibility (WCAG 1.4.13): the tooltip is announced through `aria-describedby` while shown;
 * Escape closes it without moving focus; the pointer can move onto it without it closing; it
 * stays until the pointer or focus leaves. No inline script or style element is created, so the
 * site's Content-Security-Policy is untouched (positions are set through the CSSOM).
 *
 * State: one tooltip element and the link it currently describes; module scope, because every
 * preview on a page shares them and the module runs once per page.
 */

/** Delay before hiding, so the pointer can cross the gap between the link and the tooltip. */
const HIDE_DELAY = 150;

const tip = document.createElement('div');
tip.id = 'af-preview';
tip.className = 'af-preview';
tip.setAttribute('role', 'tooltip');
tip.hidden = true;
let owner: HTMLElement | undefined;
let hideTimer: ReturnType<typeof setTimeout> | undefined;

/** The preview text of a trigger: the referenced entry's text, or its own attribute. */
function textOf(link: HTMLElement): string {
  const ref = link.dataset['previewRef'];
  if (ref) {
    const entry = document.getElementById(ref);
    return (
      entry?.querySelector('.ref-text')?.textContent?.trim() ?? entry?.textContent?.trim() ?? ''
    );
  }
  return link.dataset['previewText'] ?? '';
}

function show(link: HTMLElement): void {
  clearTimeout(hideTimer);
  const text = textOf(link);
  if (!text) return;
  if (!tip.isConnected) document.body.append(tip);
  if (owner && owner !== link) owner.removeAttribute('aria-describedby');
  owner = link;
  tip.textContent = text;
  tip.hidden = false;
  link.setAttribute('aria-describedby', tip.id);
  // Under the link, kept inside the viewport horizontally; above it if there is no room below.
  const r = link.getBoundingClientRect();
  const width = Math.min(400, document.documentElement.clientWidth - 16);
  tip.style.width = `${width}px`;
  const left = Math.max(8, Math.min(r.left, document.documentElement.clientWidth - width - 8));
  tip.style.left = `${left + window.scrollX}px`;
  const below = r.bottom + 6;
  const fitsBelow = below + tip.offsetHeight < window.innerHeight;
  tip.style.top = `${(fitsBelow ? below : r.top - tip.offsetHeight - 6) + window.scrollY}px`;
}

function hide(): void {
  clearTimeout(hideTimer);
  tip.hidden = true;
  owner?.removeAttribute('aria-describedby');
  owner = undefined;
}

function hideSoon(): void {
  clearTimeout(hideTimer);
  hideTimer = setTimeout(hide, HIDE_DELAY);
}

function triggerOf(target: EventTarget | null): HTMLElement | undefined {
  return target instanceof Element
    ? (target.closest<HTMLElement>('[data-preview-ref], [data-preview-text]') ?? undefined)
    : undefined;
}

// Delegated listeners: one set per page whatever the number of links, registered once even
// though every citation's component includes this module (a module runs once).
document.addEventListener('pointerover', (e) => {
  const link = triggerOf(e.target);
  if (link) show(link);
  else if (e.target instanceof Node && tip.contains(e.target)) clearTimeout(hideTimer);
});
document.addEventListener('pointerout', (e) => {
  if (triggerOf(e.target) || (e.target instanceof Node && tip.contains(e.target))) hideSoon();
});
document.addEventListener('focusin', (e) => {
  const link = triggerOf(e.target);
  if (link) show(link);
});
document.addEventListener('focusout', (e) => {
  if (triggerOf(e.target)) hide();
});
document.addEventListener('keydown', (e) => {
  if (e.key === 'Escape' && !tip.hidden) hide();
});
