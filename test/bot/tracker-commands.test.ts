import { ApplicationCommandOptionType, InteractionResponseType, MessageFlags } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_PERMISSION_MESSAGE } from '../../src/commands/messages.ts';
import { editorCustomId } from '../../src/commands/tracker/editor/custom-ids.ts';
import { type TrackerSubcommandName, trackerCommand } from '../../src/commands/tracker/index.ts';
import { EVERY_KILLMAIL_WARNING } from '../../src/tracker-ops/enable.ts';
import { type BotHarness, option, startBotHarness } from '../helpers/bot-harness.ts';
import { describeEachDatabase } from '../helpers/database.ts';
import { addTracker, componentsOf, contentOf, embedsOf, JITA, storeKillmail } from './tracker-support.ts';

const SUBCOMMANDS = [
  'create',
  'add-clause',
  'remove-clause',
  'show',
  'list',
  'enable',
  'disable',
  'rename',
  'clone',
  'delete',
  'set',
  'ping',
  'preview',
  'test',
  'digest',
  'export',
  'import',
];

describeEachDatabase('/tracker: create, list, enable, rename, clone, delete', (getDb) => {
  let harness: BotHarness;
  beforeAll(async () => {
    harness = await startBotHarness(getDb().handle);
  });
  afterAll(async () => harness?.stop());

  const stored = async (id: number) => harness.ctx.trackers.get(id, harness.guildId);

  it('registers /tracker with every subcommand and the set group', () => {
    const command = harness.fake.commands().find((candidate) => candidate.name === 'tracker');
    expect(command?.default_member_permissions).toBe('32');
    const options = command?.options ?? [];
    expect(options.map((entry) => entry.name)).toEqual(SUBCOMMANDS);
    const set = options.find((entry) => entry.name === 'set') as { options?: Array<{ name: string }> };
    expect(set.options?.map((entry) => entry.name)).toEqual([
      'origin',
      'color',
      'channel',
      'max-age',
      'title',
      'description',
      'ppk',
      'ping-rules',
      'ping-cooldown',
      'digest',
      'fight-report',
    ]);
  });

  it('GIVEN the subcommand files THEN the registered JSON, the dispatch map and the name union agree', () => {
    const command = harness.fake.commands().find((candidate) => candidate.name === 'tracker');
    const registered = (command?.options ?? []).flatMap((entry) =>
      entry.type === ApplicationCommandOptionType.SubcommandGroup
        ? (entry.options ?? []).map((sub) => `${entry.name} ${sub.name}`)
        : [entry.name],
    );
    // The union is derived from the files: a subcommand added or removed changes it, and this record.
    const names: Record<TrackerSubcommandName, true> = {
      create: true,
      'add-clause': true,
      'remove-clause': true,
      show: true,
      list: true,
      enable: true,
      disable: true,
      rename: true,
      clone: true,
      delete: true,
      'set origin': true,
      'set color': true,
      'set channel': true,
      'set max-age': true,
      'set title': true,
      'set description': true,
      'set ppk': true,
      'set ping-rules': true,
      'set ping-cooldown': true,
      'set digest': true,
      'set fight-report': true,
      ping: true,
      preview: true,
      test: true,
      digest: true,
      export: true,
      import: true,
    };
    expect([...trackerCommand.subcommands.keys()]).toEqual(registered);
    expect(registered).toEqual(Object.keys(names));
  });

  describe('create', () => {
    it('GIVEN a name, channel, origin, colour and ping THEN a DISABLED tracker is saved and the ephemeral editor answers', async () => {
      const callback = await harness.tracker('create', [
        option.string('name', 'Caps near home'),
        option.channel('channel', harness.channels.alerts),
        option.string('origin', String(JITA)),
        option.string('color', 'red'),
        option.string('ping', 'here'),
      ]);
      expect(callback.type).toBe(InteractionResponseType.ChannelMessageWithSource);
      expect(Number(callback.data?.flags) & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
      expect(embedsOf(callback).length).toBeGreaterThan(0);
      expect(componentsOf(callback).length).toBeGreaterThan(0);
      expect(contentOf(callback)).toContain('press Enable');
      const row = await harness.ctx.trackers.findByName(harness.guildId, 'Caps near home');
      expect(row?.channelId).toBe(harness.channels.alerts);
      expect(row?.definition).toMatchObject({
        enabled: false,
        origin_solar_system_id: JITA,
        color: '#e74c3c',
        ping: { everyone: false, here: true, roles: [] },
        clauses: {},
      });
    });

    it('GIVEN a role as the ping THEN the tracker pings that role', async () => {
      await harness.tracker('create', [
        option.string('name', 'FC pings'),
        option.channel('channel', harness.channels.alerts),
        option.string('ping', harness.roles.fc),
      ]);
      const row = await harness.ctx.trackers.findByName(harness.guildId, 'FC pings');
      expect(row?.definition.ping).toEqual({ everyone: false, here: false, roles: [harness.roles.fc] });
    });

    it('GIVEN a name the server already uses (in another case) THEN it answers with an error and creates nothing', async () => {
      await addTracker(harness, 'Home defence');
      const callback = await harness.tracker('create', [
        option.string('name', 'HOME DEFENCE'),
        option.channel('channel', harness.channels.intel),
      ]);
      expect(contentOf(callback)).toContain('already exists');
      expect(Number(callback.data?.flags) & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
      expect(await harness.ctx.trackers.list(harness.guildId)).toHaveLength(1);
    });

    it('GIVEN an unknown origin or a bad colour THEN it says what is accepted and creates nothing', async () => {
      const origin = await harness.tracker('create', [
        option.string('name', 'Somewhere'),
        option.channel('channel', harness.channels.alerts),
        option.string('origin', 'Nowhere Prime'),
      ]);
      expect(contentOf(origin)).toContain('Unknown solar system');
      const color = await harness.tracker('create', [
        option.string('name', 'Colourful'),
        option.channel('channel', harness.channels.alerts),
        option.string('color', 'banana'),
      ]);
      expect(contentOf(color)).toContain('#ff5500');
      expect(await harness.ctx.trackers.list(harness.guildId)).toHaveLength(0);
    });
  });

  it('GIVEN enabled, disabled and stopped trackers with matches THEN list shows channel, state, failure reason, last match and 24 h count', async () => {
    const busy = await addTracker(harness, 'Busy', { enabled: true });
    await addTracker(harness, 'Quiet draft');
    await addTracker(harness, 'Broken', { enabled: true }, { channelId: harness.channels.intel });
    await harness.ctx.trackers.disableChannel(
      harness.channels.intel,
      'Missing Access: give the bot View Channel',
    );
    await storeKillmail(harness, 140000001, JITA, 5, {
      deliveries: [{ channelId: harness.channels.alerts, tracker: busy }],
    });
    await storeKillmail(harness, 140000002, JITA, 3, {
      deliveries: [{ channelId: harness.channels.alerts, tracker: busy }],
    });
    await addTracker(harness, 'Elsewhere', { enabled: true }, { guildId: harness.otherGuildId });

    const callback = await harness.tracker('list');
    const embeds = embedsOf(callback);
    const text = embeds.map((embed) => embed.description).join('\n');
    const lines = text.split('\n');
    expect(embeds[0]?.title).toBe('Trackers of this server (3)');
    expect(lines.find((line) => line.startsWith('**Busy**'))).toMatch(
      new RegExp(`<#${harness.channels.alerts}> · 🟢 Enabled · 2 in 24 h · last match <t:\\d+:R>`),
    );
    expect(lines.find((line) => line.startsWith('**Quiet draft**'))).toContain(
      '⚪ Disabled · 0 in 24 h · no match yet',
    );
    const brokenAt = lines.findIndex((line) => line.startsWith('**Broken**'));
    expect(lines[brokenAt]).toContain('⚠️ Stopped');
    expect(lines[brokenAt + 1]).toContain('Missing Access');
    expect(text).not.toContain('Elsewhere');
  });

  it('GIVEN more trackers than one message holds THEN list stays within the embed limits and counts the rest', async () => {
    for (let index = 0; index < 120; index++) {
      await addTracker(harness, `Tracker ${String(index).padStart(3, '0')} ${'with a long name '.repeat(5)}`);
    }
    const callback = await harness.tracker('list');
    const embeds = embedsOf(callback);
    const total = embeds.reduce(
      (sum, embed) => sum + (embed.title?.length ?? 0) + (embed.description?.length ?? 0),
      0,
    );
    expect(embeds.length).toBeLessThanOrEqual(10);
    expect(total).toBeLessThanOrEqual(6000);
    expect(embeds.at(-1)?.description).toMatch(/…and \d+ more\. Open one with \/tracker show/);
  });

  it('GIVEN no trackers THEN list says how to create one', async () => {
    expect(contentOf(await harness.tracker('list'))).toContain('/tracker create');
  });

  describe('enable and disable', () => {
    it('GIVEN a tracker without conditions WHEN enabled THEN it is enabled and warns it posts every killmail', async () => {
      const row = await addTracker(harness, 'Everything');
      const callback = await harness.tracker('enable', [option.string('tracker', String(row.id))]);
      expect(contentOf(callback)).toContain(EVERY_KILLMAIL_WARNING);
      expect((await stored(row.id))?.definition.enabled).toBe(true);
    });

    it('GIVEN a tracker stopped by a delivery failure WHEN enabled by name THEN the failure is cleared', async () => {
      const row = await addTracker(harness, 'Jita watch', {
        enabled: true,
        clauses: { require_solar_systems: [JITA] },
      });
      await harness.ctx.trackers.disableChannel(harness.channels.alerts, 'Missing Permissions');
      const callback = await harness.tracker('enable', [option.string('tracker', 'jita watch')]);
      expect(contentOf(callback)).toContain('Enabled');
      expect(contentOf(callback)).not.toContain(EVERY_KILLMAIL_WARNING);
      expect((await stored(row.id))?.disabledReason).toBeNull();
    });

    it('GIVEN an enabled tracker WHEN disabled THEN it is saved disabled', async () => {
      const row = await addTracker(harness, 'Stop me', { enabled: true });
      const callback = await harness.tracker('disable', [option.string('tracker', String(row.id))]);
      expect(contentOf(callback)).toContain('Disabled');
      expect((await stored(row.id))?.definition.enabled).toBe(false);
    });

    it('GIVEN the editor Enable/Disable button THEN it switches the tracker and updates the editor in place', async () => {
      const row = await addTracker(harness, 'Toggled');
      const on = await harness.button(editorCustomId('toggle', row.id));
      expect(on.type).toBe(InteractionResponseType.UpdateMessage);
      expect((await stored(row.id))?.definition.enabled).toBe(true);
      const off = await harness.button(editorCustomId('toggle', row.id));
      expect(off.type).toBe(InteractionResponseType.UpdateMessage);
      expect((await stored(row.id))?.definition.enabled).toBe(false);
    });
  });

  it('GIVEN rename THEN the name changes; a name in use is refused', async () => {
    const row = await addTracker(harness, 'Old name');
    await addTracker(harness, 'Taken');
    const renamed = await harness.tracker('rename', [
      option.string('tracker', String(row.id)),
      option.string('name', 'New name'),
    ]);
    expect(contentOf(renamed)).toContain('Renamed');
    expect((await stored(row.id))?.name).toBe('New name');
    const refused = await harness.tracker('rename', [
      option.string('tracker', String(row.id)),
      option.string('name', 'taken'),
    ]);
    expect(contentOf(refused)).toContain('already exists');
    expect((await stored(row.id))?.name).toBe('New name');
  });

  it('GIVEN clone THEN a disabled copy with the same channel and conditions is created', async () => {
    const row = await addTracker(
      harness,
      'Original',
      { enabled: true, clauses: { require_solar_systems: [JITA] } },
      { channelId: harness.channels.intel },
    );
    await harness.tracker('clone', [option.string('tracker', String(row.id)), option.string('name', 'Copy')]);
    const copy = await harness.ctx.trackers.findByName(harness.guildId, 'Copy');
    expect(copy?.id).not.toBe(row.id);
    expect(copy?.channelId).toBe(harness.channels.intel);
    expect(copy?.definition).toEqual({ ...row.definition, name: 'Copy', enabled: false });
  });

  describe('delete', () => {
    it('GIVEN delete THEN it only asks; "Keep it" brings the editor back and keeps the tracker', async () => {
      const row = await addTracker(harness, 'Keep me');
      const asked = await harness.tracker('delete', [option.string('tracker', String(row.id))]);
      expect(contentOf(asked)).toContain('Delete the tracker **Keep me**?');
      expect(JSON.stringify(asked.data?.components)).toContain(editorCustomId('delok', row.id));
      expect(await stored(row.id)).toBeDefined();
      const kept = await harness.button(editorCustomId('delno', row.id));
      expect(kept.type).toBe(InteractionResponseType.UpdateMessage);
      expect(contentOf(kept)).toContain('nothing was deleted');
      expect(embedsOf(kept).length).toBeGreaterThan(0);
      expect(await stored(row.id)).toBeDefined();
    });

    it('GIVEN the editor Delete button THEN it asks in place, and "Delete it" deletes and says so', async () => {
      const row = await addTracker(harness, 'Bin me');
      const asked = await harness.button(editorCustomId('del', row.id));
      expect(asked.type).toBe(InteractionResponseType.UpdateMessage);
      expect(contentOf(asked)).toContain('Delete the tracker');
      const deleted = await harness.button(editorCustomId('delok', row.id));
      expect(contentOf(deleted)).toBe('Deleted the tracker **Bin me**.');
      expect(deleted.data?.components).toEqual([]);
      expect(await stored(row.id)).toBeUndefined();
    });
  });

  describe('permissions and other guilds', () => {
    it('GIVEN a member without Manage Server or the manager role THEN every subcommand is refused', async () => {
      const row = await addTracker(harness, 'Protected', { enabled: true });
      for (const [sub, options] of [
        ['list', []],
        ['disable', [option.string('tracker', String(row.id))]],
      ] as const) {
        const callback = await harness.tracker(sub, [...options], 'member');
        expect(contentOf(callback)).toBe(NO_PERMISSION_MESSAGE);
      }
      expect(contentOf(await harness.button(editorCustomId('toggle', row.id), 'member'))).toBe(
        NO_PERMISSION_MESSAGE,
      );
      expect((await stored(row.id))?.definition.enabled).toBe(true);
    });

    it("GIVEN another guild's tracker id in an option or a custom_id THEN it is not found and unchanged", async () => {
      const foreign = await addTracker(
        harness,
        'Their tracker',
        { enabled: true },
        { guildId: harness.otherGuildId, channelId: harness.channels.otherGuild },
      );
      const byOption = await harness.tracker('disable', [option.string('tracker', String(foreign.id))]);
      expect(contentOf(byOption)).toContain('No tracker');
      const byName = await harness.tracker('show', [option.string('tracker', 'Their tracker')]);
      expect(contentOf(byName)).toContain('No tracker');
      for (const action of ['toggle', 'del', 'delok', 'pings', 'preview', 'test'] as const) {
        const callback = await harness.button(editorCustomId(action, foreign.id));
        expect(contentOf(callback)).toContain('no longer exists');
      }
      const after = await harness.ctx.trackers.get(foreign.id, harness.otherGuildId);
      expect(after?.definition.enabled).toBe(true);
      expect(after?.updatedAt).toEqual(foreign.updatedAt);
    });
  });

  describe('autocomplete', () => {
    it("GIVEN trackers in two guilds THEN the tracker option suggests this guild's, by name, with their id as value", async () => {
      const caps = await addTracker(harness, 'Caps near home');
      const draft = await addTracker(harness, 'Capital draft', { enabled: true });
      await addTracker(harness, 'Cap hunters', {}, { guildId: harness.otherGuildId });
      const choices = await harness.autocomplete('show', [option.focused('tracker', 'cap')]);
      expect(choices).toEqual([
        { name: 'Capital draft', value: String(draft.id) },
        { name: 'Caps near home (disabled)', value: String(caps.id) },
      ]);
    });

    it('GIVEN the create ping option THEN it offers none, @here, @everyone and the roles', async () => {
      const choices = await harness.autocomplete('create', [option.focused('ping', '')]);
      expect(choices.slice(0, 3).map((choice) => choice.value)).toEqual(['none', 'here', 'everyone']);
      expect(choices).toContainEqual({ name: '@FC', value: harness.roles.fc });
      expect(choices.some((choice) => choice.value === harness.guildId)).toBe(false);
    });

    it('GIVEN set origin THEN "none" is offered with the systems', async () => {
      const choices = await harness.autocomplete('set origin', [option.focused('system', '')]);
      expect(choices[0]).toEqual({ name: 'none (clear the origin)', value: 'none' });
      expect(choices.length).toBeLessThanOrEqual(25);
    });
  });
});
