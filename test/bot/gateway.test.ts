import { MessageFlags } from 'discord-api-types/v10';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { NO_PERMISSION_MESSAGE, UNKNOWN_COMPONENT_MESSAGE } from '../../src/bot/interaction-router.ts';
import { startBot } from '../../src/bot/start-bot.ts';
import { COMPONENT_HANDLERS, SLASH_COMMANDS } from '../../src/commands/index.ts';
import { silentLogger } from '../../src/log.ts';
import { chatInputInteraction, FakeDiscord, nextSnowflake } from '../fakes/discord/index.ts';
import { type BotHarness, option, startBotHarness } from '../helpers/bot-harness.ts';
import { describeEachDatabase } from '../helpers/database.ts';

describeEachDatabase('gateway bot: registration, permissions, error boundary', (getDb) => {
  let harness: BotHarness;
  beforeAll(async () => {
    harness = await startBotHarness(getDb().handle);
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

  it('registers its commands globally with Manage Server as the default permission', () => {
    const names = harness.fake.commands().map((command) => command.name);
    expect(names).toContain('killtracker');
    for (const command of harness.fake.commands()) expect(command.default_member_permissions).toBe('32');
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
