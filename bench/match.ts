// Benchmark of matching: every real killmail against 100, 1,000, 10,000 and 100,000 generated trackers.
// Each measured round starts from a fresh universe, so the first kill in a system pays for its jump search,
// as after a restart; the live bot's cache only makes later kills cheaper. Each killmail is timed once per
// round and reported two ways: the minimum over its rounds (what the killmail itself costs: another
// process's time slice on a shared machine lands on one round, rarely on all) and the median. The p99
// over every single round is reported too, with the load average of the machine while the row ran. The
// warm_* figures time the same killmails on a matcher kept warm (its jump searches cached), as the live
// bot runs after a while; quiet_killmail_* times one killmail no tracker can match: the index alone.
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

const TRACKER_SET_SIZES = [100, 1_000, 10_000, 100_000] as const;
export const TRACKER_SET_SEED = 20261121;
const WARM_UP_PASSES = 2;
/** Odd, so each killmail's median is one of its measured times. */
const MEASURED_ROUNDS = 5;
/** Kills are matched as they arrive: a minute after they happened, inside every max_age_minutes. */
const FEED_DELAY_MS = 60_000;

/**
 * A matcher over the trackers, ready to match: the index's flat layout of origins is built on the first
 * match, done here with `sample` moved to no known system, so no jump search gets cached.
 */
function buildMatcher(universe: Universe, trackers: readonly TrackerDefinition[], sample: Killmail): Matcher {
  const matcher = createMatcher({ universe, defaultMaxAgeMinutes: 60 });
  trackers.forEach((tracker, index) => {
    matcher.set(String(index), tracker);
  });
  matcher.match({ ...sample, solarSystemId: 0 });
  return matcher;
}

/** Calls timing the quiet killmail; its minimum is reported. */
const QUIET_CALLS = 200;

/**
 * A killmail no generated tracker can match: an unpriced kill by one attacker nobody lists, in a system
 * no tracker watches or measures from. What it costs is what the index costs to rule everything out.
 */
function quietKillmail(sample: Killmail): Killmail {
  const none = new Set<number>();
  return {
    ...sample,
    solarSystemId: 0,
    constellationId: undefined,
    regionId: undefined,
    value: undefined,
    attackerCount: 1,
    victim: {
      ...sample.victim,
      characterId: undefined,
      corporationId: undefined,
      allianceId: undefined,
      factionId: undefined,
      shipTypeId: 0,
      shipGroupId: undefined,
    },
    attackerCharacterIds: none,
    attackerCorporationIds: none,
    attackerAllianceIds: none,
    attackerFactionIds: none,
    attackerShipTypeIds: none,
    attackerShipGroupIds: none,
    attackerWeaponTypeIds: none,
    attackerWeaponGroupIds: none,
  };
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
      const compileMs: number[] = [];
      let matches = 0;
      for (let round = 0; round < MEASURED_ROUNDS; round++) {
        const universe = createUniverse(universeData);
        let matcher: Matcher | undefined;
        compileMs.push(
          timeMicroseconds(() => {
            matcher = buildMatcher(universe, trackers, sample);
          }),
        );
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
      const perKillmailMin = samples.map((rounds) => Math.min(...rounds));
      const allRounds = samples.flat();
      const totalSeconds = allRounds.reduce((sum, micros) => sum + micros, 0) / 1e6;
      // The warm matcher (its jump searches cached, as in the live bot after a while): the target's figure.
      // The rounds above left their matchers as garbage: collected first, so marking them (on threads
      // that share this machine's cores) is not timed as matching.
      collectGarbage();
      const warmSamples: number[][] = killmails.map(() => []);
      for (let round = 0; round < MEASURED_ROUNDS; round++) {
        killmails.forEach((killmail, index) => {
          const now = killmail.time + FEED_DELAY_MS;
          warmSamples[index]!.push(timeMicroseconds(() => warm.match(killmail, { now })));
        });
      }
      const warmMin = warmSamples.map((rounds) => Math.min(...rounds));
      const quiet = quietKillmail(sample);
      const quietMatches = warm.match(quiet).length;
      let quietMin = Number.POSITIVE_INFINITY;
      for (let call = 0; call < QUIET_CALLS; call++) {
        quietMin = Math.min(
          quietMin,
          timeMicroseconds(() => warm.match(quiet)),
        );
      }
      const load = loadavg();
      results.push({
        bench: 'match',
        trackers: size,
        killmails: killmails.length,
        rounds: MEASURED_ROUNDS,
        per_killmail_min_us_p50: round3(percentile(perKillmailMin, 50)),
        per_killmail_min_us_p99: round3(percentile(perKillmailMin, 99)),
        per_killmail_us_p50: round3(percentile(perKillmail, 50)),
        per_killmail_us_p99: round3(percentile(perKillmail, 99)),
        per_killmail_us_max: round3(percentile(perKillmail, 100)),
        all_rounds_us_p99: round3(percentile(allRounds, 99)),
        warm_min_us_p50: round3(percentile(warmMin, 50)),
        warm_min_us_p99: round3(percentile(warmMin, 99)),
        warm_min_us_max: round3(percentile(warmMin, 100)),
        quiet_killmail_matches: quietMatches,
        quiet_killmail_min_us: round3(quietMin),
        killmails_per_s: Math.round(allRounds.length / totalSeconds),
        matches_per_killmail: round3(matches / allRounds.length),
        compile_ms: round3(percentile(compileMs, 50) / 1000),
        compile_ms_min: round3(Math.min(...compileMs) / 1000),
        // Other processes on the machine show up in the tail: the load averages say how busy it was.
        load_1m: round3(load[0] ?? 0),
        load_5m: round3(load[1] ?? 0),
      });
    }
    return results;
  },
};
