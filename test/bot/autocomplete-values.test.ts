import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TrackerRow } from '../../src/db/tracker-repository.ts';
import { createTracker } from '../../src/tracker-ops/save.ts';
import { editorWorld, GROUPS, ITEMS, PLACES } from '../fixtures/clause-input/editor-world.ts';
import {
  FALCON,
  GOONS,
  GURISTAS,
  HORDE,
  KARMAFLEET,
  PANDEMIC_LEGION,
} from '../fixtures/clause-input/known-names.ts';
import { type BotHarness, option, startBotHarness } from '../helpers/bot-harness.ts';
import { describeEachDatabase } from '../helpers/database.ts';
import { definition } from './tracker-support.ts';

type Choice = { name: string; value: string | number };

/** Discord's limits for an autocomplete answer. */
function expectWithinLimits(choices: Choice[]): void {
  expect(choices.length).toBeLessThanOrEqual(25);
  for (const choice of choices) {
    expect(choice.name.length).toBeGreaterThan(0);
    expect(choice.name.length).toBeLessThanOrEqual(100);
    expect(String(choice.value).length).toBeGreaterThan(0);
    expect(String(choice.value).length).toBeLessThanOrEqual(100);
  }
}

describeEachDatabase('autocomplete of clauses and clause values', (getDb) => {
  let harness: BotHarness;
  let tracker: TrackerRow;
  beforeAll(async () => {
    harness = await startBotHarness(getDb().handle, { world: await editorWorld() });
  });
  afterAll(async () => harness?.stop());

  async function values(clause: string, typed: string): Promise<Choice[]> {
    tracker ??= await createTracker(harness.ctx, {
      guildId: harness.guildId,
      channelId: harness.channels.alerts,
      definition: definition('Autocomplete', { origin_solar_system_id: PLACES.jita }),
    });
    const choices = await harness.autocomplete('add-clause', [
      option.string('tracker', String(tracker.id)),
      option.string('clause', clause),
      option.focused('value', typed),
    ]);
    expectWithinLimits(choices);
    return choices;
  }

  it('offers every clause by its label, matching what is typed', async () => {
    const all = await harness.autocomplete('add-clause', [option.focused('clause', '')]);
    expectWithinLimits(all);
    expect(all).toHaveLength(25);
    const matching = await harness.autocomplete('add-clause', [option.focused('clause', 'min v')]);
    expect(matching[0]).toEqual({ name: 'Min value (ISK) · Value & kind', value: 'require_min_value' });
    const byGroup = await harness.autocomplete('add-clause', [option.focused('clause', 'victim')]);
    expect(byGroup.map((choice) => choice.value)).toContain('require_victim_ship_types');
  });

  it('offers only the clauses a tracker has for remove-clause', async () => {
    const row = await createTracker(harness.ctx, {
      guildId: harness.guildId,
      channelId: harness.channels.alerts,
      definition: definition('Removable', {
        origin_solar_system_id: PLACES.jita,
        clauses: { require_min_value: 1_500_000_000, require_solar_systems: [PLACES.jita] },
      }),
    });
    const choices = await harness.autocomplete('remove-clause', [
      option.string('tracker', String(row.id)),
      option.focused('clause', ''),
    ]);
    expect(choices).toEqual([
      { name: 'Min value (ISK): 1.5b', value: 'require_min_value' },
      { name: 'Solar systems: 1 item', value: 'require_solar_systems' },
    ]);
  });

  it('completes solar systems with security and region, keeping earlier items of the list', async () => {
    const systems = await values('require_solar_systems', 'ji');
    expect(systems[0]).toEqual({ name: 'Jita (0.9, The Forge)', value: String(PLACES.jita) });
    const list = await values('require_solar_systems', 'Jita, Am');
    expect(list[0]).toEqual({ name: 'Jita, Amarr (1.0, Domain)', value: `Jita,${PLACES.amarr}` });
    // An item taken from a choice keeps its detail in the text; completing the next one still works.
    const third = await values('require_solar_systems', 'Jita, Amarr (1.0, Domain), Peri');
    expect(third[0]?.value).toBe(`Jita,Amarr (1.0, Domain),${PLACES.perimeter}`);
    expect(third[0]?.name).toBe('Jita, Amarr (1.0, Domain), Perimeter (1.0, The Forge)');
    const origin = await harness.autocomplete('create', [option.focused('origin', 'ama')]);
    expect(origin[0]).toEqual({ name: 'Amarr (1.0, Domain)', value: String(PLACES.amarr) });
  });

  it('keeps long lists within 100 characters by turning earlier names into ids', async () => {
    const typed =
      'Jita (0.9, The Forge), Perimeter (1.0, The Forge), New Caldari (1.0, The Forge), Maurasi (0.9, The Forge), Th';
    const choices = await values('require_solar_systems', typed);
    expect(choices[0]?.value).toBe(
      `${PLACES.jita},${PLACES.perimeter},${PLACES.newCaldari},30000140,${PLACES.thera}`,
    );
    // The name keeps its end, where the item just completed is.
    expect(choices[0]?.name).toMatch(/^….*Maurasi \(0\.9, The Forge\), Thera \(-1\.0, G-R00031\)$/);
  });

  it('completes constellations and regions', async () => {
    expect((await values('require_constellations', 'kim'))[0]).toEqual({
      name: 'Kimotoro (The Forge)',
      value: String(PLACES.kimotoro),
    });
    expect((await values('exclude_regions', 'dom'))[0]).toEqual({
      name: 'Domain',
      value: String(PLACES.domain),
    });
  });

  it('completes ship and weapon types and groups, victims that are not ships included', async () => {
    expect((await values('require_victim_ship_types', 'rif'))[0]).toEqual({
      name: 'Rifter (Frigate)',
      value: String(ITEMS.rifter),
    });
    expect((await values('require_victim_ship_types', 'astra'))[0]?.value).toBe(String(ITEMS.astrahus));
    expect((await values('require_victim_ship_types', 'caps'))[0]?.value).toBe(String(ITEMS.capsule));
    expect(await values('require_victim_ship_types', 'tritan')).toEqual([]);
    expect((await values('require_attackers_ship_groups', 'battle'))[0]).toEqual({
      name: 'Battleship (Ship)',
      value: String(GROUPS.battleship),
    });
    expect((await values('require_attackers_weapon_types', 'warr'))[0]).toEqual({
      name: 'Warrior II (Combat Drone)',
      value: String(ITEMS.warriorII),
    });
    expect((await values('require_attackers_weapon_groups', 'energy'))[0]?.value).toBe(
      String(GROUPS.energyWeapon),
    );
  });

  it('completes alliances, corporations, pilots and factions from known names, and exact names from ESI', async () => {
    await harness.ctx.names.put([HORDE, PANDEMIC_LEGION]);
    harness.esi.addNames([GOONS, KARMAFLEET, FALCON, GURISTAS]);
    const known = await values('require_attacker_alliances', 'pandemic');
    expect(known.map((choice) => choice.name).sort()).toEqual(['Pandemic Horde', 'Pandemic Legion']);
    expect(await values('require_attacker_alliances', 'Goonswarm Federation')).toEqual([
      { name: 'Goonswarm Federation', value: String(GOONS.id) },
    ]);
    // ESI's answer is kept: the next search finds it without asking again.
    const asked = harness.esi.requestsTo('/universe/ids/').length;
    expect((await values('exclude_attacker_alliances', 'goon'))[0]?.value).toBe(String(GOONS.id));
    expect(harness.esi.requestsTo('/universe/ids/')).toHaveLength(asked);
    expect((await values('require_victim_corporations', 'KarmaFleet'))[0]?.value).toBe(String(KARMAFLEET.id));
    expect((await values('require_victim_characters', 'CCP Falcon'))[0]?.value).toBe(String(FALCON.id));
    expect((await values('require_attacker_factions', 'Guristas Pirates'))[0]?.value).toBe(
      String(GURISTAS.id),
    );
  });

  it('GIVEN ESI is down THEN entity autocomplete still answers with known names', async () => {
    await harness.ctx.names.put([HORDE]);
    await harness.esi.setDown('unavailable');
    try {
      expect(await values('require_attacker_alliances', 'Pandemic Horde')).toEqual([
        { name: 'Pandemic Horde', value: String(HORDE.id) },
      ]);
      expect(await values('require_attacker_alliances', 'Brave Collective')).toEqual([]);
    } finally {
      await harness.esi.setDown(false);
    }
  });

  it('suggests ISK amounts in full for a bare number, examples when empty, and yes/no for flags', async () => {
    const isk = await values('require_min_value', '500');
    expect(isk[0]).toEqual({ name: '500m (500,000,000 ISK)', value: '500000000' });
    expect(isk.map((choice) => choice.value)).toEqual(['500000000', '500000000000', '500000', '500']);
    expect((await values('require_min_value', '1.5b'))[0]).toEqual({
      name: '1.5b (1,500,000,000 ISK)',
      value: '1500000000',
    });
    expect((await values('require_max_value', '')).length).toBeGreaterThan(3);
    expect(await values('require_max_jumps', '12')).toEqual([{ name: '12', value: '12' }]);
    expect((await values('require_solo', '')).map((choice) => choice.value)).toEqual(['yes', 'no']);
    expect((await values('require_solo', 'n')).map((choice) => choice.value)).toEqual(['no']);
  });

  it("suggests the guild's roles, and everyone for any linked member", async () => {
    const roles = await values('require_attacker_roles', '');
    expect(roles).toContainEqual({ name: '@everyone (any linked member)', value: harness.guildId });
    expect(roles).toContainEqual({ name: '@FC', value: harness.roles.fc });
    expect((await values('require_victim_roles', '@pil'))[0]).toEqual({
      name: '@Pilots',
      value: harness.roles.pilots,
    });
  });

  it('GIVEN a member without permission THEN autocomplete answers nothing', async () => {
    const choices = await harness.autocomplete('add-clause', [option.focused('clause', 'min')], 'member');
    expect(choices).toEqual([]);
  });
});
