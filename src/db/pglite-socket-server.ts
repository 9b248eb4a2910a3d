// Serves the embedded PGlite to other processes on a unix socket, speaking PostgreSQL's wire protocol.
// PGlite has ONE session, so one client owns it from its first message until the session is idle again
// (its Sync or simple query answered, outside a transaction block) and the others wait their turn.
// Handing the session over between single messages instead lets one client's Parse replace the unnamed
// statement another client described a moment ago: that client then binds or runs the wrong statement.
import { createServer, type Socket } from 'node:net';
import type { PGlite } from '@electric-sql/pglite';

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;
/** A Sync message: ends an unfinished extended-protocol exchange of a client that went away. */
const SYNC = Uint8Array.of(0x53, 0, 0, 0, 4);
/** Message types after which a client's exchange is complete (Sync, simple Query). */
const EXCHANGE_ENDS = new Set([0x53, 0x51]);
const TERMINATE = 0x58;

export interface PgliteSocketServer {
  close(): Promise<void>;
}

interface Client {
  socket: Socket;
  closed: boolean;
}

/** Who owns the session, and who waits for it, first come first served. */
class SessionTurns {
  private owner: Client | undefined;
  private readonly waiting: Array<{ client: Client; start: () => void }> = [];

  acquire(client: Client): Promise<void> {
    if (this.owner === undefined || this.owner === client) {
      this.owner = client;
      return Promise.resolve();
    }
    return new Promise((start) => this.waiting.push({ client, start }));
  }

  owns(client: Client): boolean {
    return this.owner === client;
  }

  release(client: Client): void {
    if (this.owner !== client) return;
    const next = this.waiting.shift();
    this.owner = next?.client;
    next?.start();
  }

  /** A waiting client went away: it gives up its place (its pending turn ends without the session). */
  drop(client: Client): void {
    const index = this.waiting.findIndex((turn) => turn.client === client);
    if (index >= 0) this.waiting.splice(index, 1)[0]?.start();
  }
}

export async function servePgliteOnSocket(
  db: PGlite,
  path: string,
  { maxConnections }: { maxConnections: number },
): Promise<PgliteSocketServer> {
  await db.waitReady;
  const turns = new SessionTurns();
  const clients = new Set<Client>();

  async function run(client: Client, message: Uint8Array): Promise<void> {
    await turns.acquire(client);
    if (client.closed) return;
    await db.runExclusive(() =>
      db.execProtocolRawStream(message, {
        // The chunk is a view of PGlite's memory, reused for the next chunk: a socket that cannot
        // send it at once would queue the view and later send what PGlite wrote there since.
        onRawData: (chunk) => {
          if (!client.closed && client.socket.writable) client.socket.write(Buffer.from(chunk));
        },
      }),
    );
    const type = message[0]!;
    const startup = type === 0;
    if ((startup || EXCHANGE_ENDS.has(type)) && !db.isInTransaction()) turns.release(client);
  }

  /** A client that went away must not leave the session mid-exchange or inside its transaction. */
  async function leave(client: Client): Promise<void> {
    if (!turns.owns(client)) return;
    try {
      await db.runExclusive(() => db.execProtocolRawStream(SYNC, { onRawData: () => undefined }));
      if (db.isInTransaction()) await db.exec('ROLLBACK');
    } finally {
      // Even when PGlite failed, the others must not wait for a client that is gone.
      turns.release(client);
    }
  }

  const server = createServer((socket) => {
    const client: Client = { socket, closed: false };
    clients.add(client);
    let buffer = Buffer.alloc(0);
    let started = false;
    // One message at a time per client, in order; the chain never rejects.
    let chain: Promise<void> = Promise.resolve();
    const enqueue = (task: () => Promise<void>) => {
      chain = chain.then(task).catch(() => {
        socket.destroy();
      });
    };

    socket.on('data', (data) => {
      buffer = Buffer.concat([buffer, data]);
      for (;;) {
        const message = started ? typedMessage(buffer) : startupMessage(buffer);
        if (message === undefined) return;
        buffer = buffer.subarray(message.length);
        if (!started) {
          const code = message.readInt32BE(4);
          if (code === SSL_REQUEST || code === GSSENC_REQUEST) {
            socket.write('N');
            continue;
          }
          if (code === CANCEL_REQUEST) {
            socket.end();
            return;
          }
          started = true;
        } else if (message[0] === TERMINATE) {
          socket.end();
          return;
        }
        // PGlite tells the startup packet from a typed message by its first byte being 0.
        const bytes = new Uint8Array(message);
        enqueue(() => run(client, bytes));
      }
    });
    socket.on('error', () => socket.destroy());
    socket.on('close', () => {
      client.closed = true;
      clients.delete(client);
      turns.drop(client);
      enqueue(() => leave(client));
    });
  });
  server.maxConnections = maxConnections;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, () => {
      server.off('error', reject);
      resolve();
    });
  });

  return {
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of clients) client.socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A complete untyped startup-phase message (length first), or undefined while it is still arriving. */
function startupMessage(buffer: Buffer): Buffer | undefined {
  if (buffer.length < 8) return undefined;
  const length = buffer.readInt32BE(0);
  return buffer.length >= length ? buffer.subarray(0, length) : undefined;
}

/** A complete typed message (type byte, then a length that counts itself), or undefined. */
function typedMessage(buffer: Buffer): Buffer | undefined {
  if (buffer.length < 5) return undefined;
  const length = 1 + buffer.readInt32BE(1);
  return buffer.length >= length ? buffer.subarray(0, length) : undefined;
}
