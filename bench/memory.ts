// Benchmark of memory: RSS of a fresh node process holding the universe, the item catalog and 10,000
// compiled trackers (bench/memory-load.ts), so nothing the other benchmarks allocated is counted; then
// the same with the embedded database open too, the two big parts of `killtracker start` on PGlite.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT } from '../test/helpers/repo-paths.ts';
import type { BenchModule } from './bench-module.ts';

const run = promisify(execFile);

export const memoryBench: BenchModule = {
  name: 'memory',
  async run() {
    // Compiled like this file (`npm run bench`), or run through tsx like it.
    const compiled = import.meta.filename.endsWith('.js');
    const script = resolve(import.meta.dirname, compiled ? 'memory-load.js' : 'memory-load.ts');
    const loader = compiled ? [] : ['--import', 'tsx'];
    const results: object[] = [];
    const dataDir = mkdtempSync(join(tmpdir(), 'kt-memory-'));
    const node = (extra: string[]) =>
      run(process.execPath, ['--expose-gc', ...loader, script, ...extra], {
        cwd: REPO_ROOT,
      });
    // A first process creates and migrates the data folder, as the bot's first start did.
    await node(['--with-database', `--data-dir=${dataDir}`, '--reopen']);
    for (const extra of [[], ['--with-database', `--data-dir=${dataDir}`]]) {
      const { stdout } = await node(extra);
      const line = stdout.trim().split('\n').at(-1);
      if (line === undefined) throw new Error(`${script} printed nothing`);
      results.push(JSON.parse(line) as object);
    }
    rmSync(dataDir, { recursive: true, force: true });
    return results;
  },
};
