// Members cannot make the bot do what they cannot do: a member with the tracker manager role but without
// Mention Everyone cannot set @here/@everyone or an unmentionable role, cannot point a tracker at a channel
// they cannot see or post in, and a test post pings only what they could ping, checked when they press it.
import { type APIAllowedMentions, OverwriteType, PermissionFlagsBits } from 'discord-api-types/v10';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { editorCustomId } from '../../src/commands/tracker/editor/custom-ids.ts';
import type { TrackerPing } from '../../src/engine/tracker/types.ts';
import {
  buttonInteraction,
  chatInputInteraction,
  EVERYONE_PERMISSIONS,
  fakeMember,
  fakeUser,
  type InteractionContext,
  mentionsOf,
  nextSnowflake,
  permissionBits,
  type RecordedInteractionCallback,
} from '../fakes/discord/index.ts';
import {
  type BotHarness,
  type Option,
  option,
  startBotHarness,
  subcommandOptions,
} from '../helpers/bot-harness.ts';
import { describeEachDatabase } from '../helpers/database.ts';
import { addTracker, contentOf, deferredAnswer, JITA, storeKillmail } from './tracker-support.ts';

const NO_PING: TrackerPing = { everyone: false, here: false, roles: [] };

describeEachDatabase('member rights: the bot does only what the member could', (getDb) => {
  let harness: BotHarness;
  const ids = {
    guild: nextSnowflake(),
    managers: nextSnowflake(),
    officers: nextSnowflake(),
    fc: nextSnowflake(),
    quiet: nextSnowflake(),
    pingers: nextSnowflake(),
  };
  const users = { manager: fakeUser({ username: 'manager' }), pinger: fakeUser({ username: 'pinger' }) };
  const channels = { ops: '', officers: '', readonly: '' };

  beforeAll(async () => {
    harness = await startBotHarness(getDb().handle);
    const hidden = {
      id: ids.guild,
      type: OverwriteType.Role,
      allow: '0',
      deny: String(PermissionFlagsBits.ViewChannel),
    };
    const guild = harness.fake.addGuild({
      id: ids.guild,
      name: 'Rights Corp',
      roles: [
        { id: ids.managers, name: 'Tracker managers' },
        { id: ids.officers, name: 'Officers' },
        { id: ids.fc, name: 'FC', mentionable: true },
        { id: ids.quiet, name: 'Quiet', mentionable: false },
        { id: ids.pingers, name: 'Pingers', permissions: String(PermissionFlagsBits.MentionEveryone) },
      ],
      channels: [
        { name: 'ops' },
        {
          name: 'officers',
          permission_overwrites: [
            hidden,
            {
              id: ids.officers,
              type: OverwriteType.Role,
              allow: String(PermissionFlagsBits.ViewChannel),
              deny: '0',
            },
          ],
        },
        {
          name: 'readonly',
          permission_overwrites: [
            {
              id: ids.guild,
              type: OverwriteType.Role,
              allow: '0',
              deny: String(PermissionFlagsBits.SendMessages),
            },
          ],
        },
      ],
      members: [
        fakeMember(users.manager, [ids.managers]),
        fakeMember(users.pinger, [ids.managers, ids.pingers]),
      ],
    });
    channels.ops = harness.fake.channelId('ops', guild.id);
    channels.officers = harness.fake.channelId('officers', guild.id);
    channels.readonly = harness.fake.channelId('readonly', guild.id);
    await vi.waitFor(() => expect(harness.bot.client.guilds.cache.has(guild.id)).toBe(true), {
      timeout: 60_000,
    });
  });
  beforeEach(async () => {
    await harness.ctx.guildSettings.setManagerRole(ids.guild, ids.managers);
  });
  afterAll(async () => harness?.stop());

  /** The manager (no Mention Everyone), or a manager whose Pingers role has it; acting from #ops. */
  const as = (who: 'manager' | 'pinger'): InteractionContext => ({
    guildId: ids.guild,
    channelId: channels.ops,
    user: users[who],
    memberPermissions:
      who === 'pinger'
        ? permissionBits(BigInt(EVERYONE_PERMISSIONS), PermissionFlagsBits.MentionEveryone)
        : EVERYONE_PERMISSIONS,
    roles: who === 'pinger' ? [ids.managers, ids.pingers] : [ids.managers],
  });
  const tracker = (sub: string, options: Option[], who: 'manager' | 'pinger' = 'manager') =>
    harness.fake.dispatchInteraction(
      chatInputInteraction(harness.fake, as(who), {
        name: 'tracker',
        options: subcommandOptions(sub, options),
      }),
    );
  const button = (customId: string, who: 'manager' | 'pinger' = 'manager') =>
    harness.fake.dispatchInteraction(buttonInteraction(harness.fake, as(who), { customId }));
  const trackers = () => harness.ctx.trackers.list(ids.guild);
  const create = (name: string, channelId: string, ping?: string, who: 'manager' | 'pinger' = 'manager') =>
    tracker(
      'create',
      [
        option.string('name', name),
        option.channel('channel', channelId),
        ...(ping === undefined ? [] : [option.string('ping', ping)]),
      ],
      who,
    );
  const inGuild = (name: string, extra: Parameters<typeof addTracker>[2], channelId = channels.ops) =>
    addTracker(harness, name, extra, { guildId: ids.guild, channelId });
  async function answerOf(callback: RecordedInteractionCallback): Promise<string> {
    return callback.data?.content !== undefined
      ? contentOf(callback)
      : (await deferredAnswer(harness, callback)).content;
  }

  describe('pings', () => {
    it('GIVEN a manager without Mention Everyone WHEN creating a tracker that pings @everyone or @here THEN it is refused, saying what is missing', async () => {
      for (const ping of ['everyone', 'here']) {
        const answer = contentOf(await create(`Loud ${ping}`, channels.ops, ping));
        expect(answer).toContain(
          `You cannot make the bot ping what you could not ping yourself in <#${channels.ops}>:`,
        );
        expect(answer).toContain(`• @${ping} needs your own Mention Everyone permission`);
      }
      expect(await trackers()).toEqual([]);
    });

    it('GIVEN the same manager THEN a mentionable role can be pinged, an unmentionable one cannot', async () => {
      await create('FC pings', channels.ops, ids.fc);
      expect((await trackers()).map((row) => row.definition.ping)).toEqual([{ ...NO_PING, roles: [ids.fc] }]);
      const quiet = contentOf(await create('Quiet pings', channels.ops, ids.quiet));
      expect(quiet).toContain(`• <@&${ids.quiet}> is not mentionable, and you lack Mention Everyone`);
      expect(await trackers()).toHaveLength(1);
    });

    it('GIVEN a manager whose role grants Mention Everyone THEN @everyone and unmentionable roles are allowed', async () => {
      await create('Everyone', channels.ops, 'everyone', 'pinger');
      await create('Quiet', channels.ops, ids.quiet, 'pinger');
      expect((await trackers()).map((row) => row.definition.ping)).toEqual([
        { ...NO_PING, everyone: true },
        { ...NO_PING, roles: [ids.quiet] },
      ]);
    });

    it('GIVEN /tracker ping and the ping editor THEN the manager cannot add @here, @everyone or an unmentionable role; keeping what an admin set is fine', async () => {
      const row = await inGuild('Admin set', { ping: { ...NO_PING, roles: [ids.quiet] } });
      const stored = async () => (await harness.ctx.trackers.get(row.id, ids.guild))?.definition.ping;
      const here = contentOf(
        await tracker('ping', [option.string('tracker', String(row.id)), option.string('mode', 'here')]),
      );
      expect(here).toContain('• @here needs your own Mention Everyone permission');
      const keep = await tracker('ping', [
        option.string('tracker', String(row.id)),
        option.string('mode', 'roles'),
        option.role('role', ids.fc),
        option.role('role-2', ids.quiet),
      ]);
      expect(contentOf(keep)).toContain(`Alerts now ping <@&${ids.fc}>, <@&${ids.quiet}>.`);
      const everyone = contentOf(await button(editorCustomId('ping', row.id, 'everyone')));
      expect(everyone).toContain('• @everyone needs your own Mention Everyone permission');
      expect(await stored()).toEqual({ ...NO_PING, roles: [ids.fc, ids.quiet] });
    });

    it('GIVEN an admin set @everyone THEN the manager may switch it off in the ping editor, not back on', async () => {
      const row = await inGuild('Admin everyone', { ping: { ...NO_PING, everyone: true } });
      const stored = async () => (await harness.ctx.trackers.get(row.id, ids.guild))?.definition.ping;
      expect(contentOf(await button(editorCustomId('ping', row.id, 'everyone')))).toContain('Saved.');
      expect(await stored()).toEqual(NO_PING);
      const again = contentOf(await button(editorCustomId('ping', row.id, 'everyone')));
      expect(again).toContain('• @everyone needs your own Mention Everyone permission');
      expect(await stored()).toEqual(NO_PING);
    });
  });

  describe('channels', () => {
    it('GIVEN a channel the manager cannot see THEN no tracker can be created in it, moved to it or imported into it', async () => {
      const created = contentOf(await create('Secret', channels.officers));
      expect(created).toContain(`You lack View Channel in <#${channels.officers}>`);
      expect(created).toContain('the bot only posts alerts where you could post yourself');
      const row = await inGuild('Movable', {});
      const moved = contentOf(
        await tracker('set channel', [
          option.string('tracker', String(row.id)),
          option.channel('channel', channels.officers),
        ]),
      );
      expect(moved).toContain(`You lack View Channel in <#${channels.officers}>`);
      const attachment = harness.fake.hostAttachment(
        't.json',
        JSON.stringify({ version: 1, name: 'Imported' }),
      );
      const imported = await answerOf(
        await tracker('import', [
          option.attachment('file', attachment.id),
          option.channel('channel', channels.officers),
        ]),
      );
      expect(imported).toContain(`You lack View Channel in <#${channels.officers}>`);
      expect((await trackers()).map((entry) => [entry.name, entry.channelId])).toEqual([
        ['Movable', channels.ops],
      ]);
    });

    it('GIVEN a channel the manager can see but not post in THEN it is refused for Send Messages', async () => {
      const answer = contentOf(await create('Read only', channels.readonly));
      expect(answer).toContain(`You lack Send Messages in <#${channels.readonly}>`);
      expect(await trackers()).toEqual([]);
    });

    it('GIVEN a tracker an admin pointed at a hidden channel WHEN the manager clones it or posts a test THEN both are refused', async () => {
      await storeKillmail(harness, 180000001, JITA, 5);
      const row = await inGuild('Officer feed', {}, channels.officers);
      const cloned = contentOf(
        await tracker('clone', [option.string('tracker', String(row.id)), option.string('name', 'Copy')]),
      );
      expect(cloned).toContain(`You lack View Channel in <#${channels.officers}>`);
      const test = await answerOf(await tracker('test', [option.string('tracker', String(row.id))]));
      expect(test).toContain('so the bot will not post a test alert there for you');
      expect(harness.fake.messagesIn(channels.officers)).toHaveLength(0);
    });

    it('GIVEN a tracker pinging @everyone WHEN the manager moves it to another channel THEN it is refused: the ping would be new there', async () => {
      const row = await inGuild('Loud', { ping: { ...NO_PING, everyone: true } });
      const attachment = harness.fake.hostAttachment(
        'loud.json',
        JSON.stringify({ version: 1, name: 'Imported loud', ping: { everyone: true } }),
      );
      const moved = contentOf(
        await tracker('set channel', [
          option.string('tracker', String(row.id)),
          option.channel('channel', channels.readonly),
        ]),
      );
      expect(moved).toContain(`You lack Send Messages in <#${channels.readonly}>`);
      const imported = await answerOf(
        await tracker('import', [
          option.attachment('file', attachment.id),
          option.channel('channel', channels.ops),
        ]),
      );
      expect(imported).toContain('nothing was imported');
      expect(imported).toContain(
        '`ping`: @\u200beveryone needs your own Mention Everyone permission in the channel you import into',
      );
    });
  });

  describe('test posts', () => {
    it('GIVEN a tracker an admin set to ping @everyone and two roles WHEN the manager posts a test THEN it pings only the mentionable role and says what it left out', async () => {
      await storeKillmail(harness, 180000002, JITA, 5);
      const row = await inGuild('Admin pings', {
        ping: { everyone: true, here: false, roles: [ids.fc, ids.quiet] },
      });
      const answer = await answerOf(await tracker('test', [option.string('tracker', String(row.id))]));
      expect(answer).toContain(`It pinged <@&${ids.fc}>`);
      expect(answer).toContain(
        `It did not ping @everyone, <@&${ids.quiet}>: you could not ping them yourself`,
      );
      const posted = harness.fake.messagesIn(channels.ops).at(-1);
      expect(posted).toBeDefined();
      expect(
        mentionsOf(posted!.message.content, posted!.body.allowed_mentions as APIAllowedMentions),
      ).toEqual({
        everyone: false,
        roles: [ids.fc],
      });
      expect(posted!.message.content).not.toContain('@everyone');
      expect(posted!.message.content).not.toContain(ids.quiet);
    });

    it('GIVEN the editor Test post button pressed by a member who now has Mention Everyone THEN @everyone is pinged', async () => {
      await storeKillmail(harness, 180000003, JITA, 5);
      const row = await inGuild('Pinger test', { ping: { ...NO_PING, everyone: true } });
      const pressed = await button(editorCustomId('test', row.id), 'pinger');
      await harness.fake.waitForOriginal(pressed.token, (message) =>
        message.content.includes('Posted a test alert'),
      );
      const posted = harness.fake.messagesIn(channels.ops).at(-1);
      expect(posted?.message.content).toContain('@everyone');
      expect((posted?.body.allowed_mentions as { parse?: string[] }).parse).toEqual(['everyone']);
    });
  });
});
