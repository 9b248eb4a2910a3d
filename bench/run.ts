// `npm run bench [-- NAME...]`: runs each benchmark module in order and prints one JSON line per result.
import type { BenchModule } from './bench-module.ts';
import { bfsBench } from './bfs.ts';
import { deliveryLatencyBench } from './delivery-latency.ts';
import { liveMemoryBench } from './live-memory.ts';
import { matchBench } from './match.ts';
import { memoryBench } from './memory.ts';
import { normalizeBench } from './normalize.ts';
import { renderBench } from './render.ts';
import { storageBench } from './storage.ts';

/** Every benchmark, in the order they run. Add new modules here. */
const BENCHES: readonly BenchModule[] = [
  matchBench,
  normalizeBench,
  bfsBench,
  renderBench,
  memoryBench,
  deliveryLatencyBench,
  storageBench,
  liveMemoryBench,
];

async function main(selected: readonly string[]): Promise<number> {
  const unknown = selected.filter((name) => !BENCHES.some((bench) => bench.name === name));
  if (unknown.length > 0) {
    process.stderr.write(
      `Unknown benchmark ${unknown.join(', ')}. Known: ${BENCHES.map((bench) => bench.name).join(', ')}\n`,
    );
    return 2;
  }
  let failed = false;
  for (const bench of BENCHES) {
    if (selected.length > 0 && !selected.includes(bench.name)) continue;
    try {
      for (const result of await bench.run()) process.stdout.write(`${JSON.stringify(result)}\n`);
    } catch (error) {
      // One broken benchmark should not hide the others' numbers.
      failed = true;
      const message = error instanceof Error ? error.message : String(error);
      process.stdout.write(`${JSON.stringify({ bench: bench.name, error: message })}\n`);
    }
  }
  return failed ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
