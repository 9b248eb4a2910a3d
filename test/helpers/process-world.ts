// What tests running `killtracker start` as a child process stand on: the fake Discord, ESI and R2Z2
// feed, a DATA_DIR (a copy of the migrated embedded database, or a plain folder beside PostgreSQL) with
// the mini SDE imported, the environment pointing the bot at all of them, and the command line to add
// trackers and characters. stop() kills every process it started and closes what it opened, however far
// the setup got.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { FakeDiscord, type FakeDiscordOptions } from '../fakes/discord/index.ts';
import { FakeEsi, type FakeEsiOptions } from '../fakes/esi.ts';
import { type FakeR2z2, type FakeR2z2Options, startFakeR2z2 } from '../fakes/r2z2.ts';
import { type BotProcess, startBotProcess } from './bot-process.ts';
import { runCliCapture } from './cli.ts';
import { migratedDataDir } from './data-dir.ts';
import { MINI_SDE } from './repo-paths.ts';

export interface ProcessWorldOptions {
  discord: FakeDiscordOptions;
  esi?: FakeEsiOptions;
  feed: FakeR2z2Options;
  /** The bot's database; none = the embedded one in DATA_DIR. */
  databaseUrl?: string | undefined;
  /** More settings for every process (and command) of this world. */
  env?: NodeJS.ProcessEnv;
}

export interface ProcessWorld {
  readonly dataDir: string;
  readonly discord: FakeDiscord;
  readonly esi: FakeEsi;
  readonly r2z2: FakeR2z2;
  readonly env: NodeJS.ProcessEnv;
  /** Starts `killtracker start` with the world's settings and `env` on top. */
  start(env?: NodeJS.ProcessEnv): BotProcess;
  /** Imports tracker definitions with the command line; fails the test when it refuses them. */
  importTrackers(guildId: string, channelId: string, definitions: unknown): Promise<void>;
  /** Imports character links (`characters import`'s format) for a guild. */
  importCharacters(guildId: string, links: unknown): Promise<void>;
  stop(): Promise<void>;
}

export async function startProcessWorld(options: ProcessWorldOptions): Promise<ProcessWorld> {
  const processes: BotProcess[] = [];
  const opened: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const child of processes.splice(0)) await child.kill('SIGKILL');
    for (const close of opened.splice(0).reverse()) await close();
  };
  try {
    const dataDir =
      options.databaseUrl === undefined
        ? migratedDataDir('kt-process-')
        : mkdtempSync(join(tmpdir(), 'kt-process-'));
    opened.push(async () => rmSync(dataDir, { recursive: true, force: true }));
    const discord = await FakeDiscord.start(options.discord);
    opened.push(() => discord.stop());
    const esi = await FakeEsi.start(options.esi);
    opened.push(() => esi.stop());
    const r2z2 = await startFakeR2z2(options.feed);
    opened.push(() => r2z2.close());
    const env: NodeJS.ProcessEnv = {
      DATA_DIR: dataDir,
      ...(options.databaseUrl !== undefined && { DATABASE_URL: options.databaseUrl }),
      DISCORD_TOKEN: discord.token,
      DISCORD_API_URL: discord.api,
      R2Z2_URL: r2z2.url,
      ESI_URL: esi.url,
      SDE_URL: 'http://127.0.0.1:9/unused',
      ZKB_USER_AGENT: 'killtracker process tests',
      DELIVERY_LEASE_SECONDS: '2',
      ...options.env,
    };
    const cli = async (args: string[], file: string, content: unknown) => {
      const path = join(dataDir, file);
      writeFileSync(path, JSON.stringify(content));
      const run = await runCliCapture([...args.slice(0, 2), path, ...args.slice(2)], env);
      expect(run.code, run.err.join('\n')).toBe(0);
    };
    const sde = await runCliCapture(['sde', 'update', '--file', MINI_SDE], env);
    expect(sde.code, sde.err.join('\n')).toBe(0);
    return {
      dataDir,
      discord,
      esi,
      r2z2,
      env,
      start(extra = {}) {
        const child = startBotProcess(['start'], { ...env, ...extra });
        processes.push(child);
        return child;
      },
      importTrackers: (guildId, channelId, definitions) =>
        cli(['trackers', 'import', '--guild', guildId, '--channel', channelId], 'trackers.json', definitions),
      importCharacters: (guildId, links) =>
        cli(['characters', 'import', '--guild', guildId], 'characters.json', links),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
