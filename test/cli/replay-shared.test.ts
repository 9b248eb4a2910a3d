// `killtracker replay` on real data: the 858 killmails of insight-2018.jsonl against trackers around Huola,
// read from the full SDE zip, checked against the universe built from the ../shared JSON extracts.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createUniverse } from '../../src/engine/universe/universe.ts';
import { runCliCapture } from '../helpers/cli.ts';
import {
  describeWithSharedData,
  SHARED_KILLMAILS_DIR,
  SHARED_SDE_ZIP,
  sharedKillmailLines,
  sharedUniverseData,
} from '../helpers/shared-data.ts';

const HUOLA = 30003067;
const MAX_JUMPS = 10;
const MAX_LY = 6;

interface ReplayLine {
  tracker: string;
  killmail_id: number;
  jumps: number | null;
  distance_ly: number | null;
}

describeWithSharedData('killtracker replay on real killmails', () => {
  let dataDir: string;
  let lines: ReplayLine[];
  let code: number;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'kt-replay-shared-'));
    const trackers = join(dataDir, 'huola.json');
    writeFileSync(
      trackers,
      JSON.stringify([
        {
          version: 1,
          name: 'Within 10 jumps of Huola',
          origin_solar_system_id: HUOLA,
          clauses: { require_max_jumps: MAX_JUMPS },
        },
        {
          version: 1,
          name: 'Within 6 LY of Huola',
          origin_solar_system_id: HUOLA,
          clauses: { require_max_distance: MAX_LY },
        },
      ]),
    );
    const result = await runCliCapture(
      [
        'replay',
        '--sde',
        SHARED_SDE_ZIP,
        '--trackers',
        trackers,
        '--killmails',
        resolve(SHARED_KILLMAILS_DIR, 'insight-2018.jsonl'),
      ],
      { DATA_DIR: dataDir },
    );
    code = result.code;
    lines = result.out.map((line) => JSON.parse(line) as ReplayLine);
  }, 60_000);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('GIVEN trackers around Huola WHEN replaying 2018 killmails THEN exactly the kills in range match, with their jumps and LY', () => {
    const universe = createUniverse(sharedUniverseData());
    const expected: ReplayLine[] = [];
    for (const document of sharedKillmailLines('insight-2018.jsonl')) {
      const { killmail_id, esi } = document as { killmail_id: number; esi: { solar_system_id: number } };
      const jumps = universe.jumps(HUOLA, esi.solar_system_id);
      const distance = universe.distanceLy(HUOLA, esi.solar_system_id);
      const distanceLy = distance === null ? null : Math.round(distance * 100) / 100;
      const match = { killmail_id, jumps, distance_ly: distanceLy };
      if (jumps !== null && jumps <= MAX_JUMPS)
        expected.push({ tracker: 'Within 10 jumps of Huola', ...match });
      if (distance !== null && distance <= MAX_LY)
        expected.push({ tracker: 'Within 6 LY of Huola', ...match });
    }
    expect(code).toBe(0);
    expect(expected.length).toBeGreaterThan(20);
    expect(lines).toEqual(expected);
  });

  it('GIVEN a kill in Amarr THEN it is reported 5 jumps and 7.29 LY from Huola', () => {
    // Amarr (30002187) is a well-known neighbour of Huola: the numbers are those of `killtracker route`.
    expect(lines).toContainEqual({
      tracker: 'Within 10 jumps of Huola',
      killmail_id: 71586688,
      jumps: 5,
      distance_ly: 7.29,
    });
  });
});
