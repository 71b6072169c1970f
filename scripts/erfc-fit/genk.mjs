// Fit K(z) = g/(1-g) - z^2, g = z*M(z) (M the Mills ratio), by a (m,m) rational in z on [za, zb],
// minimising the error it causes in g: weight K/N/(N+1), N = z^2 + K.
import { D, mills, toNum } from './hp.mjs';
import { ratfit, maxRelErr, chebPoints } from './ratfit.mjs';
D.set({ precision: 70 });
const K = (z) => {
  z = new D(z);
  const g = z.times(mills(z));
  return g.div(new D(1).minus(g)).minus(z.times(z));
};
const W = (z, k) => {
  z = new D(z);
  const N = z.times(z).plus(k);
  return k.div(N).div(N.plus(1));
};
const [za, zb, m] = process.argv.slice(2).map(Number);
const xs = chebPoints(za, zb, 200);
const fs = xs.map(K);
const ws = xs.map((x, i) => W(x, fs[i]));
const { p, q } = ratfit(xs, fs, m, m, 40, ws);
const test = chebPoints(za, zb, 500),
  tf = test.map(K);
console.error(
  'weighted max err',
  toNum(
    maxRelErr(
      p,
      q,
      test,
      tf,
      test.map((x, i) => W(x, tf[i])),
    ),
  ).toExponential(2),
);
console.log(JSON.stringify({ p: p.map(toNum), q: q.map(toNum) }));
