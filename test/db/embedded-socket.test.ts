// The running bot's embedded database, shared on its socket: the bot's own connection and CLI commands
// take turns on PGlite's one session, so neither ever runs the other's statement, and a client that goes
// away in the middle of a transaction leaves nothing behind.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../../src/db/client.ts';
import {
  DataDirBusyError,
  type EmbeddedServer,
  readLock,
  startEmbeddedServer,
} from '../../src/db/embedded.ts';
import { runCliCapture } from '../helpers/cli.ts';

const ROUNDS = 100;

/** The rows of a raw query (postgres.js answers with an array of row objects). */
const rowsOf = <Row>(result: unknown): Row[] => [...(result as Iterable<Row>)];

describe('embedded PGlite served on a socket to the bot and CLI commands', () => {
  let dataDir: string;
  let server: EmbeddedServer | undefined;
  let cli: DatabaseHandle | undefined;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'kt-socket-'));
    server = await startEmbeddedServer(dataDir);
    await server.handle.migrate();
    cli = await openDatabase({ socketPath: server.socketPath });
  });

  afterAll(async () => {
    await cli?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const ready = () => {
    if (!server || !cli) throw new Error('the embedded server did not start');
    return { bot: server.handle, cli };
  };

  it('GIVEN the bot and a CLI command both querying WHEN their statements take parameters of different shapes THEN each gets its own answer', async () => {
    const { bot, cli: command } = ready();
    // postgres.js describes a statement with parameters, waits for the answer, then binds it: a
    // session handed over in between would bind the other client's statement ("bind message supplies
    // 2 parameters, but prepared statement "" requires 4").
    const botRounds = async () => {
      for (let round = 0; round < ROUNDS; round++) {
        const rows = await bot.db.execute(sql`select ${'bot'}::text as who, ${round}::int as round`);
        expect(rowsOf(rows)).toEqual([{ who: 'bot', round }]);
      }
    };
    const commandRounds = async () => {
      for (let round = 0; round < ROUNDS; round++) {
        const rows = await command.db.execute(
          sql`select ${round}::int as round, ${'cli'}::text as who, ${'a'}::text as a, ${'b'}::text as b`,
        );
        expect(rowsOf(rows)).toEqual([{ round, who: 'cli', a: 'a', b: 'b' }]);
      }
    };
    await Promise.all([botRounds(), commandRounds()]);
  });

  it('GIVEN an answer larger than the socket takes at once WHEN a client queries THEN it arrives intact', async () => {
    const { cli: command } = ready();
    // PGlite streams its answer in views of its own memory, which it reuses for the next chunk while
    // the socket still queues the previous one: the whole SDE loaded by `killtracker start` is such an
    // answer (postgres.js saw garbage, "Unknown Message", and waited forever).
    const rows = rowsOf<{ n: number; filler: string }>(
      await command.db.execute(
        sql`select n, repeat(chr(65 + n % 26), 1000) as filler from generate_series(1, 20000) as n`,
      ),
    );
    expect(rows).toHaveLength(20_000);
    rows.forEach((row, index) => {
      expect(row.n).toBe(index + 1);
      expect(row.filler).toBe(String.fromCharCode(65 + ((index + 1) % 26)).repeat(1000));
    });
  });

  it('GIVEN a client inside a transaction WHEN it disconnects THEN its changes are rolled back and the others carry on', async () => {
    const { bot } = ready();
    const client = postgres({ path: server!.socketPath, max: 1, onnotice: () => {} });
    let inside!: () => void;
    const begun = new Promise<void>((resolve) => (inside = resolve));
    const abandoned = client
      .begin(async (tx) => {
        await tx`insert into sde_regions (id, name) values (10000002, 'The Forge')`;
        inside();
        await new Promise(() => undefined);
      })
      .catch(() => undefined);
    await begun;
    // The bot waits for its turn while the transaction is open; it gets it once the client is gone.
    const botRead = bot.db.execute(sql`select count(*)::int as count from sde_regions`);
    await client.end({ timeout: 0 });
    await abandoned;
    expect(rowsOf(await botRead)).toEqual([{ count: 0 }]);
  });

  it('GIVEN a running bot WHEN a second start on its DATA_DIR is refused THEN its lock and socket stay and CLI commands still work', async () => {
    const { bot } = ready();
    const lockBefore = await readLock(dataDir);
    await expect(startEmbeddedServer(dataDir)).rejects.toBeInstanceOf(DataDirBusyError);
    expect(await readLock(dataDir)).toEqual(lockBefore);
    expect(existsSync(server!.socketPath)).toBe(true);
    // Several commands in a row while the bot keeps querying, as an operator would right after.
    const botBusy = (async () => {
      for (let round = 0; round < 20; round++) await bot.db.execute(sql`select ${round}::int`);
    })();
    for (let run = 0; run < 3; run++) {
      const listed = await runCliCapture(['trackers', 'list'], { DATA_DIR: dataDir });
      expect(listed).toMatchObject({ code: 0, out: [] });
    }
    await botBusy;
  });
});
