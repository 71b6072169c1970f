/**
 * `<af-widget-toolbar>`: the sharing and export buttons under every figure (markup in
 * `WidgetToolbar.astro`). This module is loaded with every page, so it only shows the toolbar
 * (it is `hidden` in the HTML: nothing in it works without JavaScript) and routes clicks; what
 * the buttons do lives in `toolbar-actions.ts`, loaded on the first click.
 */
import type { Toolbar } from './toolbar-actions.ts';

class WidgetToolbar extends HTMLElement implements Toolbar {
  statusTimer: ReturnType<typeof setTimeout> | undefined;

  connectedCallback(): void {
    this.hidden = false;
    this.addEventListener('click', (e) => {
      const button = (e.target as Element).closest<HTMLButtonElement>('button[data-act]');
      if (button) void import('./toolbar-actions.ts').then((actions) => actions.act(this, button));
    });
  }
}

if (!customElements.get('af-widget-toolbar'))
  customElements.define('af-widget-toolbar', WidgetToolbar);

/**
 * A link's settings for a figure this page does not have (`?own2.f=…` on a page whose cell is
 * `own`) are said on screen, where the link lands: each figure reports the bad values of its own
 * namespace, but none sees another's, so such a link would show the plain page in silence. Once
 * per page (this module is), and only when the query has a name shaped like a setting.
 */
function reportUnclaimedSettings(): void {
  if (!/[?&][\w-]+\.[\w-]+=/.test(location.search)) return;
  void import('../../lib/url-state.ts').then((urlState) => {
    const namespaces = new Set<string>();
    for (const el of document.querySelectorAll<HTMLElement>('[data-figure-id]'))
      namespaces.add(urlState.figureNamespace(el.dataset) ?? '');
    const names = urlState.unclaimedSettings(location.search, namespaces);
    const main = document.querySelector('main');
    if (!names.length || !main || document.querySelector('[data-link-notice]')) return;
    const notice = document.createElement('p');
    notice.className = 'notice';
    notice.setAttribute('role', 'status');
    notice.dataset.linkNotice = '';
    notice.textContent = urlState.unclaimedSettingsNotice(names);
    // Where the reader lands: above the figure the link points at, or at the top of the page.
    const target = location.hash ? document.getElementById(location.hash.slice(1)) : null;
    if (target && main.contains(target)) target.before(notice);
    else main.prepend(notice);
  });
}
reportUnclaimedSettings();
