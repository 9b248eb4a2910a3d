#!/usr/bin/env node
// Builds dist/ from src/ with the TypeScript compiler, for `npm run build`, npm's `prepare` (so
// `npm install` and `npm ci` leave a runnable dist/) and bin/killtracker.mjs when dist/ is missing or
// older than the sources.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = resolve(import.meta.dirname, '..');
const DIST = join(ROOT, 'dist');
/** Written last: its time is when dist/ became complete. */
const STAMP = join(DIST, '.built');
/** What the build reads: a change to any of these makes dist/ stale. */
const INPUTS = ['src', 'tsconfig.json', 'tsconfig.build.json', 'package.json'];

function newestChange(path) {
  const info = statSync(path, { throwIfNoEntry: false });
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestChange(join(path, entry)));
  return newest;
}

/** Why dist/ must be built before it runs, or undefined when it is up to date. */
export function staleReason() {
  const stamp = statSync(STAMP, { throwIfNoEntry: false });
  if (!stamp) return 'dist/ has not been built yet';
  // A copy without sources (only dist/) runs what it has.
  if (!existsSync(join(ROOT, 'src'))) return undefined;
  const newest = Math.max(...INPUTS.map((input) => newestChange(join(ROOT, input))));
  return newest > stamp.mtimeMs ? 'the sources changed since dist/ was built' : undefined;
}

/**
 * Runs the TypeScript compiler with `args` (emit only: type checking is `npm run typecheck` and CI;
 * skipping it makes a first start a few times faster). Compiler messages go to stderr: stdout belongs
 * to the command's output.
 */
export function compileTypeScript(args) {
  let tsc;
  try {
    tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  } catch {
    return {
      ok: false,
      reason:
        'TypeScript is not installed (it is a development dependency). Run "npm install" or "npm ci" ' +
        'without --omit=dev once to build dist/; "npm prune --omit=dev" can remove it afterwards.',
    };
  }
  const compiled = spawnSync(process.execPath, [tsc, ...args, '--noCheck'], {
    cwd: ROOT,
    stdio: ['ignore', 2, 2],
  });
  if (compiled.status !== 0) {
    return {
      ok: false,
      reason: 'the TypeScript compiler reported the errors above; fix them and run again.',
    };
  }
  return { ok: true };
}

/**
 * Compiles src/ into a fresh folder and swaps it in, so a killtracker already running from dist/ never
 * loads half a build.
 */
export function build() {
  const staging = join(ROOT, `dist.building-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  const compiled = compileTypeScript(['-p', join(ROOT, 'tsconfig.build.json'), '--outDir', staging]);
  if (!compiled.ok) {
    rmSync(staging, { recursive: true, force: true });
    return compiled;
  }
  writeFileSync(join(staging, '.built'), `${new Date().toISOString()}\n`);
  const previous = join(ROOT, `dist.previous-${process.pid}`);
  if (existsSync(DIST)) renameSync(DIST, previous);
  renameSync(staging, DIST);
  rmSync(previous, { recursive: true, force: true });
  return { ok: true };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  // As npm's `prepare`, an install without development dependencies (npm ci --omit=dev) has no
  // compiler: that must not fail the install of a copy that ships dist/, so it only says so.
  const asPrepare = process.argv.includes('--prepare');
  const result = build();
  if (!result.ok) {
    process.stderr.write(`Cannot build killtracker: ${result.reason}\n`);
    if (!(asPrepare && result.reason.startsWith('TypeScript is not installed'))) process.exitCode = 1;
  }
}
