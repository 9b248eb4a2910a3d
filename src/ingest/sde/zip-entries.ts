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

export type EntryConsumer = (fileName: string, data: AsyncIterable<Buffer>) => Promise<void>;

/** Calls `consume` for every file entry that `select` accepts, in zip order; other entries are not inflated. */
export async function readZipEntries(
  zipPath: string,
  select: (fileName: string) => boolean,
  consume: EntryConsumer,
): Promise<void> {
  const zipfile = await openZip(zipPath);
  try {
    await new Promise<void>((resolve, reject) => {
      zipfile.on('error', reject);
      zipfile.on('end', () => resolve());
      zipfile.on('entry', (entry: Entry) => {
        if (entry.fileName.endsWith('/') || !select(entry.fileName)) {
          zipfile.readEntry();
          return;
        }
        zipfile.openReadStream(entry, (error, stream) => {
          if (error) {
            reject(new ZipEntryError(entry.fileName, error));
            return;
          }
          consume(entry.fileName, checkedData(stream, entry)).then(
            () => zipfile.readEntry(),
            (failure: unknown) => {
              stream.destroy();
              reject(failure);
            },
          );
        });
      });
      zipfile.readEntry();
    });
  } finally {
    zipfile.close();
  }
}

function openZip(zipPath: string): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(zipPath, { lazyEntries: true, autoClose: true }, (error, zipfile) => {
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
