// A claim survives a crash: the real `killtracker start` posts a PPK tracker's alert, a pilot claims while
// Discord refuses the roster edit, the process is killed with SIGKILL before the edit lands, and the
// restarted process edits the roster from the database.
import { rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type APIMessage, type APIUser, ComponentType } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buttonInteraction,
  EVERYONE_PERMISSIONS,
  FakeDiscord,
  fakeMember,
  fakeUser,
} from '../fakes/discord/index.ts';
import { FakeEsi } from '../fakes/esi.ts';
import { type FakeR2z2, startFakeR2z2 } from '../fakes/r2z2.ts';
import { type BotProcess, startBotProcess } from '../helpers/bot-process.ts';
import { runCliCapture } from '../helpers/cli.ts';
import { freshKill } from '../helpers/live-feed.ts';
import { migratedDataDir } from '../helpers/data-dir.ts';

const MINI_SDE = resolve(import.meta.dirname, '../fixtures/sde/mini');
const JITA = 30000142;
/** freshKill's second attacker: linked to the pilot below. */
const PILOT_CHARACTER = 2112000101;

const tackleField = (message: APIMessage) =>
  message.embeds[0]?.fields?.find((field) => field.name.startsWith('Tackle'));

describe('a PPK claim across a SIGKILL of killtracker start', () => {
  let dataDir: string;
  let discord: FakeDiscord;
  let esi: FakeEsi;
  let r2z2: FakeR2z2;
  let env: NodeJS.ProcessEnv;
  let guildId: string;
  let channelId: string;
  let pilot: APIUser;
  const processes: BotProcess[] = [];

  beforeAll(async () => {
    dataDir = migratedDataDir('kt-ppk-');
    pilot = fakeUser({ username: 'tackler' });
    discord = await FakeDiscord.start({
      guilds: [{ name: 'PPK', channels: [{ name: 'kills' }], members: [fakeMember(pilot)] }],
    });
    guildId = [...discord.guilds.keys()][0]!;
    channelId = discord.channelId('kills', guildId);
    esi = await FakeEsi.start({
      names: [{ id: PILOT_CHARACTER, name: 'Tackle Pilot', category: 'character' }],
    });
    r2z2 = await startFakeR2z2({ documents: [], firstSequence: 9000 });
    env = {
      DATA_DIR: dataDir,
      DISCORD_TOKEN: discord.token,
      DISCORD_API_URL: discord.api,
      R2Z2_URL: r2z2.url,
      ESI_URL: esi.url,
      SDE_URL: 'http://127.0.0.1:9/unused',
      ZKB_USER_AGENT: 'killtracker e2e tests',
      DELIVERY_LEASE_SECONDS: '2',
    };
    expect((await runCliCapture(['sde', 'update', '--file', MINI_SDE], env)).code).toBe(0);
    const trackers = join(dataDir, 'trackers.json');
    writeFileSync(trackers, JSON.stringify({ version: 1, name: 'Paid kills', ppk: true, clauses: {} }));
    expect(
      (await runCliCapture(['trackers', 'import', trackers, '--guild', guildId, '--channel', channelId], env))
        .code,
    ).toBe(0);
    const characters = join(dataDir, 'characters.json');
    writeFileSync(
      characters,
      JSON.stringify([{ discord_user_id: pilot.id, character_id: PILOT_CHARACTER, verified: false }]),
    );
    expect((await runCliCapture(['characters', 'import', characters, '--guild', guildId], env)).code).toBe(0);
  }, 120_000);

  afterAll(async () => {
    for (const child of processes) await child.kill('SIGKILL');
    await r2z2?.close();
    await esi?.stop();
    await discord?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const start = () => {
    const child = startBotProcess(['start'], env);
    processes.push(child);
    return child;
  };

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
