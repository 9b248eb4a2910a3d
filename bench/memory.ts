// Benchmark of memory: RSS of a fresh node process holding the universe, the item catalog and 10,000
// compiled trackers (bench/memory-load.ts), so nothing the other benchmarks allocated is counted.
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import type { BenchModule } from './bench-module.ts';

const run = promisify(execFile);

export const memoryBench: BenchModule = {
  name: 'memory',
  async run() {
    const script = resolve(import.meta.dirname, 'memory-load.ts');
    const { stdout } = await run(process.execPath, ['--expose-gc', '--import', 'tsx', script], {
      cwd: resolve(import.meta.dirname, '..'),
    });
    const line = stdout.trim().split('\n').at(-1);
    if (line === undefined) throw new Error(`${script} printed nothing`);
    return [JSON.parse(line) as object];
  },
};
