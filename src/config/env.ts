// One schema for every environment variable: validated once at start-up, readable errors.
import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const httpUrl = (fallback: string) =>
  z
    .string()
    .trim()
    .default(fallback)
    .transform((value) => value.replace(/\/+$/, ''))
    .pipe(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }));

const positiveInt = (fallback: number) =>
  z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .positive('must be > 0')
    .default(fallback);

const wholeNumber = (fallback: number, min: number, max: number, unit: string) =>
  z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(min, `must be ${min} or more`)
    .max(max, `must be at most ${max} ${unit}`)
    .default(fallback);

const optionalUrl = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value === undefined || value === '' ? undefined : value.replace(/\/+$/, '')))
  .pipe(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional());

const flag = (fallback: boolean) =>
  z
    .string()
    .trim()
    .toLowerCase()
    .optional()
    .transform((value) => (value === undefined || value === '' ? String(fallback) : value))
    .pipe(z.enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'must be true or false' }))
    .transform((value) => value === 'true' || value === '1' || value === 'yes');

const optionalPort = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value === undefined || value === '' ? undefined : Number(value)))
  .refine((value) => value === undefined || (Number.isInteger(value) && value > 0 && value < 65536), {
    error: 'must be a TCP port between 1 and 65535',
  });

/** Far above what any bot needs (Discord recommends one shard per ~1,000 guilds). */
const MAX_SHARD_ID = 65_535;

/** `0,1,4-7`: shard ids and inclusive ranges, separated by commas. */
const shardIdList = z
  .string()
  .trim()
  .optional()
  .transform((value, ctx) => {
    if (value === undefined || value === '') return undefined;
    const ids = new Set<number>();
    for (const part of value.split(',').map((item) => item.trim())) {
      const range = /^(\d+)(?:\s*-\s*(\d+))?$/.exec(part);
      const first = Number(range?.[1]);
      const last = range?.[2] === undefined ? first : Number(range[2]);
      if (!range || last < first || last > MAX_SHARD_ID) {
        ctx.addIssue({
          code: 'custom',
          message: `"${part}" is not a shard id or a range of them (ids from 0, e.g. 0,1 or 4-7)`,
        });
        return z.NEVER;
      }
      for (let id = first; id <= last; id++) ids.add(id);
    }
    return [...ids].sort((a, b) => a - b);
  });

