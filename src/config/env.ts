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
  KILLMAIL_RETENTION_DAYS: positiveInt(7),
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
});

const SSO_VARIABLES = ['EVE_SSO_CLIENT_ID', 'EVE_SSO_SECRET', 'PUBLIC_URL'] as const;

export const envSchema = variables
  .superRefine((env, ctx) => {
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
