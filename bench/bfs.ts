// Benchmark of the universe model on the full EVE map: one uncached BFS from an origin over the whole map,
// the same search stopped at 15 jumps (what the first kill in a system costs the matcher when its trackers
// look at most 15 jumps out), and a cached jumps() lookup (matching against a tracker's origin once warm).
import { createUniverse } from '../src/engine/universe/universe.ts';
import type { BenchModule } from './bench-module.ts';
import { percentile, sharedUniverseOrSkip, round3, seededRandom, timeMicroseconds } from './shared.ts';

const MEASURED_ORIGINS = 2000;
const WARM_UP_ORIGINS = 300;
const CACHED_ORIGINS = 64;
const LOOKUP_BATCHES = 300;
const LOOKUPS_PER_BATCH = 1000;
/** The widest require_max_jumps of the generated tracker sets (bench/tracker-sets.ts). */
const TRACKER_JUMP_REACH = 15;

export const bfsBench: BenchModule = {
  name: 'bfs',
  async run() {
    const data = sharedUniverseOrSkip();
    if ('skipped' in data) return [{ bench: 'bfs', skipped: data.skipped }];

    // Built twice: the first build warms the JIT, the second one is timed.
    let universe = createUniverse(data);
    const buildMs =
      timeMicroseconds(() => {
        universe = createUniverse(data);
      }) / 1000;

    // Origins that have gates: a BFS from a wormhole is trivially short and would flatter the numbers.
    const gated = new Set<number>();
    for (const [a, b] of data.stargates) gated.add(a).add(b);
    const random = seededRandom(42);
    const origins = [...gated];
    for (let i = origins.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [origins[i], origins[j]] = [origins[j]!, origins[i]!];
    }

    // Let the JIT settle on a throwaway instance, so the measured one starts with an empty cache.
    const warmUp = createUniverse(data);
    for (const origin of origins.slice(0, WARM_UP_ORIGINS)) warmUp.jumpsFrom(origin);

    const measured = origins.slice(0, MEASURED_ORIGINS);
    const uncached = measured.map((origin) => timeMicroseconds(() => universe.jumpsFrom(origin)));
    // Asking about a system no gate reaches makes every search run out its 15 jumps.
    const gateless = universe.systemIndex(data.systems.find((system) => !gated.has(system.id))?.id ?? -1);
    if (gateless < 0)
      throw new Error('the universe data has no system without gates (w-space) to search for');
    const searches = createUniverse(data);
    const within = measured.map((origin) =>
      timeMicroseconds(() => searches.jumpSearch(origin)?.jumpsTo(gateless, TRACKER_JUMP_REACH)),
    );

    const cachedOrigins = origins.slice(0, CACHED_ORIGINS);
    for (const origin of cachedOrigins) universe.jumpsFrom(origin);
    const destinations = data.systems.map((system) => system.id);
    const pairs = Array.from({ length: LOOKUPS_PER_BATCH }, () => ({
      from: cachedOrigins[Math.floor(random() * cachedOrigins.length)]!,
      to: destinations[Math.floor(random() * destinations.length)]!,
    }));
    // Summing the answers keeps the lookups from being optimised away.
    let checksum = 0;
    const perLookup: number[] = [];
    for (let batch = 0; batch < LOOKUP_BATCHES; batch++) {
      const micros = timeMicroseconds(() => {
        for (const { from, to } of pairs) checksum += universe.jumps(from, to) ?? -1;
      });
      perLookup.push(micros / LOOKUPS_PER_BATCH);
    }

    return [
      {
        bench: 'bfs',
        systems: universe.systemCount,
        origins: measured.length,
        build_ms: round3(buildMs),
        uncached_bfs_us_p50: round3(percentile(uncached, 50)),
        uncached_bfs_us_p99: round3(percentile(uncached, 99)),
        uncached_search_15_jumps_us_p50: round3(percentile(within, 50)),
        uncached_search_15_jumps_us_p99: round3(percentile(within, 99)),
        cached_lookup_us_p50: round3(percentile(perLookup, 50)),
        checksum,
      },
    ];
  },
};
