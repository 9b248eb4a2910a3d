// What every CLI command needs: validated config, a logger and (opened lazily) the database.
import { DrizzleQueryError } from 'drizzle-orm';
import { type Env, parseEnv } from '../config/env.ts';
import { type DatabaseHandle, openDatabase } from '../db/client.ts';
import { DataDirBusyError, openEmbeddedForCommand } from '../db/embedded.ts';
import { databaseConnectionProblem } from '../db/errors.ts';
import { createLogger, describeDatabaseUrl, type Logger } from '../log.ts';
import { CliError } from './errors.ts';

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

export interface CliContext {
  env: Env;
  log: Logger;
  io: CliIo;
  /** Opens and migrates the configured database once; later calls return the same handle. */
  database(): Promise<DatabaseHandle>;
  close(): Promise<void>;
}

export function createCliContext(source: NodeJS.ProcessEnv, io: CliIo): CliContext {
  const env = parseEnv(source);
  const log = createLogger({ level: env.LOG_LEVEL });
  let opened: Promise<DatabaseHandle> | undefined;
  return {
    env,
    log,
    io,
    database() {
      opened ??= (async () => {
        const handle = await openCommandDatabase(env);
        try {
          await handle.migrate();
        } catch (error) {
          await handle.close().catch(() => undefined);
          throw explainDatabaseError(error, env);
        }
        return handle;
      })();
      return opened;
    },
    async close() {
      if (opened) await (await opened).close();
    },
  };
}

/** Turns "cannot reach the database" into a sentence; anything else passes through unchanged. */
export function explainDatabaseError(error: unknown, env: Env): unknown {
  const where = env.DATABASE_URL ? describeDatabaseUrl(env.DATABASE_URL) : env.DATA_DIR;
  // A failed migration arrives wrapped in drizzle's DrizzleQueryError: the reason is its cause.
  const reason = error instanceof DrizzleQueryError ? error.cause : error;
  const problem = databaseConnectionProblem(reason, where);
  return problem ? new CliError(problem) : error;
}

async function openCommandDatabase(env: Env): Promise<DatabaseHandle> {
  if (env.DATABASE_URL) return openDatabase({ url: env.DATABASE_URL });
  try {
    return await openEmbeddedForCommand(env.DATA_DIR);
  } catch (error) {
    if (error instanceof DataDirBusyError) throw new CliError(error.message);
    throw error;
  }
}
