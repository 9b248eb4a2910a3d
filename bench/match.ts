// Benchmark of matching: every real killmail against 100, 1,000 and 10,000 generated trackers. Each
// measured round starts from a fresh universe, so the first kill in a system pays for its jump search, as
// after a restart; the live bot's cache only makes later kills cheaper. A killmail's time is the median of
// its rounds: on a shared 2-core machine another process's time slice (several ms) lands on one round of a
// killmail, not on most, while what the killmail itself costs shows in every round. The p99 over every
// single round is reported too (all_rounds_us_p99), and the load average says how busy the machine was.
import { loadavg } from 'node:os';
import type { Killmail } from '../src/engine/killmail/types.ts';
import { createMatcher, type Matcher } from '../src/engine/matcher.ts';
import type { TrackerDefinition } from '../src/engine/tracker/types.ts';
import type { Universe } from '../src/engine/universe/types.ts';
import { createUniverse } from '../src/engine/universe/universe.ts';
import { loadBenchWorld } from './bench-world.ts';
import type { BenchModule } from './bench-module.ts';
import { collectGarbage, percentile, round3, timeMicroseconds } from './shared.ts';
import { generateTrackers, trackerPools } from './tracker-sets.ts';

const TRACKER_SET_SIZES = [100, 1_000, 10_000] as const;
export const TRACKER_SET_SEED = 20261121;
const WARM_UP_PASSES = 2;
/** Odd, so each killmail's median is one of its measured times. */
const MEASURED_ROUNDS = 5;
/** Kills are matched as they arrive: a minute after they happened, inside every max_age_minutes. */
const FEED_DELAY_MS = 60_000;

/**
 * A matcher over the trackers with its index built. The index is built on the first match: that is done
 * here with `sample` moved to no known system, so no jump search gets cached.
 */
function buildMatcher(universe: Universe, trackers: readonly TrackerDefinition[], sample: Killmail): Matcher {
  const matcher = createMatcher({ universe, defaultMaxAgeMinutes: 60 });
  trackers.forEach((tracker, index) => {
    matcher.set(String(index), tracker);
  });
  matcher.match({ ...sample, solarSystemId: 0 });
  return matcher;
}

function matchAll(matcher: Matcher, killmails: readonly Killmail[]): number {
  let matches = 0;
  for (const killmail of killmails) {
    matches += matcher.match(killmail, { now: killmail.time + FEED_DELAY_MS }).length;
  }
  return matches;
}

export const matchBench: BenchModule = {
  name: 'match',
  async run() {
    const world = loadBenchWorld();
    if ('skipped' in world) return [{ bench: 'match', skipped: world.skipped }];
    const { killmails, universeData } = world;
    const sample = killmails[0]!;
    const pools = trackerPools(universeData, world.catalogData, killmails);

    const results: object[] = [];
    for (const size of TRACKER_SET_SIZES) {
      const trackers = generateTrackers(size, TRACKER_SET_SEED, pools);
      const warm = buildMatcher(createUniverse(universeData), trackers, sample);
      for (let pass = 0; pass < WARM_UP_PASSES; pass++) matchAll(warm, killmails);

      // samples[killmail index][round]
      const samples: number[][] = killmails.map(() => []);
      let compileMs = 0;
      let matches = 0;
      for (let round = 0; round < MEASURED_ROUNDS; round++) {
        const universe = createUniverse(universeData);
        let matcher: Matcher | undefined;
        compileMs += timeMicroseconds(() => {
          matcher = buildMatcher(universe, trackers, sample);
        });
        // Start clean, as the live bot matches long after compiling: garbage of compiling is not matching's.
        collectGarbage();
        killmails.forEach((killmail, index) => {
          const now = killmail.time + FEED_DELAY_MS;
          samples[index]!.push(
            timeMicroseconds(() => {
              matches += matcher!.match(killmail, { now }).length;
            }),
          );
        });
      }
      const perKillmail = samples.map((rounds) => percentile(rounds, 50));
      const allRounds = samples.flat();
      const totalSeconds = allRounds.reduce((sum, micros) => sum + micros, 0) / 1e6;
      results.push({
        bench: 'match',
        trackers: size,
        killmails: killmails.length,
        rounds: MEASURED_ROUNDS,
        per_killmail_us_p50: round3(percentile(perKillmail, 50)),
        per_killmail_us_p99: round3(percentile(perKillmail, 99)),
        per_killmail_us_max: round3(percentile(perKillmail, 100)),
        all_rounds_us_p99: round3(percentile(allRounds, 99)),
        killmails_per_s: Math.round(allRounds.length / totalSeconds),
        matches_per_killmail: round3(matches / allRounds.length),
        compile_ms: round3(compileMs / 1000 / MEASURED_ROUNDS),
        // Other processes on the machine show up in the tail: the 1-minute load average says how busy it was.
        load_1m: round3(loadavg()[0] ?? 0),
      });
    }
    return results;
  },
};
