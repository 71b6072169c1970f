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
