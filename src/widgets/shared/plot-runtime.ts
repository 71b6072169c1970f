/**
 * The one function of Observable Plot that live figures call themselves. Importing it from here,
 * instead of `import('@observablehq/plot')`, lets the bundler drop the marks and transforms no
 * figure uses: a dynamic import of the package keeps every export it has.
 */
export { plot } from '@observablehq/plot';
