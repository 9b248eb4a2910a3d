// Process logger: JSON lines in production, pretty output in a terminal; secrets are redacted.
import { createRequire } from 'node:module';
import pino, { type Logger } from 'pino';

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

export interface LoggerOptions {
  level?: string;
  /** Force pretty or JSON output; defaults to pretty when stderr is a terminal and pino-pretty is there. */
  pretty?: boolean;
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
  const pretty = options.pretty ?? (Boolean(process.stderr.isTTY) && prettyPrinterInstalled());
  const base = { level, redact: { paths: REDACT, censor: '[redacted]' } };
  if (pretty) {
    return pino({
      ...base,
      transport: {
        target: 'pino-pretty',
        options: { destination: 2, colorize: true, translateTime: 'SYS:HH:MM:ss' },
      },
    });
  }
  return pino(base, pino.destination(2));
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
