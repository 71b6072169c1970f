/**
 * Builds the browser's table of number-format locales, then says so. Observable Plot creates an
 * `Intl.NumberFormat` when its module is evaluated, and the first one in a renderer process builds
 * that table (ICU's locale aliases and every available locale as a language tag): 100-170 ms of
 * main thread at 4x CPU. The table is shared by every thread of the process, so building it here
 * leaves the page's own first `Intl.NumberFormat` a few milliseconds.
 */
new Intl.NumberFormat('en-US');
postMessage('ready');
