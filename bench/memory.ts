// Benchmark of memory: RSS of a fresh node process holding the universe, the item catalog and 10,000
// compiled trackers (bench/memory-load.ts), so nothing the other benchmarks allocated is counted; then
// the same with the embedded database open too, the two big parts of `killtracker start` on PGlite.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { BenchModule } from './bench-module.ts';

const run = promisify(execFile);

export const memoryBench: BenchModule = {
  name: 'memory',
  async run() {
    const script = resolve(import.meta.dirname, 'memory-load.ts');
    const results: object[] = [];
    const dataDir = mkdtempSync(join(tmpdir(), 'kt-memory-'));
    const node = (extra: string[]) =>
      run(process.execPath, ['--expose-gc', '--import', 'tsx', script, ...extra], {
        cwd: resolve(import.meta.dirname, '..'),
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
