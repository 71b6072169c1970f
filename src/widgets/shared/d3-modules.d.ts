// d3's modules ship no types; plot-d3.ts only re-exports one for the bundler's chunking.
declare module 'd3-scale-chromatic';
