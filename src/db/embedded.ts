// The embedded PGlite is single-process: the running bot owns the folder and serves it on a local socket,
// and CLI commands connect through that socket. A lock file under DATA_DIR says who owns it, and the owner
// listens on a small probe socket for as long as it lives: the kernel stops that listener when the process
// dies (even by SIGKILL or the OOM killer), so a lock whose probe does not answer is stale, whatever its PID.
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { connect, createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type DatabaseHandle, openDatabase, pgliteDirectory } from './client.ts';
import { createEmbeddedPglite } from './pglite-settings.ts';
import { servePgliteOnSocket } from './pglite-socket-server.ts';

interface LockInfo {
  pid: number;
  /** 'server' = a running `killtracker start` serving the socket; 'direct' = a CLI command with the folder open. */
  mode: 'server' | 'direct';
  socketPath: string | null;
  /** The owner's probe socket: connecting works while the owner lives. Absent in older lock files. */
  probePath?: string;
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

/** How long a probe may take before a silent owner counts as alive (busy, not dead). */
const PROBE_TIMEOUT_MS = 2_000;

/** True when something accepts connections on the unix socket at `path`. */
function isListening(path: string): Promise<boolean> {
  return new Promise((settle) => {
    const socket = connect(path);
    const done = (alive: boolean) => {
      socket.destroy();
      settle(alive);
    };
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
    socket.setTimeout(PROBE_TIMEOUT_MS, () => done(true));
  });
}

/** Only for lock files written before probes existed: a PID can be reused, so this is a last resort. */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function ownerLives(info: LockInfo): Promise<boolean> {
  const probe = info.probePath ?? info.socketPath;
  return probe ? isListening(probe) : isAlive(info.pid);
}

/** The current owner of the data folder, or undefined (a lock whose owner is gone is ignored). */
export async function readLock(dataDir: string): Promise<LockInfo | undefined> {
  let info: LockInfo;
  try {
    info = JSON.parse(readFileSync(lockPath(dataDir), 'utf8')) as LockInfo;
  } catch {
    return undefined;
  }
  return (await ownerLives(info)) ? info : undefined;
}

/** Listens on a fresh probe socket for as long as this process holds the lock. */
async function startProbe(dataDir: string): Promise<{ path: string; server: Server }> {
  const path = shortSocketPath(dataDir, `killtracker-${process.pid}-${randomBytes(4).toString('hex')}.probe`);
  const server = createServer((socket) => socket.end());
  await new Promise<void>((settle, fail) => {
    server.once('error', fail);
    server.listen(path, () => settle());
  });
  // The probe must not keep a finished CLI command alive.
  server.unref();
  return { path, server };
}

async function acquireLock(dataDir: string, info: Omit<LockInfo, 'probePath'>): Promise<() => void> {
  mkdirSync(dataDir, { recursive: true });
  const path = lockPath(dataDir);
  const probe = await startProbe(dataDir);
  const release = () => {
    probe.server.close();
    rmSync(probe.path, { force: true });
  };
  try {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const fd = openSync(path, 'wx');
        writeSync(fd, JSON.stringify({ ...info, probePath: probe.path }));
        closeSync(fd);
        return () => {
          rmSync(path, { force: true });
          release();
        };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        const owner = await readLock(dataDir);
        if (owner) throw new DataDirBusyError(dataDir, owner);
        removeStaleLock(path);
      }
    }
    throw new Error(`Could not take the lock ${path}; remove it if no killtracker process is running.`);
  } catch (error) {
    release();
    throw error;
  }
}

/** The lock and the probe socket file of an owner that is gone (its listener died with it). */
function removeStaleLock(path: string): void {
  try {
    const stale = JSON.parse(readFileSync(path, 'utf8')) as LockInfo;
    if (stale.probePath) rmSync(stale.probePath, { force: true });
  } catch {
    // Unreadable: only the lock file itself is left to remove.
  }
  rmSync(path, { force: true });
}

/** Unix socket paths are limited to ~107 bytes: fall back to a short path in the temp folder. */
function shortSocketPath(dataDir: string, name: string): string {
  const preferred = resolve(dataDir, name);
  if (Buffer.byteLength(preferred) < 100) return preferred;
  const digest = createHash('sha256').update(resolve(dataDir)).digest('hex').slice(0, 16);
  return join(tmpdir(), `killtracker-${digest}-${name}`);
}

/** Where the running bot serves its embedded database. */
export function socketPathFor(dataDir: string): string {
  return shortSocketPath(dataDir, 'pglite.sock');
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
  const release = await acquireLock(dataDir, {
    pid: process.pid,
    mode: 'server',
    socketPath,
    startedAt: new Date().toISOString(),
  });
  try {
    mkdirSync(pgliteDirectory(dataDir), { recursive: true });
    rmSync(socketPath, { force: true });
    const pglite = await createEmbeddedPglite(pgliteDirectory(dataDir));
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
  const owner = await readLock(dataDir);
  if (owner?.mode === 'server' && owner.socketPath) return openDatabase({ socketPath: owner.socketPath });
  if (owner) throw new DataDirBusyError(dataDir, owner);
  const release = await acquireLock(dataDir, {
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
