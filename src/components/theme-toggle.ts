/**
 * The theme button: flips between light and dark and remembers the choice in localStorage. Charts
 * read CSS variables, so they follow without being told; canvases watch the attribute.
 */
type Theme = 'light' | 'dark';

function currentTheme(): Theme {
  const set = document.documentElement.dataset.theme;
  if (set === 'dark' || set === 'light') return set;
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

function label(button: HTMLButtonElement, theme: Theme): void {
  const next = theme === 'dark' ? 'light' : 'dark';
  button.textContent = next === 'dark' ? 'Dark' : 'Light';
  button.setAttribute('aria-label', `Switch to ${next} theme`);
}

/** Wires every `[data-theme-toggle]` button on the page. */
export function initThemeToggle(): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-theme-toggle]')) {
    button.hidden = false;
    label(button, currentTheme());
    button.addEventListener('click', () => {
      const next: Theme = currentTheme() === 'dark' ? 'light' : 'dark';
      document.documentElement.dataset.theme = next;
      try {
        localStorage.setItem('theme', next);
      } catch {
        // Private mode or disabled storage: the choice lasts for this page only.
      }
      label(button, next);
    });
  }
}
