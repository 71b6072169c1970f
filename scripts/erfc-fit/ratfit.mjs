import { D, PI } from './hp.mjs';
// Linearised least-squares rational fit with Loeb + Lawson reweighting, relative error.
// xs: Decimal sample points (in fit variable), fs: Decimal values. Returns {p, q} Decimal coeffs (q[0]=1).
function solve(A, b) {
  // normal equations via Gaussian elimination with partial pivoting
  const n = A[0].length;
  const M = [];
  for (let r = 0; r < n; r++) {
    const row = [];
    for (let c = 0; c < n; c++) {
      let s = new D(0);
      for (let i = 0; i < A.length; i++) s = s.plus(A[i][r].times(A[i][c]));
      row.push(s);
    }
    let s = new D(0);
    for (let i = 0; i < A.length; i++) s = s.plus(A[i][r].times(b[i]));
    row.push(s);
    M.push(row);
  }
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let r = c + 1; r < n; r++) if (M[r][c].abs().gt(M[piv][c].abs())) piv = r;
    [M[c], M[piv]] = [M[piv], M[c]];
    for (let r = 0; r < n; r++)
      if (r !== c) {
        const f = M[r][c].div(M[c][c]);
        for (let k = c; k <= n; k++) M[r][k] = M[r][k].minus(f.times(M[c][k]));
      }
  }
  return M.map((row, i) => row[n].div(row[i]));
}
export function horner(c, x) {
  let r = new D(0);
  for (let k = c.length - 1; k >= 0; k--) r = r.times(x).plus(c[k]);
  return r;
}
export function ratfit(xs, fs, m, n, iters = 30, ws = null) {
  ws = ws || xs.map(() => new D(1));
  let law = xs.map(() => new D(1));
  let p,
    q = [new D(1)];
  for (let it = 0; it < iters; it++) {
    const A = [],
      b = [];
    for (let i = 0; i < xs.length; i++) {
      const w = law[i].times(ws[i]).div(fs[i].abs().times(horner(q, xs[i]).abs()));
      const row = [];
      for (let k = 0; k <= m; k++) row.push(xs[i].pow(k).times(w));
      for (let k = 1; k <= n; k++) row.push(fs[i].neg().times(xs[i].pow(k)).times(w));
      A.push(row);
      b.push(fs[i].times(w));
    }
    const sol = solve(A, b);
    p = sol.slice(0, m + 1);
    q = [new D(1), ...sol.slice(m + 1)];
    const errs = xs.map((x, i) =>
      horner(p, x).div(horner(q, x)).minus(fs[i]).div(fs[i]).abs().times(ws[i]),
    );
    let tot = new D(0);
    law = law.map((l, i) => l.times(errs[i].plus('1e-40')));
    law.forEach((l) => (tot = tot.plus(l)));
    law = law.map((l) => l.div(tot).times(xs.length));
  }
  return { p, q };
}
export function maxRelErr(p, q, xs, fs, ws = null) {
  ws = ws || xs.map(() => new D(1));
  let mx = new D(0);
  for (let i = 0; i < xs.length; i++) {
    const e = horner(p, xs[i]).div(horner(q, xs[i])).minus(fs[i]).div(fs[i]).abs().times(ws[i]);
    if (e.gt(mx)) mx = e;
  }
  return mx;
}
export function chebPoints(a, b, N) {
  a = new D(a);
  b = new D(b);
  const out = [];
  for (let j = 0; j < N; j++)
    out.push(
      a
        .plus(b)
        .div(2)
        .plus(
          b
            .minus(a)
            .div(2)
            .times(
              PI.times(j + 0.5)
                .div(N)
                .cos(),
            ),
        ),
    );
  return out;
}
