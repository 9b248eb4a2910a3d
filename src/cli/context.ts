// What every CLI command needs: validated config, a logger and (opened lazily) the database.
import { type Env, parseEnv } from '../config/env.ts';
import { type DatabaseHandle, openDatabase } from '../db/client.ts';
import { DataDirBusyError, openEmbeddedForCommand } from '../db/embedded.ts';
import { createLogger, type Logger } from '../log.ts';
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
        await handle.migrate();
        return handle;
      })();
      return opened;
    },
    async close() {
      if (opened) await (await opened).close();
    },
  };
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
