// Reads an SDE in CCP's 2025 JSONL layout from a zip or an unpacked folder into plain data (SdeData).
import { createReadStream } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { SdeData } from '../../engine/universe/index.ts';
import { SdeAssembler } from './sde-assembler.ts';
import { SDE_FILES, sdeFileOf } from './sde-data.ts';
import { errorMessage, SDE_RETRY_ADVICE, SdeError } from './sde-error.ts';
import { readZipEntries, ZipEntryError } from './zip-entries.ts';

const PATH_ADVICE =
  'Give the path of eve-online-static-data-<build>-jsonl.zip or of the folder it unpacks to, ' +
  'or run "killtracker sde update" without --file to download the latest SDE.';

/** A zip or a folder, decided by looking at the path. */
export async function readSde(path: string): Promise<SdeData> {
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
    throw new SdeError(
      `Cannot read the SDE at ${path} (${error.code ?? errorMessage(error)}). ${PATH_ADVICE}`,
    );
  });
  return info.isDirectory() ? readSdeFolder(path) : readSdeZip(path);
}

/** CCP's zip (flat; a single enclosing folder is tolerated). Only the files the bot needs are inflated. */
export async function readSdeZip(zipPath: string): Promise<SdeData> {
  const source = resolve(zipPath);
  const assembler = new SdeAssembler(source);
  try {
    await readZipEntries(
      source,
      (fileName) => sdeFileOf(fileName) !== undefined,
      async (fileName, data) => {
        const file = sdeFileOf(fileName);
        if (file) await assembler.readFile(file, data);
      },
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
  return assembler.finish();
}

/** A folder holding the unpacked `.jsonl` files (other files in it are ignored). */
export async function readSdeFolder(folderPath: string): Promise<SdeData> {
  const source = resolve(folderPath);
  const assembler = new SdeAssembler(source);
  const present = await Promise.all(
    SDE_FILES.map((file) =>
      access(join(source, `${file}.jsonl`)).then(
        () => file,
        () => undefined,
      ),
    ),
  );
  for (const file of present) {
    if (file === undefined) continue;
    const path = join(source, `${file}.jsonl`);
    try {
      await assembler.readFile(file, createReadStream(path));
    } catch (error) {
      if (error instanceof SdeError) throw error;
      throw new SdeError(`Cannot read ${path} (${errorMessage(error)}). ${PATH_ADVICE}`, { cause: error });
    }
  }
  return assembler.finish();
}
