/**
 * Fills each "code" view the first time it is opened: fetches the linked source pages (same
 * origin, static) and moves their highlighted code in under the link. On any failure the link
 * stays, which is the no-JavaScript behaviour anyway.
 */
export function initSourceViews(): void {
  for (const view of document.querySelectorAll<HTMLDetailsElement>('details[data-source-view]')) {
    view.addEventListener('toggle', () => void fill(view), { once: true });
  }
}

async function fill(view: HTMLDetailsElement): Promise<void> {
  for (const link of view.querySelectorAll<HTMLAnchorElement>('a[data-source-link]')) {
    try {
      const response = await fetch(link.href);
      if (!response.ok) continue;
      const page = new DOMParser().parseFromString(await response.text(), 'text/html');
      const code = page.querySelector('pre[data-source-code]');
      if (code) link.closest('li')?.append(document.importNode(code, true));
    } catch {
      // Offline or blocked: the link still opens the source page.
    }
  }
  view.dataset.filled = 'true';
}
