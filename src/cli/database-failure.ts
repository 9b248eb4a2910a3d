// A failed query as the person at the terminal should see it: the database's own words (the driver's
// `cause`), never drizzle's "Failed query: <sql> params: <values>" wrapper or a stack trace.
import { DrizzleQueryError } from 'drizzle-orm';

const SQLSTATE = /^[0-9A-Z]{5}$/;

/** The sentence for a database failure, or undefined when the error did not come from the database. */
export function describeDatabaseFailure(error: unknown): string | undefined {
  if (!(error instanceof DrizzleQueryError) && !hasSqlState(error)) return undefined;
  const cause = error instanceof DrizzleQueryError ? error.cause : error;
  const reason = cause instanceof Error ? cause.message : String(cause ?? 'no reason given');
  const code = (cause as { code?: unknown } | undefined)?.code;
  const coded = typeof code === 'string' ? ` (${code})` : '';
  return (
    `The database refused the command: ${reason}${coded}. ` +
    'Run it again; if it keeps failing, check the database (DATABASE_URL, or DATA_DIR for the embedded one).'
  );
}

function hasSqlState(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && SQLSTATE.test(code);
}
