// Folders of the repository the tests and benchmarks read. The root is the nearest folder above this file
// holding package-lock.json: found rather than counted in `../`, so the same holds when this file runs
// compiled from a build folder inside the repository (the benchmarks run compiled, as the bot does).
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

function findRoot(from: string): string {
  for (let folder = from; ; folder = dirname(folder)) {
    if (existsSync(join(folder, 'package-lock.json'))) return folder;
    if (dirname(folder) === folder) throw new Error(`No package-lock.json in ${from} or any folder above it`);
  }
}

export const REPO_ROOT = findRoot(import.meta.dirname);

/** The small SDE folder (a few systems and types) the tests and the latency benchmark load. */
export const MINI_SDE = resolve(REPO_ROOT, 'test/fixtures/sde/mini');
