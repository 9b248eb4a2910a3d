// A claim survives a crash: the real `killtracker start` posts a PPK tracker's alert, a pilot claims while
// Discord refuses the roster edit, the process is killed with SIGKILL before the edit lands, and the
// restarted process edits the roster from the database.
import { type APIMessage, type APIUser, ComponentType } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buttonInteraction,
  EVERYONE_PERMISSIONS,
  type FakeDiscord,
  fakeMember,
  fakeUser,
} from '../fakes/discord/index.ts';
import type { FakeR2z2 } from '../fakes/r2z2.ts';
import { freshKill } from '../helpers/live-feed.ts';
import { type ProcessWorld, startProcessWorld } from '../helpers/process-world.ts';

const JITA = 30000142;
/** freshKill's second attacker: linked to the pilot below. */
const PILOT_CHARACTER = 2112000101;

const tackleField = (message: APIMessage) =>
  message.embeds[0]?.fields?.find((field) => field.name.startsWith('Tackle'));

describe('a PPK claim across a SIGKILL of killtracker start', () => {
  let world: ProcessWorld | undefined;
  let discord: FakeDiscord;
  let r2z2: FakeR2z2;
  let guildId: string;
  let channelId: string;
  let pilot: APIUser;

  beforeAll(async () => {
    pilot = fakeUser({ username: 'tackler' });
    world = await startProcessWorld({
      discord: { guilds: [{ name: 'PPK', channels: [{ name: 'kills' }], members: [fakeMember(pilot)] }] },
      esi: { names: [{ id: PILOT_CHARACTER, name: 'Tackle Pilot', category: 'character' }] },
      feed: { documents: [], firstSequence: 9000 },
    });
    ({ discord, r2z2 } = world);
    guildId = [...discord.guilds.keys()][0]!;
    channelId = discord.channelId('kills', guildId);
    await world.importTrackers(guildId, channelId, {
      version: 1,
      name: 'Paid kills',
      ppk: true,
      clauses: {},
    });
    await world.importCharacters(guildId, [
      { discord_user_id: pilot.id, character_id: PILOT_CHARACTER, verified: false },
    ]);
  }, 120_000);

  afterAll(async () => world?.stop());

  const start = () => world!.start();

  it('GIVEN a claim committed while Discord refuses the edit WHEN the process is killed and restarted THEN the roster shows the claim', async () => {
    const bot = start();
    await bot.waitForLog((line) => line.msg === 'Killtracker is running. Press Ctrl+C to stop.');
    r2z2.publish(freshKill(1, { systemId: JITA, attackers: 2, ageMs: 60_000 }));
    // The alert is posted with the claim buttons, then edited into the kill's PPK message.
    const [alert] = await discord.waitForMessages(channelId, 1, { timeoutMs: 60_000 });
    const posted = alert!;
    expect(
      posted.message.components?.flatMap((row) =>
        row.type === ComponentType.ActionRow ? row.components.map((button) => button.type) : [],
      ),
    ).toHaveLength(6);
    await discord.waitFor(() => tackleField(posted.message)?.name === 'Tackle (0)', {
      timeoutMs: 60_000,
      description: 'the alert edited into the PPK message',
    });

    discord.failRequests({
      method: 'PATCH',
      path: new RegExp(`^/channels/${channelId}/messages/`),
      failure: { kind: 'server-error', status: 503 },
      times: Number.POSITIVE_INFINITY,
    });
    const claimed = await discord.dispatchInteraction(
      buttonInteraction(
        discord,
        { guildId, channelId, user: pilot, memberPermissions: EVERYONE_PERMISSIONS },
        { customId: 'ppk1:claim:1:tackle', message: posted.message },
      ),
    );
    expect(claimed.data?.content).toContain('Claimed **Tackle** for **Tackle Pilot**');
    await discord.waitForRequest((call) => call.method === 'PATCH' && call.status === 503, {
      timeoutMs: 60_000,
    });
    expect(tackleField(posted.message)?.name).toBe('Tackle (0)');
    await bot.kill('SIGKILL');

    discord.clearFailures();
    const restarted = start();
    await discord
      .waitFor(() => tackleField(posted.message)?.name === 'Tackle (1)', {
        timeoutMs: 90_000,
        description: 'the roster edited after the restart',
      })
      .catch((error: Error) => {
        throw new Error(`${error.message}\n${restarted.output().slice(-4000)}`);
      });
    expect(tackleField(posted.message)?.value).toBe('Tackle Pilot');
    expect(await restarted.kill('SIGTERM')).toBe(0);
  }, 240_000);
});
