/**
 * `npm run test:repro`: two builds of one commit must be byte-identical (issue 16). Compares
 * every file under two build folders, and fails naming each file that differs or exists in one
 * only. What used to break it: kernel timings taken during the build (now read from the
 * committed bench/results/shipped.json), and anything else that reads a clock or the machine.
 *
 * Usage: `node scripts/compare-builds.ts dist dist-repro`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const [a, b] = process.argv.slice(2);
if (!a || !b) {
  console.error('usage: node scripts/compare-builds.ts <build folder> <other build folder>');
  process.exit(2);
}

function files(root: string, dir = root): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(root, path) : [relative(root, path)];
  });
}

const left = new Set(files(a));
const right = new Set(files(b));
const problems: string[] = [];
for (const f of left) {
  if (!right.has(f)) problems.push(`only in ${a}: ${f}`);
  else if (!readFileSync(join(a, f)).equals(readFileSync(join(b, f))))
    problems.push(`differs: ${f}`);
}
for (const f of right) if (!left.has(f)) problems.push(`only in ${b}: ${f}`);
if (problems.length) {
  console.error(
    `The two builds differ in ${problems.length} file(s):\n${problems.slice(0, 40).join('\n')}`,
  );
  process.exit(1);
}
console.log(`Reproducible: ${left.size} files, byte for byte the same in ${a} and ${b}.`);
