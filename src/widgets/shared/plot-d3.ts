/**
 * d3's color schemes, imported by Observable Plot: evaluating them (each scheme parsed into a
 * color ramp) is the largest share of the work of evaluating Plot. Importing them first, in a task
 * of their own (see plot-loader.ts), splits that work in two: the bundler puts modules both
 * imports reach in a chunk of their own, which the second import finds evaluated.
 */
export * from 'd3-scale-chromatic';
