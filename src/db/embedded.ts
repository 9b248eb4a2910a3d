// The embedded PGlite is single-process: the running bot owns the folder and serves it on a local socket,
// and CLI commands connect through that socket. A lock file under DATA_DIR says who owns it.
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { type DatabaseHandle, openDatabase, pgliteDirectory } from './client.ts';
import { servePgliteOnSocket } from './pglite-socket-server.ts';

interface LockInfo {
  pid: number;
  /** 'server' = a running `killtracker start` serving the socket; 'direct' = a CLI command with the folder open. */
  mode: 'server' | 'direct';
  socketPath: string | null;
  startedAt: string;
}

export class DataDirBusyError extends Error {
  constructor(
    readonly dataDir: string,
    readonly owner: LockInfo,
  ) {
    super(
      owner.mode === 'server'
        ? `Another "killtracker start" (pid ${owner.pid}) is already running on ${dataDir}. ` +
            'Stop it first, or give this one its own DATA_DIR (or a PostgreSQL DATABASE_URL).'
        : `A killtracker command (pid ${owner.pid}) has the database in ${dataDir} open. ` +
            'Wait for it to finish, then try again.',
    );
    this.name = 'DataDirBusyError';
  }
}

const lockPath = (dataDir: string) => resolve(dataDir, 'killtracker.lock');

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The current owner of the data folder, or undefined (a lock left by a dead process is ignored). */
export function readLock(dataDir: string): LockInfo | undefined {
  try {
    const info = JSON.parse(readFileSync(lockPath(dataDir), 'utf8')) as LockInfo;
    return isAlive(info.pid) ? info : undefined;
  } catch {
    return undefined;
  }
}

function acquireLock(dataDir: string, info: LockInfo): () => void {
  mkdirSync(dataDir, { recursive: true });
  const path = lockPath(dataDir);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, JSON.stringify(info));
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = readLock(dataDir);
      if (owner) throw new DataDirBusyError(dataDir, owner);
      rmSync(path, { force: true }); // stale: its process is gone
    }
  }
  throw new Error(`Could not take the lock ${path}; remove it if no killtracker process is running.`);
}

/** Unix socket paths are limited to ~107 bytes: fall back to a short path in the temp folder. */
export function socketPathFor(dataDir: string): string {
  const preferred = resolve(dataDir, 'pglite.sock');
  if (Buffer.byteLength(preferred) < 100) return preferred;
  const digest = createHash('sha256').update(resolve(dataDir)).digest('hex').slice(0, 16);
  return join(tmpdir(), `killtracker-${digest}.sock`);
}

export interface EmbeddedServer {
  /** The process's own database access (through the socket, like every other client). */
  handle: DatabaseHandle;
  socketPath: string;
  stop(): Promise<void>;
}

/** For `killtracker start`: owns DATA_DIR, opens PGlite and serves it on a local socket. */
export async function startEmbeddedServer(dataDir: string, maxConnections = 16): Promise<EmbeddedServer> {
  const socketPath = socketPathFor(dataDir);
  const release = acquireLock(dataDir, {
    pid: process.pid,
    mode: 'server',
    socketPath,
    startedAt: new Date().toISOString(),
  });
  try {
    mkdirSync(pgliteDirectory(dataDir), { recursive: true });
    rmSync(socketPath, { force: true });
    const pglite = await PGlite.create(pgliteDirectory(dataDir));
    const server = await servePgliteOnSocket(pglite, socketPath, { maxConnections });
    const handle = await openDatabase({ socketPath });
    return {
      handle,
      socketPath,
      async stop() {
        await handle.close();
        await server.close();
        await pglite.close();
        rmSync(socketPath, { force: true });
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

/**
 * For CLI commands on the embedded database: through the running bot's socket when it runs,
 * else the folder directly (locked for the command's duration).
 */
export async function openEmbeddedForCommand(dataDir: string): Promise<DatabaseHandle> {
  const owner = readLock(dataDir);
  if (owner?.mode === 'server' && owner.socketPath) return openDatabase({ socketPath: owner.socketPath });
  if (owner) throw new DataDirBusyError(dataDir, owner);
  const release = acquireLock(dataDir, {
    pid: process.pid,
    mode: 'direct',
    socketPath: null,
    startedAt: new Date().toISOString(),
  });
  try {
    const handle = await openDatabase({ dataDir });
    return {
      ...handle,
      async close() {
        await handle.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}
