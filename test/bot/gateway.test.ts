import { ApplicationCommandOptionType, MessageFlags } from 'discord-api-types/v10';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { startBot } from '../../src/bot/start-bot.ts';
import type { ComponentHandler, SlashCommand } from '../../src/commands/contract.ts';
import { COMPONENT_HANDLERS, MESSAGE_COMMANDS, SLASH_COMMANDS } from '../../src/commands/index.ts';
import { NO_PERMISSION_MESSAGE, UNKNOWN_COMPONENT_MESSAGE } from '../../src/commands/messages.ts';
import { editorCustomId } from '../../src/commands/tracker/editor/custom-ids.ts';
import { silentLogger } from '../../src/log.ts';
import { chatInputInteraction, FakeDiscord, nextSnowflake } from '../fakes/discord/index.ts';
import { type BotHarness, option, startBotHarness } from '../helpers/bot-harness.ts';
import { describeEachDatabase } from '../helpers/database.ts';
import { addTracker } from './tracker-support.ts';

/** Test-only: a command any member of the guild may run, with an autocompleted option. */
const memberCommand: SlashCommand = {
  data: {
    name: 'whoami',
    description: 'Says who ran it',
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'as',
        description: 'A nickname',
        autocomplete: true,
      },
    ],
  },
  access: 'member',
  async execute(interaction) {
    await interaction.reply({ content: `You are <@${interaction.user.id}>.`, flags: MessageFlags.Ephemeral });
  },
  async autocomplete(interaction) {
    await interaction.respond([{ name: 'Pilot', value: 'pilot' }]);
  },
};

/** Test-only: a button any member may press (a PPK claim will be one). */
const memberButton: ComponentHandler<true> = {
  name: 'test member button',
  access: 'member',
  parse: (customId) => (customId === 'test:claim' ? true : undefined),
  async run(interaction) {
    await interaction.reply({ content: 'Claimed.', flags: MessageFlags.Ephemeral });
  },
};

describeEachDatabase('gateway bot: registration, permissions, error boundary', (getDb) => {
  let harness: BotHarness;
  beforeAll(async () => {
    harness = await startBotHarness(getDb().handle, {
      extraCommands: [memberCommand],
      extraComponents: [memberButton as ComponentHandler<never>],
    });
  });
  afterAll(async () => harness?.stop());

  const settings = (role?: string) => (role === undefined ? [] : [option.role('role', role)]);
  const run = (who: 'admin' | 'manager' | 'member', role?: string) =>
    harness.fake.dispatchInteraction(
      chatInputInteraction(harness.fake, harness.as(who), {
        name: 'killtracker',
        options: [option.group('settings', [option.subcommand('manager-role', settings(role))])],
      }),
    );

  it('registers its commands globally: manager commands default to Manage Server, member commands to everyone', () => {
    const names = harness.fake.commands().map((command) => command.name);
    expect(names).toContain('killtracker');
    const served = [...SLASH_COMMANDS, ...MESSAGE_COMMANDS, memberCommand];
    for (const command of harness.fake.commands()) {
      const access = served.find((candidate) => candidate.data.name === command.name)?.access;
      expect(access, `/${command.name} is served`).toBeDefined();
      expect(command.default_member_permissions ?? null).toBe(access === 'manager' ? '32' : null);
    }
    expect(
      served.filter((command) => command.access === 'member').map((command) => command.data.name),
    ).toEqual(expect.arrayContaining(['character', 'ppk', 'Add PPK buttons']));
  });

  it("GIVEN a plain member THEN a 'member' command, its autocomplete and a 'member' button run, while 'manager' ones are refused", async () => {
    const mine = await harness.fake.dispatchInteraction(
      chatInputInteraction(harness.fake, harness.as('member'), { name: 'whoami' }),
    );
    expect(mine.data?.content).toBe(`You are <@${harness.users.member.id}>.`);
    expect(await harness.autocomplete('', [option.focused('as', 'p')], 'member', 'whoami')).toEqual([
      { name: 'Pilot', value: 'pilot' },
    ]);
    expect((await harness.button('test:claim', 'member')).data?.content).toBe('Claimed.');

    const list = await harness.tracker('list', [], 'member');
    expect(list.data?.content).toBe(NO_PERMISSION_MESSAGE);
    const row = await addTracker(harness, 'Managers only');
    const toggle = await harness.button(editorCustomId('toggle', row.id), 'member');
    expect(toggle.data?.content).toBe(NO_PERMISSION_MESSAGE);
    expect(await harness.autocomplete('show', [option.focused('tracker', '')], 'member')).toEqual([]);
    expect((await harness.ctx.trackers.get(row.id, harness.guildId))?.definition.enabled).toBe(false);
  });

  it('refuses a member without Manage Server or the manager role, ephemerally', async () => {
    const callback = await run('member', harness.roles.pilots);
    expect(callback.data?.content).toBe(NO_PERMISSION_MESSAGE);
    expect(callback.data?.flags).toBe(MessageFlags.Ephemeral);
    expect((await harness.ctx.guildSettings.get(harness.guildId))?.managerRoleId ?? null).toBeNull();
  });

  it('lets an admin set the manager role; a manager may then use the bot but not appoint others', async () => {
    const set = await run('admin', harness.roles.manager);
    expect(String(set.data?.content)).toContain(`<@&${harness.roles.manager}>`);
    const byManager = await run('manager', harness.roles.pilots);
    expect(String(byManager.data?.content)).toContain('Only members with the Manage Server permission');
    expect((await harness.ctx.guildSettings.get(harness.guildId))?.managerRoleId).toBe(harness.roles.manager);
  });

  it('GIVEN Discord refuses the slash commands WHEN the bot starts THEN it says what to check and leaves the gateway', async () => {
    const refusing = await FakeDiscord.start();
    try {
      refusing.failRequests({ method: 'PUT', path: /\/commands$/, failure: { kind: 'missing-access' } });
      const start = startBot({
        token: refusing.token,
        apiUrl: refusing.api,
        devGuildId: nextSnowflake(),
        commands: SLASH_COMMANDS,
        components: COMPONENT_HANDLERS,
        ctx: harness.ctx,
        log: silentLogger,
        readyTimeoutMs: 20_000,
      });
      await expect(start).rejects.toThrow(/Could not register the slash commands.*Check DEV_GUILD_ID/);
      await vi.waitFor(() => expect(refusing.connectedSessions).toBe(0), { timeout: 60_000 });
    } finally {
      await refusing.stop();
    }
  });

  it('answers a forged or unknown custom_id with advice instead of failing silently', async () => {
    for (const customId of ['trk1:toggle:abc', 'evil:1', 'trk9:add:1:location']) {
      const callback = await harness.button(customId);
      expect(callback.data?.content).toBe(UNKNOWN_COMPONENT_MESSAGE);
    }
  });
});