const variables = z.object({
  DISCORD_TOKEN: optionalString,
  DEV_GUILD_ID: optionalString.refine((value) => value === undefined || /^\d{17,20}$/.test(value), {
    error: 'must be a Discord guild id (17-20 digits)',
  }),
  DATABASE_URL: optionalString.refine((value) => value === undefined || /^postgres(ql)?:\/\//.test(value), {
    error: 'must start with postgres:// or postgresql://',
  }),
  DATA_DIR: z.string().trim().min(1).default('./data'),
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
  ZKB_USER_AGENT: z
    .string()
    .trim()
    .default('Killtracker for Discord (self-hosted; set ZKB_USER_AGENT to your contact)'),
  R2Z2_URL: httpUrl('https://r2z2.zkillboard.com'),
  ESI_URL: httpUrl('https://esi.evetech.net'),
  DISCORD_API_URL: httpUrl('https://discord.com/api'),
  SDE_URL: httpUrl('https://developers.eveonline.com/static-data/tranquility'),
  // Like a tracker's max_age_minutes: at most 7 days.
  MAX_AGE_MINUTES: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .positive('must be > 0')
    .max(10_080, 'must be at most 10080 (7 days)')
    .default(60),
  /** 0 keeps killmails forever. */
  KILLMAIL_RETENTION_DAYS: wholeNumber(7, 0, 36_500, 'days'),
  /** Serves /healthz, /metrics and the EVE SSO callback. */
  HTTP_PORT: optionalPort,
  /** The older name of HTTP_PORT, still accepted. */
  METRICS_PORT: optionalPort,
  DELIVERY_LEASE_SECONDS: positiveInt(30),
  /** Ask Discord for the privileged Guild Members intent (members' live roles for the *_roles clauses). */
  DISCORD_GUILD_MEMBERS_INTENT: flag(true),
  /** Where the bot's HTTP server is reachable from the internet (EVE SSO sends members back there). */
  PUBLIC_URL: optionalUrl,
  EVE_SSO_CLIENT_ID: optionalString,
  EVE_SSO_SECRET: optionalString,
  EVE_SSO_AUTHORIZE_URL: httpUrl('https://login.eveonline.com/v2/oauth/authorize'),
  EVE_SSO_TOKEN_URL: httpUrl('https://login.eveonline.com/v2/oauth/token'),
  EVE_SSO_JWKS_URL: httpUrl('https://login.eveonline.com/oauth/jwks'),
  DEAD_LETTER_AFTER_FAILURES: positiveInt(3),
  // Per-guild limits: one server cannot grow the bot's memory, matching or database for everyone.
  MAX_TRACKERS_PER_GUILD: wholeNumber(100, 1, 10_000, 'trackers'),
  /** Up to the engine's ceiling for one list. */
  MAX_LIST_ENTRIES_PER_CLAUSE: wholeNumber(1000, 1, 100_000, 'entries'),
  MAX_LIST_ENTRIES_PER_GUILD: wholeNumber(10_000, 1, 10_000_000, 'entries'),
  /** The pause after a guild's preview or test post before its next one (0 = none, one at a time still). */
  PREVIEW_COOLDOWN_SECONDS: wholeNumber(10, 0, 3600, 'seconds'),
  /** Gateway shards of the whole bot, over every process; unset: Discord's recommended count, all here. */
  SHARD_COUNT: z
    .string()
    .trim()
    .optional()
    .transform((value) => (value === undefined || value === '' ? undefined : Number(value)))
    .refine(
      (value) => value === undefined || (Number.isInteger(value) && value >= 1 && value <= MAX_SHARD_ID + 1),
      { error: `must be a whole number from 1 to ${MAX_SHARD_ID + 1}` },
    ),
  /** The shards this process serves; unset: all SHARD_COUNT of them. */
  SHARD_IDS: shardIdList,
});

/** Every environment variable the bot reads (the README's Configuration table lists each). */
export const ENV_VARIABLE_NAMES: readonly string[] = Object.keys(variables.shape);

const SSO_VARIABLES = ['EVE_SSO_CLIENT_ID', 'EVE_SSO_SECRET', 'PUBLIC_URL'] as const;

export const envSchema = variables
  .superRefine((env, ctx) => {
    checkShards(env, ctx);
    if (env.HTTP_PORT !== undefined && env.METRICS_PORT !== undefined && env.HTTP_PORT !== env.METRICS_PORT) {
      ctx.addIssue({
        code: 'custom',
        path: ['METRICS_PORT'],
        message: 'is the old name of HTTP_PORT and differs from it: set HTTP_PORT only',
      });
    }
    if (env.EVE_SSO_CLIENT_ID === undefined && env.EVE_SSO_SECRET === undefined) return;
    const missing = SSO_VARIABLES.filter((name) => env[name] === undefined);
    for (const name of missing) {
      ctx.addIssue({
        code: 'custom',
        path: [name],
        message: `is needed for EVE SSO (set ${SSO_VARIABLES.join(', ')} together, or none of them)`,
      });
    }
    if (missing.length === 0 && env.HTTP_PORT === undefined && env.METRICS_PORT === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['HTTP_PORT'],
        message: 'is needed for EVE SSO: the login callback is served on it (behind PUBLIC_URL)',
      });
    }
  })
  .transform(({ METRICS_PORT, ...env }) => ({ ...env, HTTP_PORT: env.HTTP_PORT ?? METRICS_PORT }));

export type Env = z.infer<typeof envSchema>;

