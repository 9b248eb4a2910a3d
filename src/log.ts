// Process logger: JSON lines in production, pretty output in a terminal. Secrets never reach it: the
// bot token and interaction tokens are redacted, and errors are logged as message, code and cause only
// (never a failed query's parameters, which hold whole killmails).
import { createRequire } from 'node:module';
import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger };

const REDACT = [
  'token',
  '*.token',
  'DISCORD_TOKEN',
  '*.DISCORD_TOKEN',
  'authorization',
  '*.authorization',
  'headers.authorization',
  '*.headers.authorization',
  'databaseUrl',
  '*.databaseUrl',
];

const CENSOR = '[redacted]';

/**
 * Interaction tokens sit in URL paths (`/webhooks/<app>/<token>`, `/interactions/<id>/<token>/`) and the
 * bot token after "Bot " in an Authorization header: anyone holding them can answer as the bot.
 */
const SECRETS_IN_TEXT: ReadonlyArray<[RegExp, string]> = [
  [/(\/webhooks\/\d+\/)[^/?#\s"'`]+/g, `$1${CENSOR}`],
  [/(\/interactions\/\d+\/)[^/?#\s"'`]+/g, `$1${CENSOR}`],
  [/\bBot [\w-]{10,}\.[\w-]+\.[\w-]+/g, `Bot ${CENSOR}`],
];

/** The text with interaction and bot tokens replaced by "[redacted]". */
export function redactSecrets(text: string): string {
  let result = text;
  for (const [pattern, replacement] of SECRETS_IN_TEXT) result = result.replace(pattern, replacement);
  return result;
}

/** Long driver messages (a value echoed back) are cut: a log line is no place for a document. */
const MAX_TEXT = 500;
/** Error fields worth keeping besides the message: PostgreSQL's and Node's codes, Discord's request. */
const ERROR_TEXT_FIELDS = ['code', 'detail', 'hint', 'table', 'column', 'constraint', 'method', 'url'];
const MAX_CAUSES = 4;

function safeText(text: string): string {
  const redacted = redactSecrets(text);
  return redacted.length > MAX_TEXT ? `${redacted.slice(0, MAX_TEXT)}… (${redacted.length} chars)` : redacted;
}

/** drizzle puts the parameters after the SQL ("Failed query: ...\nparams: ..."): keep the SQL only. */
function messageWithoutParameters(message: string): string {
  const at = message.indexOf('\nparams:');
  return at === -1 ? message : message.slice(0, at);
}

/**
 * An error as it is logged: type, message, the codes and where it happened, then its causes the same
 * way. Numbers and booleans (status, killmail id) are kept; every other field is left out, because
 * drivers attach the failed query's parameters (PGlite's `params`, drizzle's `params`).
 */
export function serializeError(error: unknown, depth = 0): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: safeText(String(error)) };
  const type = error.constructor?.name ?? error.name;
  const message = safeText(messageWithoutParameters(error.message));
  const result: Record<string, unknown> = { type, message };
  const fields = error as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(fields)) {
    if (typeof value === 'number' || typeof value === 'boolean') result[key] = value;
  }
  for (const key of ERROR_TEXT_FIELDS) {
    const value = fields[key];
    if (typeof value === 'string' && value !== '') result[key] = safeText(value);
  }
  const frames = error.stack?.split('\n').filter((line) => line.startsWith('    at ')) ?? [];
  if (frames.length > 0) result.stack = `${type}: ${message}\n${frames.slice(0, 12).join('\n')}`;
  if (error.cause !== undefined && depth < MAX_CAUSES) result.cause = serializeError(error.cause, depth + 1);
  return result;
}

/** Strings anywhere in a log line's fields, redacted (errors are handled by serializeError). */
function redactFields(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactSecrets(value);
  if (depth > 4 || typeof value !== 'object' || value === null || value instanceof Error) return value;
  if (Array.isArray(value)) return value.map((item) => redactFields(item, depth + 1));
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactFields(item, depth + 1)]));
}

export interface LoggerOptions {
  level?: string;
  /** Force pretty or JSON output; defaults to pretty when stderr is a terminal and pino-pretty is there. */
  pretty?: boolean;
  /** Where JSON lines go (default stderr); tests pass a stream to read them. */
  destination?: DestinationStream;
}

/** pino-pretty is a development dependency: an install without them (npm ci --omit=dev) logs JSON. */
function prettyPrinterInstalled(): boolean {
  try {
    createRequire(import.meta.url).resolve('pino-pretty');
    return true;
  } catch {
    return false;
  }
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const level = options.level ?? 'info';
  const pretty =
    options.pretty ??
    (options.destination === undefined && Boolean(process.stderr.isTTY) && prettyPrinterInstalled());
  const base = {
    level,
    redact: { paths: REDACT, censor: CENSOR },
    serializers: {
      err: (error: unknown) => serializeError(error),
      error: (error: unknown) => serializeError(error),
    },
    formatters: { log: (fields: Record<string, unknown>) => redactFields(fields) as Record<string, unknown> },
    hooks: {
      logMethod(this: Logger, args: unknown[], method: (...args: unknown[]) => void) {
        const [first, ...rest] = args;
        // log.error(error) would print error.message as the line's message, parameters and all.
        const safe =
          first instanceof Error
            ? [{ err: first }, ...(rest.length > 0 ? rest : [serializeError(first).message])]
            : args;
        method.apply(
          this,
          safe.map((arg) => (typeof arg === 'string' ? redactSecrets(arg) : arg)),
        );
      },
    },
  };
  if (pretty) {
    return pino({
      ...base,
      transport: {
        target: 'pino-pretty',
        options: { destination: 2, colorize: true, translateTime: 'SYS:HH:MM:ss' },
      },
    });
  }
  return pino(base, options.destination ?? pino.destination(2));
}

/** A logger that drops everything: for tests and library callers that pass none. */
export const silentLogger: Logger = pino({ level: 'silent' });

/** Removes the password from a database URL before it is shown anywhere. */
export function describeDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://(unparseable url)';
  }
}
