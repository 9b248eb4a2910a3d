// Recognizes PostgreSQL error codes through the wrappers of drizzle, postgres.js and PGlite.

function sqlState(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

export const isUniqueViolation = (error: unknown): boolean => sqlState(error) === '23505';

const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'ECONNRESET',
  'EHOSTUNREACH',
]);
const SERVER_ADVICE: Record<string, string> = {
  '28P01': 'the password was rejected',
  '28000': 'the user may not connect',
  '3D000': 'the database does not exist (create it first, e.g. createdb killtracker)',
};

/**
 * A sentence for an error reaching the database at start-up (server down, wrong host, bad password,
 * missing database), or undefined when the error is something else.
 */
export function databaseConnectionProblem(error: unknown, where: string): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return undefined;
  const reason = CONNECTION_CODES.has(code)
    ? `nothing answered (${code}), is PostgreSQL running there`
    : SERVER_ADVICE[code];
  return reason === undefined
    ? undefined
    : `Could not use the database at ${where}: ${reason}. Check DATABASE_URL.`;
}