/** SHARD_IDS needs SHARD_COUNT and fits in it; serving only some shards needs a shared PostgreSQL. */
function checkShards(env: z.infer<typeof variables>, ctx: z.RefinementCtx): void {
  if (env.SHARD_IDS === undefined) return;
  if (env.SHARD_COUNT === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['SHARD_IDS'],
      message: 'needs SHARD_COUNT, the number of shards over all processes',
    });
    return;
  }
  const count = env.SHARD_COUNT;
  const outside = env.SHARD_IDS.filter((id) => id >= count);
  if (outside.length > 0) {
    ctx.addIssue({
      code: 'custom',
      path: ['SHARD_IDS'],
      message: `names shard ${outside.join(', ')}, but SHARD_COUNT=${count} numbers them 0 to ${count - 1}`,
    });
    return;
  }
  if (env.SHARD_IDS.length < count && env.DATABASE_URL === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['SHARD_IDS'],
      message:
        `serves ${env.SHARD_IDS.length} of ${count} shards, so other processes serve the rest, and they must ` +
        'share one database: the embedded database (PGlite) belongs to one process. Set DATABASE_URL to a ' +
        'PostgreSQL database for every process, or unset SHARD_IDS to serve every shard here',
    });
  }
}

/** An example value per variable, shown next to the problem so the fix is obvious. */
const EXAMPLES: Record<string, string> = {
  DISCORD_TOKEN: 'DISCORD_TOKEN=MTE4...your-bot-token',
  DEV_GUILD_ID: 'DEV_GUILD_ID=123456789012345678',
  DATABASE_URL: 'DATABASE_URL=postgres://user:password@localhost:5432/killtracker',
  DATA_DIR: 'DATA_DIR=./data',
  LOG_LEVEL: 'LOG_LEVEL=info',
  ZKB_USER_AGENT: 'ZKB_USER_AGENT="Killtracker (contact: you@example.com)"',
  R2Z2_URL: 'R2Z2_URL=https://r2z2.zkillboard.com',
  ESI_URL: 'ESI_URL=https://esi.evetech.net',
  DISCORD_API_URL: 'DISCORD_API_URL=https://discord.com/api',
  SDE_URL: 'SDE_URL=https://developers.eveonline.com/static-data/tranquility',
  MAX_AGE_MINUTES: 'MAX_AGE_MINUTES=60',
  KILLMAIL_RETENTION_DAYS: 'KILLMAIL_RETENTION_DAYS=7 (0 keeps killmails forever)',
  HTTP_PORT: 'HTTP_PORT=8080',
  METRICS_PORT: 'HTTP_PORT=8080',
  DELIVERY_LEASE_SECONDS: 'DELIVERY_LEASE_SECONDS=30',
  DISCORD_GUILD_MEMBERS_INTENT: 'DISCORD_GUILD_MEMBERS_INTENT=false',
  PUBLIC_URL: 'PUBLIC_URL=https://killtracker.example.com',
  EVE_SSO_CLIENT_ID: 'EVE_SSO_CLIENT_ID=<Client ID from developers.eveonline.com>',
  EVE_SSO_SECRET: 'EVE_SSO_SECRET=<Secret Key from developers.eveonline.com>',
  EVE_SSO_AUTHORIZE_URL: 'EVE_SSO_AUTHORIZE_URL=https://login.eveonline.com/v2/oauth/authorize',
  EVE_SSO_TOKEN_URL: 'EVE_SSO_TOKEN_URL=https://login.eveonline.com/v2/oauth/token',
  EVE_SSO_JWKS_URL: 'EVE_SSO_JWKS_URL=https://login.eveonline.com/oauth/jwks',
  DEAD_LETTER_AFTER_FAILURES: 'DEAD_LETTER_AFTER_FAILURES=3',
  MAX_TRACKERS_PER_GUILD: 'MAX_TRACKERS_PER_GUILD=100',
  MAX_LIST_ENTRIES_PER_CLAUSE: 'MAX_LIST_ENTRIES_PER_CLAUSE=1000',
  MAX_LIST_ENTRIES_PER_GUILD: 'MAX_LIST_ENTRIES_PER_GUILD=10000',
  PREVIEW_COOLDOWN_SECONDS: 'PREVIEW_COOLDOWN_SECONDS=10',
  SHARD_COUNT: 'SHARD_COUNT=4',
  SHARD_IDS: 'SHARD_IDS=0,1',
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((line) => `  ${line}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Validates the environment; throws ConfigError with one line per problem. */
export function parseEnv(source: NodeJS.ProcessEnv): Env {
  const result = envSchema.safeParse(source);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const name = String(issue.path[0] ?? '?');
    const example = EXAMPLES[name];
    return `${name}: ${issue.message}${example ? ` (example: ${example})` : ''}`;
  });
  throw new ConfigError(problems);
}
