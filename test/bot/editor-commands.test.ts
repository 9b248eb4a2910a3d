import { InteractionResponseType, MessageFlags } from 'discord-api-types/v10';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TrackerRow } from '../../src/db/tracker-repository.ts';
import type { TrackerDefinition } from '../../src/engine/index.ts';
import { createTracker } from '../../src/tracker-ops/save.ts';
import { editorWorld, GROUPS, ITEMS, PLACES } from '../fixtures/clause-input/editor-world.ts';
import { FALCON, GOONS, GURISTAS, HORDE, KARMAFLEET } from '../fixtures/clause-input/known-names.ts';
import { type BotHarness, option, startBotHarness } from '../helpers/bot-harness.ts';
import { describeEachDatabase } from '../helpers/database.ts';
import { definition, embedOf } from './tracker-support.ts';

describeEachDatabase('/tracker add-clause and remove-clause', (getDb) => {
  let harness: BotHarness;
  beforeAll(async () => {
    harness = await startBotHarness(getDb().handle, { world: await editorWorld() });
  });
  afterAll(async () => harness?.stop());

  const create = (name: string, guildId = harness.guildId, clauses: TrackerDefinition['clauses'] = {}) =>
    createTracker(harness.ctx, {
      guildId,
      channelId: guildId === harness.guildId ? harness.channels.alerts : harness.channels.otherGuild,
      definition: definition(name, { origin_solar_system_id: PLACES.jita, clauses }),
    });
  const clausesOf = async (row: TrackerRow) =>
    (await harness.ctx.trackers.get(row.id, row.guildId))?.definition.clauses;
  /** Runs add-clause; when the bot deferred (ESI lookups), also waits for the answer that follows. */
  async function add(row: TrackerRow | string, clause: string, value: string) {
    const callback = await harness.tracker('add-clause', [
      option.string('tracker', typeof row === 'string' ? row : String(row.id)),
      option.string('clause', clause),
      option.string('value', value),
    ]);
    if (callback.type === InteractionResponseType.DeferredChannelMessageWithSource) {
      await harness.fake.waitForOriginal(
        callback.token,
        (message) => message.content !== '' || message.embeds.length > 0,
      );
    }
    return callback;
  }

  it('adds numbers, ISK and flags, and answers ephemerally with the editor and what changed', async () => {
    const row = await create('Numbers');
    const attackers = await add(row, 'require_max_attackers', '20');
    expect(attackers.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(attackers.data?.flags).toBe(MessageFlags.Ephemeral);
    expect(attackers.data?.content).toContain('**Max attackers** set to 20');
    expect(embedOf(attackers).title).toBe('Tracker: Numbers');
    await add(row, 'require_max_distance', '7.5 ly');
    const isk = await add(row, 'Min value (ISK)', '500m');
    expect(embedOf(isk).description).toContain('worth at least 500m');
    await add(row, 'require_npc_kills', 'no');
    await add(row, 'exclude_npc_kills', 'yes');
    expect(await clausesOf(row)).toEqual({
      require_max_attackers: 20,
      require_max_distance: 7.5,
      require_min_value: 500_000_000,
      exclude_npc_kills: true,
    });
    const off = await add(row, 'exclude_npc_kills', 'off');
    expect(off.data?.content).toContain('**No NPC kills** removed');
    expect((await clausesOf(row))?.exclude_npc_kills).toBeUndefined();
  });

  it('adds places, and a second list adds to the first (said in the reply)', async () => {
    const row = await create('Places');
    await add(row, 'require_solar_systems', 'Jita, amarr');
    const more = await add(row, 'require_solar_systems', 'Perimeter, Jita');
    expect(more.data?.content).toContain('added Perimeter');
    expect(more.data?.content).toContain('Jita was already there');
    expect(more.data?.content).toContain('lists add up: 3 in all');
    await add(row, 'exclude_constellations', 'Throne Worlds');
    await add(row, 'require_regions', 'The Forge (region), 10000043');
    expect(await clausesOf(row)).toEqual({
      require_solar_systems: [PLACES.jita, PLACES.amarr, PLACES.perimeter],
      exclude_constellations: [PLACES.throneWorlds],
      require_regions: [PLACES.theForge, PLACES.domain],
    });
  });

  it('adds ship and weapon types and groups from the SDE', async () => {
    const row = await create('Hulls');
    await add(row, 'require_victim_ship_types', 'Astrahus, Capsule');
    await add(row, 'exclude_victim_ship_groups', 'Frigate');
    await add(row, 'require_attackers_weapon_types', 'Warrior II');
    const groups = await add(row, 'require_attackers_weapon_groups', 'Energy Weapon');
    expect(embedOf(groups).description).toContain('with attackers using a Energy Weapon');
    expect(await clausesOf(row)).toEqual({
      require_victim_ship_types: [ITEMS.astrahus, ITEMS.capsule],
      exclude_victim_ship_groups: [GROUPS.frigate],
      require_attackers_weapon_types: [ITEMS.warriorII],
      require_attackers_weapon_groups: [GROUPS.energyWeapon],
    });
  });

  it('adds alliances, corporations, pilots and factions from known names and from ESI (deferring while ESI answers)', async () => {
    const row = await create('Entities');
    await harness.ctx.names.put([HORDE]);
    harness.esi.addNames([GOONS, KARMAFLEET, FALCON, GURISTAS]);
    const known = await add(row, 'require_attacker_alliances', 'Pandemic Horde');
    expect(known.type).toBe(InteractionResponseType.ChannelMessageWithSource);

    const viaEsi = await add(row, 'require_attacker_alliances', 'Goonswarm Federation');
    expect(viaEsi.type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    const editor = await harness.fake.waitForOriginal(viaEsi.token, (message) => message.embeds.length > 0);
    expect(editor.content).toContain('added Goonswarm Federation');
    expect(editor.embeds[0]?.description).toContain('Pandemic Horde or Goonswarm Federation');

    await add(row, 'exclude_victim_corporations', 'KarmaFleet');
    await add(row, 'require_victim_characters', 'CCP Falcon');
    await add(row, 'require_attacker_factions', 'Guristas Pirates');
    expect(await clausesOf(row)).toEqual({
      require_attacker_alliances: [HORDE.id, GOONS.id],
      exclude_victim_corporations: [KARMAFLEET.id],
      require_victim_characters: [FALCON.id],
      require_attacker_factions: [GURISTAS.id],
    });
  });

  it('GIVEN ESI does not answer in time THEN the deferred answer says to retry or give the id, and nothing changes', async () => {
    const row = await create('Slow ESI');
    harness.esi.failNext({ kind: 'slow', delayMs: 4_000 });
    const slow = await add(row, 'require_attacker_alliances', 'Test Alliance Please Ignore');
    expect(slow.type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    const advice = await harness.fake.waitForOriginal(slow.token, (message) => message.content !== '');
    expect(advice.content).toContain('ESI did not answer in time');
    expect(advice.embeds).toEqual([]);
    expect(await clausesOf(row)).toEqual({});
  });

  it('adds roles as mentions or names from the guild', async () => {
    const row = await create('Roles');
    const added = await add(row, 'require_victim_roles', `<@&${harness.roles.fc}>, @Pilots`);
    expect(added.data?.content).toContain(`<@&${harness.roles.fc}>`);
    expect(added.data?.allowed_mentions).toEqual({ parse: [] });
    await add(row, 'exclude_attacker_roles', 'everyone');
    expect(await clausesOf(row)).toEqual({
      require_victim_roles: [harness.roles.fc, harness.roles.pilots],
      exclude_attacker_roles: [harness.guildId],
    });
  });

  it("refuses invalid values, unknown clauses and other guilds' trackers, changing nothing", async () => {
    const row = await create('Strict', harness.guildId, { require_min_value: 1_000 });
    const bad = await add(row, 'require_min_value', 'a lot');
    expect(bad.data?.flags).toBe(MessageFlags.Ephemeral);
    expect(String(bad.data?.content)).toContain('Expected an ISK amount like 500m, 1.5b or 2000000');
    const unknown = await add(row, 'require_moon_phase', 'full');
    expect(String(unknown.data?.content)).toContain('There is no condition called');
    const contradiction = await add(row, 'require_max_value', '500');
    expect(String(contradiction.data?.content)).toContain('would make the tracker invalid');
    const theirs = await create('Theirs', harness.otherGuildId);
    const foreign = await add(String(theirs.id), 'require_solo', 'yes');
    expect(String(foreign.data?.content)).toContain('No tracker');
    expect(await clausesOf(row)).toEqual({ require_min_value: 1_000 });
    expect(await clausesOf(theirs)).toEqual({});
  });

  it('removes a condition by key or label, and says which conditions exist when it is not there', async () => {
    const row = await create('Removals', harness.guildId, { require_solo: true, require_min_value: 1_000 });
    const removed = await harness.tracker('remove-clause', [
      option.string('tracker', 'removals'),
      option.string('clause', 'Only solo kills'),
    ]);
    expect(removed.data?.flags).toBe(MessageFlags.Ephemeral);
    expect(removed.data?.content).toContain('**Only solo kills** removed');
    expect(await clausesOf(row)).toEqual({ require_min_value: 1_000 });
    const missing = await harness.tracker('remove-clause', [
      option.string('tracker', String(row.id)),
      option.string('clause', 'require_solo'),
    ]);
    expect(String(missing.data?.content)).toContain('Its conditions: Min value (ISK)');
  });
});
