import {
  InteractionResponseType,
  MessageFlags,
  OverwriteType,
  PermissionFlagsBits,
} from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { editorCustomId } from '../../src/commands/tracker/editor/custom-ids.ts';
import { chatInputInteraction, nextSnowflake, permissionBits } from '../fakes/discord/index.ts';
import {
  type BotHarness,
  type Option,
  option,
  startBotHarness,
  subcommandOptions,
} from '../helpers/bot-harness.ts';
import { describeEachDatabase } from '../helpers/database.ts';
import { AMARR, addTracker, contentOf, embedOf, JITA } from './tracker-support.ts';

/** A server whose bot role lacks Mention Everyone, with a channel the bot may not post in. */
interface StrictGuild {
  guildId: string;
  ops: string;
  locked: string;
  quietRole: string;
}

describeEachDatabase('/tracker set, ping and the ping editor', (getDb) => {
  let harness: BotHarness;
  let strict: StrictGuild;
  beforeAll(async () => {
    harness = await startBotHarness(getDb().handle);
    const guildId = nextSnowflake();
    const guild = harness.fake.addGuild({
      id: guildId,
      name: 'Strict Corp',
      channels: [
        { name: 'ops' },
        {
          name: 'locked',
          permission_overwrites: [
            {
              id: guildId,
              type: OverwriteType.Role,
              allow: '0',
              deny: String(PermissionFlagsBits.SendMessages),
            },
          ],
        },
      ],
      roles: [{ name: 'Quiet', mentionable: false }],
      botPermissions: permissionBits(
        PermissionFlagsBits.ViewChannel,
        PermissionFlagsBits.SendMessages,
        PermissionFlagsBits.EmbedLinks,
      ),
    });
    strict = {
      guildId: guild.id,
      ops: harness.fake.channelId('ops', guild.id),
      locked: harness.fake.channelId('locked', guild.id),
      quietRole: harness.fake.roleId('Quiet', guild.id),
    };
    await vi.waitFor(() => expect(harness.bot.client.guilds.cache.has(guild.id)).toBe(true), {
      timeout: 60_000,
    });
  });
  afterAll(async () => harness?.stop());

  const stored = async (id: number) => harness.ctx.trackers.get(id, harness.guildId);

  /** `/tracker <sub>` run by an admin of the strict server. */
  const inStrictGuild = (sub: string, options: Option[]) =>
    harness.fake.dispatchInteraction(
      chatInputInteraction(
        harness.fake,
        { guildId: strict.guildId, channelId: strict.ops, user: harness.users.admin },
        { name: 'tracker', options: subcommandOptions(sub, options) },
      ),
    );

  describe('set origin', () => {
    it('GIVEN the autocomplete value (a system id) or a typed name THEN the origin is set', async () => {
      const row = await addTracker(harness, 'Origin');
      const byId = await harness.tracker('set origin', [
        option.string('tracker', String(row.id)),
        option.string('system', String(JITA)),
      ]);
      expect(contentOf(byId)).toContain('Origin set to Jita');
      expect((await stored(row.id))?.definition.origin_solar_system_id).toBe(JITA);
      await harness.tracker('set origin', [
        option.string('tracker', 'origin'),
        option.string('system', 'amarr'),
      ]);
      expect((await stored(row.id))?.definition.origin_solar_system_id).toBe(AMARR);
    });

    it('GIVEN an unknown system THEN it errors and the tracker keeps its origin; "none" clears it', async () => {
      const row = await addTracker(harness, 'Origin kept', { origin_solar_system_id: JITA });
      const unknown = await harness.tracker('set origin', [
        option.string('tracker', String(row.id)),
        option.string('system', 'Jitaa'),
      ]);
      expect(contentOf(unknown)).toContain('Unknown solar system');
      expect(contentOf(unknown)).toContain('Did you mean Jita?');
      expect((await stored(row.id))?.definition.origin_solar_system_id).toBe(JITA);
      const badId = await harness.tracker('set origin', [
        option.string('tracker', String(row.id)),
        option.string('system', '30999999'),
      ]);
      expect(contentOf(badId)).toContain('no solar system with id 30999999');
      await harness.tracker('set origin', [
        option.string('tracker', String(row.id)),
        option.string('system', 'none'),
      ]);
      expect((await stored(row.id))?.definition).not.toHaveProperty('origin_solar_system_id');
    });

    it('GIVEN a jump condition WHEN the origin is cleared THEN the engine refuses and nothing changes', async () => {
      const row = await addTracker(harness, 'Needs origin', {
        origin_solar_system_id: JITA,
        clauses: { require_max_jumps: 5 },
      });
      const callback = await harness.tracker('set origin', [
        option.string('tracker', String(row.id)),
        option.string('system', 'none'),
      ]);
      expect(contentOf(callback)).toContain('would make the tracker invalid');
      expect((await stored(row.id))?.definition.origin_solar_system_id).toBe(JITA);
    });
  });

  it('GIVEN set color with hex, a name, "none" or nonsense THEN it saves or explains', async () => {
    const row = await addTracker(harness, 'Colours');
    const set = (color: string) =>
      harness.tracker('set color', [option.string('tracker', String(row.id)), option.string('color', color)]);
    await set('#FF5500');
    expect((await stored(row.id))?.definition.color).toBe('#ff5500');
    await set('purple');
    expect((await stored(row.id))?.definition.color).toBe('#9b59b6');
    expect(contentOf(await set('banana'))).toContain('is not a colour');
    expect((await stored(row.id))?.definition.color).toBe('#9b59b6');
    await set('none');
    expect((await stored(row.id))?.definition).not.toHaveProperty('color');
  });

  it('GIVEN a tracker stopped by a delivery failure WHEN set channel THEN it moves and the failure is cleared', async () => {
    const row = await addTracker(harness, 'Mover', { enabled: true });
    await harness.ctx.trackers.disableChannel(harness.channels.alerts, 'Unknown Channel');
    const callback = await harness.tracker('set channel', [
      option.string('tracker', String(row.id)),
      option.channel('channel', harness.channels.intel),
    ]);
    expect(contentOf(callback)).toContain(`<#${harness.channels.intel}>`);
    expect(contentOf(callback)).not.toContain('⚠️');
    const after = await stored(row.id);
    expect(after?.channelId).toBe(harness.channels.intel);
    expect(after?.disabledReason).toBeNull();
  });

  it('GIVEN set max-age THEN the minutes are saved', async () => {
    const row = await addTracker(harness, 'Ageing');
    await harness.tracker('set max-age', [
      option.string('tracker', String(row.id)),
      option.integer('minutes', 30),
    ]);
    expect((await stored(row.id))?.definition.max_age_minutes).toBe(30);
  });

  describe('ping', () => {
    it('GIVEN each mode THEN the ping is saved; contradictions are refused', async () => {
      const row = await addTracker(harness, 'Pinger');
      const ping = (mode: string, roles: string[] = []) =>
        harness.tracker('ping', [
          option.string('tracker', String(row.id)),
          option.string('mode', mode),
          ...roles.map((role, index) => option.role(index === 0 ? 'role' : `role-${index + 1}`, role)),
        ]);
      const here = await ping('here', [harness.roles.fc]);
      expect(contentOf(here)).toContain(`Alerts now ping @here, <@&${harness.roles.fc}>.`);
      expect(here.data?.allowed_mentions).toEqual({ parse: [] });
      expect((await stored(row.id))?.definition.ping).toEqual({
        everyone: false,
        here: true,
        roles: [harness.roles.fc],
      });
      await ping('roles', [harness.roles.fc, harness.roles.pilots]);
      expect((await stored(row.id))?.definition.ping).toEqual({
        everyone: false,
        here: false,
        roles: [harness.roles.fc, harness.roles.pilots],
      });
      await ping('everyone');
      expect((await stored(row.id))?.definition.ping).toEqual({ everyone: true, here: false, roles: [] });
      expect(contentOf(await ping('roles'))).toContain('needs at least one role');
      expect(contentOf(await ping('none', [harness.roles.fc]))).toContain('pings nobody');
      await ping('none');
      expect((await stored(row.id))?.definition.ping).toEqual({ everyone: false, here: false, roles: [] });
    });

    it('GIVEN the bot has Mention Everyone THEN a non-mentionable role raises no warning', async () => {
      const row = await addTracker(harness, 'Pilots ping');
      const callback = await harness.tracker('ping', [
        option.string('tracker', String(row.id)),
        option.string('mode', 'roles'),
        option.role('role', harness.roles.pilots),
      ]);
      expect(contentOf(callback)).not.toContain('⚠️');
    });

    it('GIVEN a server where the bot lacks Mention Everyone THEN @everyone and a non-mentionable role warn', async () => {
      const created = await inStrictGuild('create', [
        option.string('name', 'Loud'),
        option.channel('channel', strict.ops),
        option.string('ping', 'everyone'),
      ]);
      expect(contentOf(created)).toContain('lacks Mention Everyone');
      const row = await harness.ctx.trackers.findByName(strict.guildId, 'Loud');
      expect(row?.definition.ping.everyone).toBe(true);
      const roles = await inStrictGuild('ping', [
        option.string('tracker', String(row?.id)),
        option.string('mode', 'roles'),
        option.role('role', strict.quietRole),
      ]);
      expect(contentOf(roles)).toContain(`<@&${strict.quietRole}> is not mentionable`);
    });

    it('GIVEN a channel where the bot cannot send THEN create and set channel warn which permission is missing', async () => {
      const created = await inStrictGuild('create', [
        option.string('name', 'Muted'),
        option.channel('channel', strict.locked),
      ]);
      expect(contentOf(created)).toContain(
        `cannot post alerts in <#${strict.locked}>: it lacks Send Messages`,
      );
      const row = await harness.ctx.trackers.findByName(strict.guildId, 'Muted');
      const moved = await inStrictGuild('set channel', [
        option.string('tracker', String(row?.id)),
        option.channel('channel', strict.ops),
      ]);
      expect(contentOf(moved)).not.toContain('cannot post');
    });
  });

  describe('ping editor', () => {
    it('GIVEN the Pings… button THEN an ephemeral ping editor shows the buttons and a role select', async () => {
      const row = await addTracker(harness, 'Ping editor', {
        ping: { everyone: false, here: false, roles: [harness.roles.fc] },
      });
      const callback = await harness.button(editorCustomId('pings', row.id));
      expect(callback.type).toBe(InteractionResponseType.ChannelMessageWithSource);
      expect(Number(callback.data?.flags) & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
      expect(contentOf(callback)).toContain(`ping <@&${harness.roles.fc}>`);
      const components = JSON.stringify(callback.data?.components);
      for (const arg of ['none', 'here', 'everyone', 'roles'])
        expect(components).toContain(editorCustomId('ping', row.id, arg));
      expect(components).toContain(`"default_values":[{"id":"${harness.roles.fc}","type":"role"}]`);
    });

    it("GIVEN a ping THEN the editor's Pings field words it as the ping editor does", async () => {
      for (const [ping, worded] of [
        [{ everyone: true, here: true, roles: [harness.roles.fc] }, `@everyone, <@&${harness.roles.fc}>`],
        [{ everyone: false, here: false, roles: [] }, 'nobody'],
      ] as const) {
        const row = await addTracker(harness, `Worded ${worded}`, {
          ping: { ...ping, roles: [...ping.roles] },
        });
        const shown = await harness.tracker('show', [option.string('tracker', String(row.id))]);
        expect(embedOf(shown).fields?.find((field) => field.name === 'Pings')?.value).toBe(worded);
        expect(contentOf(await harness.button(editorCustomId('pings', row.id)))).toContain(`ping ${worded}.`);
      }
    });

    it('GIVEN @here, @everyone and No pings buttons THEN each saves at once and redraws in place', async () => {
      const row = await addTracker(harness, 'Switches', {
        ping: { everyone: false, here: false, roles: [harness.roles.fc] },
      });
      const here = await harness.button(editorCustomId('ping', row.id, 'here'));
      expect(here.type).toBe(InteractionResponseType.UpdateMessage);
      expect((await stored(row.id))?.definition.ping).toEqual({
        everyone: false,
        here: true,
        roles: [harness.roles.fc],
      });
      await harness.button(editorCustomId('ping', row.id, 'everyone'));
      expect((await stored(row.id))?.definition.ping).toEqual({
        everyone: true,
        here: false,
        roles: [harness.roles.fc],
      });
      await harness.button(editorCustomId('ping', row.id, 'everyone'));
      expect((await stored(row.id))?.definition.ping.everyone).toBe(false);
      const none = await harness.button(editorCustomId('ping', row.id, 'none'));
      expect(contentOf(none)).toContain('ping nobody');
      expect((await stored(row.id))?.definition.ping).toEqual({ everyone: false, here: false, roles: [] });
    });

    it('GIVEN roles chosen in the role select THEN they replace the pinged roles', async () => {
      const row = await addTracker(harness, 'Role picker', {
        ping: { everyone: false, here: true, roles: [] },
      });
      const callback = await harness.roleSelect(editorCustomId('ping', row.id, 'roles'), [
        harness.roles.fc,
        harness.roles.pilots,
      ]);
      expect(callback.type).toBe(InteractionResponseType.UpdateMessage);
      expect((await stored(row.id))?.definition.ping).toEqual({
        everyone: false,
        here: true,
        roles: [harness.roles.fc, harness.roles.pilots],
      });
    });

    it('GIVEN a ping button used as the wrong kind of component THEN it is refused and nothing changes', async () => {
      const row = await addTracker(harness, 'Forged');
      const callback = await harness.select(editorCustomId('ping', row.id, 'here'), ['x']);
      expect(contentOf(callback)).toContain('no longer valid');
      expect((await stored(row.id))?.definition.ping.here).toBe(false);
    });
  });
});
