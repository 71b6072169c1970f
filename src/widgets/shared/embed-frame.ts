/**
 * Runs on embed pages. Two jobs: keep the "Open in Activation Notebook" link pointing at the
 * figure as the reader has set it (its state in the query), and tell the host page how tall the
 * page is, on load and on every resize, with
 * `parent.postMessage({ type: 'activation-notebook:height', id, height }, '*')`. The target is '*'
 * because an embed cannot know its host's origin; the message holds nothing but a height.
 */
const main = document.querySelector<HTMLElement>('main[data-embed-id]');
const id = main?.dataset.embedId ?? '';
const home = main?.dataset.home ?? '';

/** Posts the current height to the host page (nothing when the page is not in a frame). */
function postHeight(): void {
  if (window.parent === window) return;
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  window.parent.postMessage({ type: 'activation-notebook:height', id, height }, '*');
}

const link = document.querySelector<HTMLAnchorElement>('[data-embed-home]');
link?.addEventListener('click', () => {
  const live = main?.querySelector<HTMLElement & { shareQuery?: () => string }>('[data-figure-id]');
  const q = live?.shareQuery?.() ?? '';
  link.href = `${home}${q ? `?${q}` : ''}#fig-${id}`;
});

if (document.readyState === 'complete') postHeight();
else addEventListener('load', postHeight);
new ResizeObserver(postHeight).observe(document.documentElement);
