#!/usr/bin/env node
// `npm run bench [-- NAME...]`: compiles the benchmarks and the code they measure with the TypeScript
// compiler into .bench-build/, as `npm run build` compiles the bot, and runs them there. Run through a
// loader that compiles on the fly instead (tsx), the code is not what the bot runs: tsx keeps every
// function's name with an extra call each time a closure is made, and matching measured up to 40% slower.
import { spawnSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { compileTypeScript } from './build.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, '.bench-build');

rmSync(OUT, { recursive: true, force: true });
const compiled = compileTypeScript(['-p', join(ROOT, 'tsconfig.bench.json'), '--outDir', OUT]);
if (!compiled.ok) {
  process.stderr.write(`Cannot build the benchmarks: ${compiled.reason}\n`);
  process.exit(1);
}
// What the compiled code reads next to itself: package.json (its version) and the database migrations.
cpSync(join(ROOT, 'package.json'), join(OUT, 'package.json'));
cpSync(join(ROOT, 'migrations'), join(OUT, 'migrations'), { recursive: true });

const run = spawnSync(process.execPath, [join(OUT, 'bench', 'run.js'), ...process.argv.slice(2)], {
  stdio: 'inherit',
});
process.exitCode = run.status ?? 1;
