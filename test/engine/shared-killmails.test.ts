// The engine on real data: every real killmail document parses and normalizes, and the matcher agrees
// with the universe of ../shared (full SDE extract).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { ItemCatalog } from '../../src/engine/catalog.ts';
import { findMainGroup } from '../../src/engine/fleet.ts';
import { normalizeKillmail } from '../../src/engine/killmail/normalize.ts';
import { parseKillmailDocument, parseKillmailDocuments } from '../../src/engine/killmail/parse.ts';
import type { Killmail } from '../../src/engine/killmail/types.ts';
import { createMatcher } from '../../src/engine/matcher.ts';
import { compileTracker } from '../../src/engine/tracker/compile.ts';
import type { TrackerDefinition } from '../../src/engine/tracker/types.ts';
import { validateTracker } from '../../src/engine/tracker/validate.ts';
import type { Universe } from '../../src/engine/universe/types.ts';
import { createUniverse } from '../../src/engine/universe/universe.ts';
import {
  describeWithSharedData,
  SHARED_KILLMAILS_DIR,
  sharedCatalogData,
  sharedKillmailLines,
  sharedUniverseData,
} from '../helpers/shared-data.ts';

const HUOLA = 30003067;

/** aa-killtracker's layout: no top-level hash, null times and ids to fill in. */
interface AaKillmail {
  killmail_id: number;
  esi: Record<string, unknown>;
}

function readAaKillmails(): AaKillmail[] {
  return JSON.parse(readFileSync(resolve(SHARED_KILLMAILS_DIR, 'aa-killtracker-testdata.json'), 'utf8'));
}

/** The aa-killtracker document with the fields it leaves null filled in. */
function filled(item: AaKillmail): unknown {
  return {
    ...item,
    hash: `hash${item.killmail_id}`,
    esi: { ...item.esi, killmail_id: item.killmail_id, killmail_time: '2026-11-21T08:00:00Z' },
  };
}

describeWithSharedData('engine on real killmails', () => {
  let universe: Universe;
  let catalog: ItemCatalog;
  let killmails: Killmail[];

  const normalizeAll = (values: unknown[]): Killmail[] =>
    values.map((value) => {
      const parsed = parseKillmailDocument(value);
      if (!parsed.ok) throw new Error(parsed.error);
      return normalizeKillmail(parsed.document, { universe, catalog });
    });

  beforeAll(() => {
    universe = createUniverse(sharedUniverseData());
    catalog = new ItemCatalog(sharedCatalogData());
    killmails = normalizeAll([
      ...sharedKillmailLines('insight-2018.jsonl'),
      ...sharedKillmailLines('zk-activity-labelled.jsonl'),
    ]);
  });

  it('GIVEN the 874 real R2Z2 documents WHEN parsed and normalized THEN every one is accepted', () => {
    expect(killmails).toHaveLength(858 + 16);
    expect(killmails.every((kill) => kill.spaceClass !== 'other' && kill.regionId !== undefined)).toBe(true);
  });

  it('GIVEN the Keepstar kill WHEN normalized THEN its 3,753 attackers and main group are counted', () => {
    const keepstar = killmails.find((kill) => kill.id === 131126432)!;
    expect(keepstar.attackerCount).toBe(3753);
    expect(keepstar.war).toBe(true);
    expect(keepstar.victim.shipGroupId).toBe(1657);
    expect(findMainGroup(keepstar)?.count).toBeGreaterThanOrEqual(3753 / 4);
  });

  it('GIVEN aa-killtracker test data with null times and ids WHEN parsed as is THEN each is rejected with the field named', () => {
    const text = readFileSync(resolve(SHARED_KILLMAILS_DIR, 'aa-killtracker-testdata.json'), 'utf8');
    const entries = parseKillmailDocuments(text);
    expect(entries).toHaveLength(21);
    for (const entry of entries) {
      expect(entry.ok).toBe(false);
      if (!entry.ok)
        expect(entry.error).toMatch(/^item \d+: killmail \d+: esi\.killmail_id: expected number, got null/);
    }
  });

  it('GIVEN aa-killtracker data filled in WHEN parsed THEN all but the one without a system are accepted', () => {
    const results = readAaKillmails().map((item) => parseKillmailDocument(filled(item)));
    const rejected = results.filter((result) => !result.ok);
    expect(rejected).toEqual([
      { ok: false, error: 'killmail 10000402: esi.solar_system_id: missing (expected number)' },
    ]);
  });

  it('GIVEN origin Huola and max 3 jumps WHEN aa-killtracker kills happen in Huola, Sosala and Haras (7 jumps) THEN only the first two match', () => {
    const located = readAaKillmails().filter((item) => item.esi.solar_system_id !== undefined);
    const kills = normalizeAll(located.map(filled));
    const matcher = createMatcher({ universe });
    matcher.set('home', {
      version: 1,
      name: 'Near Huola',
      enabled: true,
      origin_solar_system_id: HUOLA,
      ping: { everyone: false, here: false, roles: [] },
      ppk: false,
      clauses: { require_max_jumps: 3 },
    });
    const matched = kills.filter((kill) => matcher.match(kill).length > 0);
    expect(matched.map((kill) => [kill.id, kill.solarSystemId])).toEqual([
      [10000102, 30003070],
      [10000103, 30003067],
    ]);
    const haras = kills.find((kill) => kill.solarSystemId === 30003087)!;
    expect(universe.jumps(HUOLA, haras.solarSystemId)).toBe(7);
  });

  it('GIVEN 500 generated trackers WHEN every real killmail is matched THEN the index agrees with testing each tracker', () => {
    let state = 11;
    const next = () => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state / 2147483648;
    };
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
    const systems = [...new Set(killmails.map((kill) => kill.solarSystemId))].filter((id) => id < 31000000);
    const alliances = [...new Set(killmails.flatMap((kill) => [...kill.attackerAllianceIds]))];
    const groups = [...new Set(killmails.flatMap((kill) => [...kill.attackerShipGroupIds]))];
    const shapes = [
      () => ({ require_max_jumps: Math.floor(next() * 12), exclude_high_sec: next() < 0.3 }),
      () => ({ require_max_distance: next() * 8 }),
      () => ({ require_attacker_alliances: [pick(alliances), pick(alliances)] }),
      () => ({ require_victim_alliances: [pick(alliances)] }),
      () => ({ require_attackers_ship_groups: [pick(groups)], require_min_value: Math.floor(next() * 1e9) }),
      () => ({ exclude_npc_kills: true, require_min_attackers: Math.floor(next() * 20) }),
    ];
    const definitions: TrackerDefinition[] = [];
    for (let index = 0; index < 500; index++) {
      const validation = validateTracker({
        version: 1,
        name: `t${index}`,
        origin_solar_system_id: pick(systems),
        clauses: { ...pick(shapes)(), ...pick(shapes)() },
      });
      if (validation.ok) definitions.push(validation.tracker);
    }
    const matcher = createMatcher({ universe });
    for (const [index, definition] of definitions.entries()) matcher.set(String(index), definition);
    const compiled = definitions.map((definition) => compileTracker(definition, { universe }));
    let total = 0;
    for (const kill of killmails) {
      const expected = compiled.flatMap((entry, index) => (entry.matches(kill) ? [String(index)] : []));
      const found = matcher.match(kill).map((match) => match.trackerKey);
      expect(found).toEqual(expected);
      total += found.length;
    }
    expect(total).toBeGreaterThan(killmails.length);
  });
});
