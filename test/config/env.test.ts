import { describe, expect, it } from 'vitest';
import { ConfigError, parseEnv } from '../../src/config/env.ts';
import { runCliCapture } from '../helpers/cli.ts';

function problems(source: NodeJS.ProcessEnv): string[] {
  try {
    parseEnv(source);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('configuration from the environment', () => {
  it('GIVEN nothing set THEN every default applies and PGlite is used (no DATABASE_URL)', () => {
    expect(parseEnv({})).toMatchObject({
      DATA_DIR: './data',
      LOG_LEVEL: 'info',
      R2Z2_URL: 'https://r2z2.zkillboard.com',
      ESI_URL: 'https://esi.evetech.net',
      DISCORD_API_URL: 'https://discord.com/api',
      SDE_URL: 'https://developers.eveonline.com/static-data/tranquility',
      MAX_AGE_MINUTES: 60,
      KILLMAIL_RETENTION_DAYS: 7,
      DELIVERY_LEASE_SECONDS: 30,
      DEAD_LETTER_AFTER_FAILURES: 3,
    });
    expect(parseEnv({}).DATABASE_URL).toBeUndefined();
    expect(parseEnv({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
  });

  it('GIVEN KILLMAIL_RETENTION_DAYS=0 THEN killmails are kept forever; a negative window is refused', () => {
    expect(parseEnv({ KILLMAIL_RETENTION_DAYS: '0' }).KILLMAIL_RETENTION_DAYS).toBe(0);
    expect(problems({ KILLMAIL_RETENTION_DAYS: '-1' })).toEqual([
      'KILLMAIL_RETENTION_DAYS: must be 0 or more (example: KILLMAIL_RETENTION_DAYS=7 (0 keeps killmails forever))',
    ]);
  });

  it('GIVEN nothing set THEN the per-guild limits and the preview pause have their defaults; each can be raised, not set to nonsense', () => {
    expect(parseEnv({})).toMatchObject({
      MAX_TRACKERS_PER_GUILD: 100,
      MAX_LIST_ENTRIES_PER_CLAUSE: 1000,
      MAX_LIST_ENTRIES_PER_GUILD: 10_000,
      PREVIEW_COOLDOWN_SECONDS: 10,
    });
    expect(
      parseEnv({
        MAX_TRACKERS_PER_GUILD: '500',
        MAX_LIST_ENTRIES_PER_CLAUSE: '5000',
        MAX_LIST_ENTRIES_PER_GUILD: '200000',
        PREVIEW_COOLDOWN_SECONDS: '0',
      }),
    ).toMatchObject({
      MAX_TRACKERS_PER_GUILD: 500,
      MAX_LIST_ENTRIES_PER_CLAUSE: 5000,
      MAX_LIST_ENTRIES_PER_GUILD: 200_000,
      PREVIEW_COOLDOWN_SECONDS: 0,
    });
    expect(problems({ MAX_TRACKERS_PER_GUILD: '0', MAX_LIST_ENTRIES_PER_CLAUSE: '200000' })).toEqual([
      'MAX_TRACKERS_PER_GUILD: must be 1 or more (example: MAX_TRACKERS_PER_GUILD=100)',
      'MAX_LIST_ENTRIES_PER_CLAUSE: must be at most 100000 entries (example: MAX_LIST_ENTRIES_PER_CLAUSE=1000)',
    ]);
  });

  it("GIVEN a default max age over 7 days THEN it is refused like a tracker's", () => {
    expect(problems({ MAX_AGE_MINUTES: '20000' })).toEqual([
      'MAX_AGE_MINUTES: must be at most 10080 (7 days) (example: MAX_AGE_MINUTES=60)',
    ]);
  });

  it('GIVEN several bad values THEN one readable line per problem names the variable, the problem and an example', () => {
    const lines = problems({
      LOG_LEVEL: 'loud',
      R2Z2_URL: 'ftp://example.com',
      MAX_AGE_MINUTES: '-5',
      HTTP_PORT: '70000',
      DATABASE_URL: 'mysql://localhost/db',
      DEV_GUILD_ID: 'my-server',
    });
    expect(lines).toHaveLength(6);
    expect(lines.find((line) => line.startsWith('LOG_LEVEL:'))).toContain('example: LOG_LEVEL=info');
    expect(lines.find((line) => line.startsWith('R2Z2_URL:'))).toContain('http(s) URL');
    expect(lines.find((line) => line.startsWith('MAX_AGE_MINUTES:'))).toContain('> 0');
    expect(lines.find((line) => line.startsWith('HTTP_PORT:'))).toContain('65535');
    expect(lines.find((line) => line.startsWith('DATABASE_URL:'))).toContain('postgres://');
    expect(lines.find((line) => line.startsWith('DEV_GUILD_ID:'))).toContain('17-20 digits');
  });

  it('GIVEN METRICS_PORT (the old name) THEN it is the HTTP port; HTTP_PORT wins when both agree, and differing values are refused', () => {
    expect(parseEnv({ METRICS_PORT: '9464' }).HTTP_PORT).toBe(9464);
    expect(parseEnv({ HTTP_PORT: '8080', METRICS_PORT: '8080' }).HTTP_PORT).toBe(8080);
    expect(problems({ HTTP_PORT: '8080', METRICS_PORT: '9464' })).toEqual([
      expect.stringMatching(/^METRICS_PORT: is the old name of HTTP_PORT.*example: HTTP_PORT=8080/),
    ]);
  });

  it("GIVEN EVE SSO settings THEN they come all together with an HTTP port, and CCP's endpoints are the defaults", () => {
    const sso = {
      EVE_SSO_CLIENT_ID: 'client',
      EVE_SSO_SECRET: 'secret',
      PUBLIC_URL: 'https://kt.example.com/',
      HTTP_PORT: '8080',
    };
    expect(parseEnv(sso)).toMatchObject({
      PUBLIC_URL: 'https://kt.example.com',
      EVE_SSO_AUTHORIZE_URL: 'https://login.eveonline.com/v2/oauth/authorize',
      EVE_SSO_TOKEN_URL: 'https://login.eveonline.com/v2/oauth/token',
      EVE_SSO_JWKS_URL: 'https://login.eveonline.com/oauth/jwks',
      DISCORD_GUILD_MEMBERS_INTENT: true,
    });
    const partial = problems({ EVE_SSO_CLIENT_ID: 'client' });
    expect(partial).toHaveLength(2);
    expect(partial.find((line) => line.startsWith('EVE_SSO_SECRET:'))).toContain('is needed for EVE SSO');
    expect(partial.find((line) => line.startsWith('PUBLIC_URL:'))).toContain('example: PUBLIC_URL=https://');
    expect(problems({ ...sso, HTTP_PORT: '' })).toEqual([
      expect.stringMatching(/^HTTP_PORT: is needed for EVE SSO/),
    ]);
    expect(parseEnv({ DISCORD_GUILD_MEMBERS_INTENT: 'false' }).DISCORD_GUILD_MEMBERS_INTENT).toBe(false);
    expect(problems({ DISCORD_GUILD_MEMBERS_INTENT: 'maybe' })).toEqual([
      expect.stringMatching(/^DISCORD_GUILD_MEMBERS_INTENT: must be true or false/),
    ]);
  });

  it("GIVEN no SHARD_COUNT THEN the process serves Discord's recommended shards; SHARD_IDS takes ids and ranges within SHARD_COUNT", () => {
    expect(parseEnv({}).SHARD_COUNT).toBeUndefined();
    expect(parseEnv({}).SHARD_IDS).toBeUndefined();
    expect(parseEnv({ SHARD_COUNT: '4' }).SHARD_COUNT).toBe(4);
    expect(parseEnv({ SHARD_COUNT: '4' }).SHARD_IDS).toBeUndefined();
    expect(
      parseEnv({ SHARD_COUNT: '8', SHARD_IDS: '6-7, 0,2', DATABASE_URL: 'postgres://db/kt' }),
    ).toMatchObject({
      SHARD_COUNT: 8,
      SHARD_IDS: [0, 2, 6, 7],
    });
    expect(problems({ SHARD_COUNT: '0', SHARD_IDS: '1-x' })).toEqual([
      expect.stringMatching(/^SHARD_COUNT: must be a whole number from 1 to .*example: SHARD_COUNT=4/),
      expect.stringMatching(
        /^SHARD_IDS: "1-x" is not a shard id or a range of them .*example: SHARD_IDS=0,1/,
      ),
    ]);
    expect(problems({ SHARD_IDS: '0' })).toEqual([
      expect.stringMatching(/^SHARD_IDS: needs SHARD_COUNT, the number of shards over all processes/),
    ]);
    expect(problems({ SHARD_COUNT: '2', SHARD_IDS: '1,2', DATABASE_URL: 'postgres://db/kt' })).toEqual([
      expect.stringMatching(/^SHARD_IDS: names shard 2, but SHARD_COUNT=2 numbers them 0 to 1/),
    ]);
  });

  it('GIVEN SHARD_IDS naming only some shards and no DATABASE_URL THEN it is refused: the embedded database cannot be shared', () => {
    expect(problems({ SHARD_COUNT: '2', SHARD_IDS: '1' })).toEqual([
      expect.stringMatching(
        /^SHARD_IDS: serves 1 of 2 shards, .*the embedded database \(PGlite\) belongs to one process\. Set DATABASE_URL/,
      ),
    ]);
    // Every shard in one process, or several processes on PostgreSQL, are fine.
    expect(parseEnv({ SHARD_COUNT: '2', SHARD_IDS: '0-1' }).SHARD_IDS).toEqual([0, 1]);
    expect(
      parseEnv({ SHARD_COUNT: '2', SHARD_IDS: '1', DATABASE_URL: 'postgres://db/kt' }).SHARD_IDS,
    ).toEqual([1]);
  });

  it('GIVEN SHARD_IDS without PostgreSQL WHEN starting THEN the command names the problem and exits 1 before touching Discord', async () => {
    const result = await runCliCapture(['start'], {
      DISCORD_TOKEN: 'token',
      SHARD_COUNT: '2',
      SHARD_IDS: '0',
      DATABASE_URL: '',
    });
    expect(result.code).toBe(1);
    expect(result.err.join('\n')).toContain('SHARD_IDS: serves 1 of 2 shards');
    expect(result.err.join('\n')).not.toContain('    at ');
  });

  it('trims trailing slashes of service URLs so paths join cleanly', () => {
    expect(parseEnv({ R2Z2_URL: 'http://127.0.0.1:8080/' }).R2Z2_URL).toBe('http://127.0.0.1:8080');
  });

  it('GIVEN an invalid value WHEN a command runs THEN it prints the problems and exits 1 without a stack trace', async () => {
    const result = await runCliCapture(['sde', 'status'], { LOG_LEVEL: 'loud' });
    expect(result.code).toBe(1);
    expect(result.err.join('\n')).toContain('LOG_LEVEL: must be one of');
    expect(result.err.join('\n')).not.toContain('    at ');
  });

  it('GIVEN no DISCORD_TOKEN WHEN starting THEN it says exactly how to get and set one', async () => {
    const result = await runCliCapture(['start'], { DISCORD_TOKEN: '' });
    expect(result.code).toBe(1);
    const text = result.err.join('\n');
    expect(text).toContain('DISCORD_TOKEN is not set');
    expect(text).toContain('discord.com/developers/applications');
    expect(text).toContain('DISCORD_TOKEN=your-token-here');
    // The invite asks for every permission the README's Quick start lists, and the members intent.
    for (const permission of [
      'View Channels',
      'Send Messages',
      'Embed Links',
      'Read Message History',
      'Mention Everyone',
    ])
      expect(text).toContain(permission);
    expect(text).toContain('Server Members Intent');
  });

  it('GIVEN an unknown command THEN it points to help and exits 2', async () => {
    const result = await runCliCapture(['launch'], {});
    expect(result.code).toBe(2);
    expect(result.err.join('\n')).toContain('killtracker help');
    const help = await runCliCapture(['help'], {});
    expect(help.code).toBe(0);
    for (const command of ['start', 'sde update', 'route', 'trackers', 'replay']) {
      expect(help.out.join('\n')).toContain(command);
    }
  });
});

describe('database connection problems', () => {
  it('GIVEN a DATABASE_URL where nothing answers THEN the command says so without the password or a stack trace', async () => {
    const result = await runCliCapture(['sde', 'status'], {
      DATABASE_URL: 'postgres://killtracker:hunter2@127.0.0.1:9/killtracker',
    });
    expect(result.code).toBe(1);
    const text = result.err.join('\n');
    expect(text).toContain(
      'Could not use the database at postgres://killtracker:***@127.0.0.1:9/killtracker',
    );
    expect(text).toContain('is PostgreSQL running there');
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('    at ');
  });
});
