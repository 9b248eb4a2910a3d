// Reads an SDE in CCP's 2025 JSONL layout from a zip or an unpacked folder into plain data (SdeData).
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { SdeData } from '../../engine/universe/index.ts';
import { BYTES, type Progress } from './progress.ts';
import { SdeAssembler } from './sde-assembler.ts';
import { SDE_FILES, sdeFileOf } from './sde-data.ts';
import { errorMessage, SDE_RETRY_ADVICE, SdeError } from './sde-error.ts';
import { readZipEntries, ZipEntryError } from './zip-entries.ts';

const PATH_ADVICE =
  'Give the path of eve-online-static-data-<build>-jsonl.zip or of the folder it unpacks to, ' +
  'or run "killtracker sde update" without --file to download the latest SDE.';

/** A zip or a folder, decided by looking at the path. */
export async function readSde(path: string, progress?: Progress): Promise<SdeData> {
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
    throw new SdeError(
      `Cannot read the SDE at ${path} (${error.code ?? errorMessage(error)}). ${PATH_ADVICE}`,
    );
  });
  return info.isDirectory() ? readSdeFolder(path, progress) : readSdeZip(path, progress);
}

/** Counts the bytes of the SDE files read so far, for the progress bar. */
function byteCounter(progress: Progress | undefined) {
  let total = 0;
  let done = 0;
  return {
    setTotal(bytes: number) {
      total = bytes;
    },
    async *counted(name: string, chunks: AsyncIterable<Buffer | string>): AsyncGenerator<Buffer | string> {
      for await (const chunk of chunks) {
        done += chunk.length;
        progress?.update(done, total, name);
        yield chunk;
      }
    },
    finish() {
      progress?.finish(`done (${BYTES.show(done)} MB of SDE files)`);
    },
  };
}

/** CCP's zip (flat; a single enclosing folder is tolerated). Only the files the bot needs are inflated. */
export async function readSdeZip(zipPath: string, progress?: Progress): Promise<SdeData> {
  const source = resolve(zipPath);
  const assembler = new SdeAssembler(source);
  const bytes = byteCounter(progress);
  try {
    await readZipEntries(
      source,
      (fileName) => sdeFileOf(fileName) !== undefined,
      async (entry, data) => {
        const file = sdeFileOf(entry.fileName);
        if (file) await assembler.readFile(file, bytes.counted(`${file}.jsonl`, data));
      },
      (entries) => bytes.setTotal(entries.reduce((sum, entry) => sum + entry.size, 0)),
    );
  } catch (error) {
    if (error instanceof SdeError) throw error;
    if (error instanceof ZipEntryError) {
      throw new SdeError(
        `${error.entryName} in ${source} cannot be unpacked (${error.message}): the zip is corrupt or ` +
          `incomplete. ${SDE_RETRY_ADVICE}`,
        { cause: error },
      );
    }
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new SdeError(`There is no file at ${source}. ${PATH_ADVICE}`, { cause: error });
    }
    throw new SdeError(
      `${source} is not a readable zip (${errorMessage(error)}): it is corrupt or incomplete. ${SDE_RETRY_ADVICE}`,
      { cause: error },
    );
  }
  const sde = assembler.finish();
  bytes.finish();
  return sde;
}

/** A folder holding the unpacked `.jsonl` files (other files in it are ignored). */
export async function readSdeFolder(folderPath: string, progress?: Progress): Promise<SdeData> {
  const source = resolve(folderPath);
  const assembler = new SdeAssembler(source);
  const bytes = byteCounter(progress);
  const present = await Promise.all(
    SDE_FILES.map((file) =>
      stat(join(source, `${file}.jsonl`)).then(
        (info) => ({ file, size: info.size }),
        () => undefined,
      ),
    ),
  );
  bytes.setTotal(present.reduce((sum, found) => sum + (found?.size ?? 0), 0));
  for (const found of present) {
    if (found === undefined) continue;
    const { file } = found;
    const path = join(source, `${file}.jsonl`);
    try {
      await assembler.readFile(file, bytes.counted(`${file}.jsonl`, createReadStream(path)));
    } catch (error) {
      if (error instanceof SdeError) throw error;
      throw new SdeError(`Cannot read ${path} (${errorMessage(error)}). ${PATH_ADVICE}`, { cause: error });
    }
  }
  const sde = assembler.finish();
  bytes.finish();
  return sde;
}
