// Streams chosen entries of a zip file (yauzl), one at a time, checking each entry's CRC-32 as it goes.
import type { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import yauzl, { type Entry, type ZipFile } from 'yauzl';

/** A failure inside one entry (bad compressed data, wrong size or checksum). */
export class ZipEntryError extends Error {
  constructor(
    readonly entryName: string,
    cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = 'ZipEntryError';
  }
}

/** An entry chosen for reading: its name and its unpacked size, known before any of it is read. */
export interface ZipEntryInfo {
  fileName: string;
  size: number;
}

export type EntryConsumer = (entry: ZipEntryInfo, data: AsyncIterable<Buffer>) => Promise<void>;

/**
 * Calls `consume` for every file entry that `select` accepts, in zip order; other entries are not
 * inflated. `onListed` learns the chosen entries before the first is read (to show progress).
 */
export async function readZipEntries(
  zipPath: string,
  select: (fileName: string) => boolean,
  consume: EntryConsumer,
  onListed?: (entries: readonly ZipEntryInfo[]) => void,
): Promise<void> {
  const zipfile = await openZip(zipPath);
  try {
    const chosen = await listEntries(zipfile, select);
    onListed?.(chosen.map(infoOf));
    for (const entry of chosen) {
      const stream = await openEntry(zipfile, entry);
      try {
        await consume(infoOf(entry), checkedData(stream, entry));
      } finally {
        stream.destroy();
      }
    }
  } finally {
    zipfile.close();
  }
}

const infoOf = (entry: Entry): ZipEntryInfo => ({ fileName: entry.fileName, size: entry.uncompressedSize });

function listEntries(zipfile: ZipFile, select: (fileName: string) => boolean): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const chosen: Entry[] = [];
    zipfile.on('error', reject);
    zipfile.on('end', () => resolve(chosen));
    zipfile.on('entry', (entry: Entry) => {
      if (!entry.fileName.endsWith('/') && select(entry.fileName)) chosen.push(entry);
      zipfile.readEntry();
    });
    zipfile.readEntry();
  });
}

function openEntry(zipfile: ZipFile, entry: Entry): Promise<Readable> {
  return new Promise((resolve, reject) => {
    zipfile.openReadStream(entry, (error, stream) => {
      if (error) reject(new ZipEntryError(entry.fileName, error));
      else resolve(stream);
    });
  });
}

function openZip(zipPath: string): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    // Not auto-closed: entries are read after the whole listing, which ends the zip's own reading.
    yauzl.open(zipPath, { lazyEntries: true, autoClose: false }, (error, zipfile) => {
      if (error) reject(error);
      else resolve(zipfile);
    });
  });
}

/** yauzl checks sizes but not checksums: a flipped byte in a stored entry would otherwise pass unseen. */
async function* checkedData(stream: Readable, entry: Entry): AsyncGenerator<Buffer> {
  let checksum = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      checksum = crc32(chunk, checksum);
      yield chunk;
    }
  } catch (error) {
    throw new ZipEntryError(entry.fileName, error);
  }
  if (checksum >>> 0 !== entry.crc32 >>> 0) {
    throw new ZipEntryError(entry.fileName, new Error('CRC-32 checksum mismatch (the data is damaged)'));
  }
}
