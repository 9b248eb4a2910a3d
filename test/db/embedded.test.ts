import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  DataDirBusyError,
  openEmbeddedForCommand,
  readLock,
  socketPathFor,
  startEmbeddedServer,
} from '../../src/db/embedded.ts';
import { sdeRegions } from '../../src/db/schema.ts';
import { migratedDataDir } from '../helpers/data-dir.ts';

describe('embedded PGlite shared between the bot and CLI commands', () => {
  const dirs: string[] = [];
  const freshDir = () => {
    const dir = migratedDataDir('kt-embedded-');
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('GIVEN a running server WHEN a command opens the same DATA_DIR THEN it works through the socket', async () => {
    const dataDir = freshDir();
    const server = await startEmbeddedServer(dataDir);
    try {
      await server.handle.migrate();
      await server.handle.db.insert(sdeRegions).values({ id: 10000002, name: 'The Forge' });
      const command = await openEmbeddedForCommand(dataDir);
      expect(await command.db.select().from(sdeRegions)).toEqual([{ id: 10000002, name: 'The Forge' }]);
      await command.db.insert(sdeRegions).values({ id: 10000043, name: 'Domain' });
      await command.close();
      expect(await server.handle.db.select().from(sdeRegions)).toHaveLength(2);
    } finally {
      await server.stop();
    }
  });

  it('refuses a second server on the same folder with a message that says what to do', async () => {
    const dataDir = freshDir();
    const server = await startEmbeddedServer(dataDir);
    try {
      const second = startEmbeddedServer(dataDir);
      await expect(second).rejects.toBeInstanceOf(DataDirBusyError);
      await expect(second).rejects.toThrow(/already running.*Stop it first/);
    } finally {
      await server.stop();
    }
    expect(await readLock(dataDir)).toBeUndefined();
  });

  it('without a running server a command opens the folder directly, and data persists for the server', async () => {
    const dataDir = freshDir();
    const command = await openEmbeddedForCommand(dataDir);
    await command.migrate();
    await command.db.insert(sdeRegions).values({ id: 1, name: 'Direct' });
    await command.close();
    const server = await startEmbeddedServer(dataDir);
    try {
      expect(await server.handle.db.select().from(sdeRegions)).toEqual([{ id: 1, name: 'Direct' }]);
    } finally {
      await server.stop();
    }
  });

  it('ignores a lock file left behind by a dead process', async () => {
    const dataDir = freshDir();
    writeFileSync(
      join(dataDir, 'killtracker.lock'),
      JSON.stringify({ pid: 2 ** 22 + 12345, mode: 'server', socketPath: '/nonexistent', startedAt: '' }),
    );
    const server = await startEmbeddedServer(dataDir);
    await server.stop();
  });

  it('GIVEN a lock left by a crash whose PID now belongs to a live, unrelated process WHEN the bot starts THEN it takes the folder over', async () => {
    const dataDir = freshDir();
    // PID 1 is always alive (init, or the container's entrypoint) and is never a killtracker of ours.
    writeFileSync(
      join(dataDir, 'killtracker.lock'),
      JSON.stringify({
        pid: 1,
        mode: 'server',
        socketPath: join(dataDir, 'pglite.sock'),
        probePath: join(dataDir, 'killtracker-1-dead.probe'),
        startedAt: '2026-11-30T00:00:00.000Z',
      }),
    );
    const server = await startEmbeddedServer(dataDir);
    await server.stop();
  });

  it('GIVEN a command killed with SIGKILL while holding the folder, its PID since reused WHEN the bot starts THEN it takes the folder over', async () => {
    const dataDir = freshDir();
    const script = [
      `import { openEmbeddedForCommand } from ${JSON.stringify(join(import.meta.dirname, '../../src/db/embedded.ts'))};`,
      `await openEmbeddedForCommand(${JSON.stringify(dataDir)});`,
      `process.stdout.write('locked\\n');`,
      'setInterval(() => {}, 1000);',
    ].join('\n');
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      const [chunk] = (await once(child.stdout!, 'data')) as [Buffer];
      expect(String(chunk)).toContain('locked');
      await expect(startEmbeddedServer(dataDir)).rejects.toBeInstanceOf(DataDirBusyError);
    } finally {
      child.kill('SIGKILL');
      await once(child, 'exit');
    }
    // The PID is taken by a live process now (this one): only the dead probe tells the truth.
    const lockFile = join(dataDir, 'killtracker.lock');
    writeFileSync(
      lockFile,
      JSON.stringify({ ...JSON.parse(readFileSync(lockFile, 'utf8')), pid: process.pid }),
    );
    const server = await startEmbeddedServer(dataDir);
    await server.stop();
  });

  it('keeps the socket path short enough for a unix socket even for a deep DATA_DIR', () => {
    const deep = join('/tmp', 'x'.repeat(150));
    expect(Buffer.byteLength(socketPathFor(deep))).toBeLessThan(100);
    expect(socketPathFor('/data')).toBe('/data/pglite.sock');
  });
});
