// Benchmark of reading a killmail off the feed: JSON.parse alone of each real document's text, against
// JSON.parse + validation (zod) + normalization of the same text. The target is at most 3x JSON.parse.
import { normalizeKillmail } from '../src/engine/killmail/normalize.ts';
import { parseKillmailDocument } from '../src/engine/killmail/parse.ts';
import { loadBenchWorld } from './bench-world.ts';
import type { BenchModule } from './bench-module.ts';
import { collectGarbage, percentile, round3, timeMicroseconds } from './shared.ts';

const WARM_UP_PASSES = 5;
const MEASURED_PASSES = 20;

export const normalizeBench: BenchModule = {
  name: 'normalize',
  async run() {
    const world = loadBenchWorld();
    if ('skipped' in world) return [{ bench: 'normalize', skipped: world.skipped }];
    const { texts, universe, catalog } = world;
    const context = { universe, catalog };
    // Counting attackers keeps the work from being optimised away.
    let checksum = 0;
    const parseOnly = (text: string) => {
      checksum += (JSON.parse(text) as { esi: { attackers: unknown[] } }).esi.attackers.length;
    };
    const parseAndNormalize = (text: string) => {
      const parsed = parseKillmailDocument(JSON.parse(text));
      if (!parsed.ok) throw new Error(parsed.error);
      checksum += normalizeKillmail(parsed.document, context).attackers.length;
    };

    for (let pass = 0; pass < WARM_UP_PASSES; pass++) {
      for (const text of texts) {
        parseOnly(text);
        parseAndNormalize(text);
      }
    }
    collectGarbage();
    const parseSamples: number[] = [];
    const normalizeSamples: number[] = [];
    for (let pass = 0; pass < MEASURED_PASSES; pass++) {
      // Both measured on the same document back to back, so both see the same cache and heap.
      for (const text of texts) {
        parseSamples.push(timeMicroseconds(() => parseOnly(text)));
        normalizeSamples.push(timeMicroseconds(() => parseAndNormalize(text)));
      }
    }
    const parseP50 = percentile(parseSamples, 50);
    const normalizeP50 = percentile(normalizeSamples, 50);
    const sum = (samples: readonly number[]) => samples.reduce((total, micros) => total + micros, 0);
    return [
      {
        bench: 'normalize',
        documents: texts.length,
        parse_us_p50: round3(parseP50),
        normalize_us_p50: round3(normalizeP50),
        ratio_p50: round3(normalizeP50 / parseP50),
        // Time over all documents: weighs the big fleet fights as much as they cost.
        ratio_total: round3(sum(normalizeSamples) / sum(parseSamples)),
        parse_us_p99: round3(percentile(parseSamples, 99)),
        normalize_us_p99: round3(percentile(normalizeSamples, 99)),
        checksum,
      },
    ];
  },
};
