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

/**
 * SQLSTATE classes that are about the data of one statement: 22 data exception (out of range, bad
 * encoding, bad date), 23 integrity violation, 54 program limit (too deep, too large). Running the same
 * statement again fails the same way.
 */
const DATA_ERROR_CLASSES = new Set(['22', '23', '54']);

function errorChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current !== undefined && current !== null; depth++) {
    chain.push(current);
    current = typeof current === 'object' ? (current as { cause?: unknown }).cause : undefined;
  }
  return chain;
}

/**
 * True when storing the same thing again would fail the same way: the database refused the data, or our
 * own code threw on it. False for anything about reaching the database (a lost connection, a restart, a
 * deadlock, a full disk, a missing table after a bad deploy): those are worth retrying forever.
 */
export function isDeterministicFailure(error: unknown): boolean {
  const state = sqlState(error);
  if (state !== undefined) return DATA_ERROR_CLASSES.has(state.slice(0, 2));
  // Node's socket errors (ECONNRESET), postgres.js' CONNECTION_CLOSED, aborts: all carry a code.
  return !errorChain(error).some((link) => typeof (link as { code?: unknown } | null)?.code === 'string');
}

/**
 * One line naming a failure for operators: the innermost cause's SQLSTATE and message. Never the query
 * or its parameters (drizzle's own message carries both).
 */
export function describeFailure(error: unknown): string {
  const chain = errorChain(error);
  const root = chain[chain.length - 1];
  const message = root instanceof Error ? root.message : String(root);
  const firstLine = message.split('\nparams:')[0] ?? message;
  const state = sqlState(error);
  return state === undefined ? firstLine : `${state}: ${firstLine}`;
}
