// Runs before first paint (blocking, first in <body>, after the <head>'s Content-Security-Policy;
// see src/components/ThemeScript.astro) so a reader who chose a theme never sees a flash
// of the other one. Kept tiny and external so the Content-Security-Policy needs no inline script.
// The `js` class lets CSS show script-only controls (the theme button) from the first paint,
// rather than when their module runs and pushes the page down (a layout shift).
document.documentElement.classList.add('js');
try {
  var t = localStorage.getItem('theme');
  if (t === 'dark' || t === 'light') document.documentElement.dataset.theme = t;
} catch (e) {}
