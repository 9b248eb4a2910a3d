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

const optionalPort = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value === undefined || value === '' ? undefined : Number(value)))
  .refine((value) => value === undefined || (Number.isInteger(value) && value > 0 && value < 65536), {
    error: 'must be a TCP port between 1 and 65535',
  });

export const envSchema = z.object({
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
  KILLMAIL_RETENTION_DAYS: positiveInt(7),
  METRICS_PORT: optionalPort,
  DELIVERY_LEASE_SECONDS: positiveInt(30),
  DEAD_LETTER_AFTER_FAILURES: positiveInt(3),
});

export type Env = z.infer<typeof envSchema>;

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
  KILLMAIL_RETENTION_DAYS: 'KILLMAIL_RETENTION_DAYS=7',
  METRICS_PORT: 'METRICS_PORT=9464',
  DELIVERY_LEASE_SECONDS: 'DELIVERY_LEASE_SECONDS=30',
  DEAD_LETTER_AFTER_FAILURES: 'DEAD_LETTER_AFTER_FAILURES=3',
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
