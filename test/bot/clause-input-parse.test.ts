import { afterAll, beforeAll, expect, it } from 'vitest';
import { UserError } from '../../src/user-error.ts';
import { clauseFromInput } from '../../src/commands/tracker/clause-input/clause-lookup.ts';
import { parseClauseInput } from '../../src/commands/tracker/clause-input/parse.ts';
import { editorWorld, GROUPS, ITEMS, PLACES } from '../fixtures/clause-input/editor-world.ts';
import { FALCON, GOONS, GURISTAS, HORDE, KARMAFLEET } from '../fixtures/clause-input/known-names.ts';
import { type BotHarness, startBotHarness } from '../helpers/bot-harness.ts';
import { describeEachDatabase } from '../helpers/database.ts';

describeEachDatabase('clause values: what admins type, per value kind', (getDb) => {
  let harness: BotHarness;
  beforeAll(async () => {
    harness = await startBotHarness(getDb().handle, { world: await editorWorld() });
  });
  afterAll(async () => harness?.stop());

  /** The value typed for a clause named by key or label, as add-clause reads it. */
  const parse = async (key: string, text: string, roles = [] as Array<{ id: string; name: string }>) =>
    (await parseClauseInput(harness.ctx, harness.guildId, clauseFromInput(key), text, { roles })).value;
  const failure = async (promise: Promise<unknown>): Promise<string> => {
    const error = await promise.then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(UserError);
    return (error as UserError).message;
  };

  it('reads numbers, ISK and flags, and says what is accepted otherwise', async () => {
    expect(await parse('require_max_jumps', '10 jumps')).toBe(10);
    expect(await parse('require_max_distance', '7.5')).toBe(7.5);
    expect(await parse('require_min_value', '1.5b')).toBe(1_500_000_000);
    expect(await parse('require_solo', 'yes')).toBe(true);
    expect(await parse('Only solo kills', 'off')).toBe(false);
    expect(await failure(parse('require_min_value', 'lots'))).toContain(
      'Expected an ISK amount like 500m, 1.5b or 2000000',
    );
    expect(await failure(parse('require_max_jumps', '2.5'))).toContain('Expected a whole number');
    expect(await failure(parse('require_solo', 'maybe'))).toContain('Expected yes or no');
  });

  it('GIVEN an unknown clause THEN the error says how to pick one', async () => {
    expect(await failure(parse('require_moon_phase', '3'))).toContain('Pick one from the list');
  });

  it('reads places by name in any case, by id, and as autocomplete choices; unknown names get suggestions', async () => {
    expect(await parse('require_solar_systems', 'jita, AMARR, 30000144')).toEqual([
      PLACES.jita,
      PLACES.amarr,
      PLACES.perimeter,
    ]);
    expect(await parse('require_solar_systems', 'Jita (0.9, The Forge), Jita')).toEqual([PLACES.jita]);
    expect(await parse('exclude_constellations', 'Kimotoro (The Forge), throne worlds')).toEqual([
      PLACES.kimotoro,
      PLACES.throneWorlds,
    ]);
    expect(await parse('require_regions', 'The Forge, 10000043')).toEqual([PLACES.theForge, PLACES.domain]);
    const message = await failure(parse('require_solar_systems', 'Jita, Jit'));
    expect(message).toContain('No solar system called "Jit"');
    expect(message).toContain('Did you mean Jita');
    expect(await failure(parse('require_solar_systems', '30999999'))).toContain('No solar system');
    expect(await failure(parse('require_regions', ' , '))).toContain('Give at least one region');
  });

  it('reads ship and weapon types and groups from the SDE, victims that are not ships included', async () => {
    expect(
      await parse('require_victim_ship_types', 'rifter, Capsule, Astrahus, Mobile Tractor Unit'),
    ).toEqual([ITEMS.rifter, ITEMS.capsule, ITEMS.astrahus, ITEMS.mobileTractorUnit]);
    expect(await parse('require_attackers_ship_groups', 'Frigate, Battleship')).toEqual([
      GROUPS.frigate,
      GROUPS.battleship,
    ]);
    expect(
      await parse(
        'require_attackers_weapon_types',
        'Small Focused Pulse Laser II, Multifrequency S, Warrior II',
      ),
    ).toEqual([ITEMS.smallFocusedPulseLaserII, ITEMS.multifrequencyS, ITEMS.warriorII]);
    expect(await parse('require_attackers_weapon_groups', 'energy weapon, Combat Drone')).toEqual([
      GROUPS.energyWeapon,
      GROUPS.combatDrone,
    ]);
    // A ship newer than the loaded SDE is taken by id; a known item of the wrong category is not.
    expect(await parse('require_victim_ship_types', '99999999')).toEqual([99999999]);
    expect(await failure(parse('require_victim_ship_types', 'Tritanium'))).toContain('No ship type called');
    expect(await failure(parse('require_victim_ship_types', String(ITEMS.tritanium)))).toContain(
      'No ship type called',
    );
    expect(await failure(parse('require_attackers_weapon_types', 'Rifter'))).toContain('No weapon type');
  });

  it('reads alliances, corporations, pilots and factions from known names, then ESI, and keeps what ESI found', async () => {
    await harness.ctx.names.put([HORDE]);
    harness.esi.addNames([GOONS, KARMAFLEET, FALCON, GURISTAS]);
    expect(await parse('require_attacker_alliances', 'pandemic horde, Goonswarm Federation')).toEqual([
      HORDE.id,
      GOONS.id,
    ]);
    expect(await parse('require_victim_corporations', 'KarmaFleet')).toEqual([KARMAFLEET.id]);
    expect(await parse('exclude_attacker_characters', 'CCP Falcon, 2112000001')).toEqual([
      FALCON.id,
      2112000001,
    ]);
    expect(await parse('require_attacker_factions', 'Guristas Pirates')).toEqual([GURISTAS.id]);
    expect((await harness.ctx.names.get([GOONS.id])).get(GOONS.id)?.name).toBe(GOONS.name);
    expect(await failure(parse('require_attacker_alliances', 'Not An Alliance'))).toContain(
      'No alliance called "Not An Alliance"',
    );
  });

  it('GIVEN ESI is down WHEN a name needs it THEN the error says to retry or give the id', async () => {
    await harness.esi.setDown('unavailable');
    try {
      const message = await failure(parse('require_attacker_alliances', 'Brave Collective'));
      expect(message).toContain('ESI did not answer');
      expect(message).toContain('give the alliance id');
      expect(await parse('require_attacker_alliances', '99003214')).toEqual([99003214]);
    } finally {
      await harness.esi.setDown(false);
    }
  });

  it('reads roles as mentions, ids, names or "everyone" (any linked member)', async () => {
    const roles = [
      { id: harness.roles.fc, name: 'FC' },
      { id: harness.roles.pilots, name: 'Pilots' },
    ];
    expect(
      await parse('require_attacker_roles', `<@&${harness.roles.fc}>, @pilots, everyone`, roles),
    ).toEqual([harness.roles.fc, harness.roles.pilots, harness.guildId]);
    expect(await parse('require_victim_roles', harness.roles.pilots, roles)).toEqual([harness.roles.pilots]);
    expect(await failure(parse('require_victim_roles', '@Admirals', roles))).toContain('No role called');
  });
});
