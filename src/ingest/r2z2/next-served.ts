// Where the feed picks up again after a missing file. Gallop upward (1, 2, 4, ... past the last
// miss) so a short gap costs a few requests, then bisect: a day of expired files costs about
// 2·log2(n) requests instead of n. Bisecting assumes no second hole inside the probed range (one
// there could hide the files below it); holes are rare and galloping keeps the range small.
import { documentPath } from './feed-files.ts';
import type { FeedReader } from './feed-reader.ts';
import type { FeedBody } from './http-client.ts';

export interface ServedFile {
  sequence: number;
  body: FeedBody;
}

/** The lowest served sequence in (missing, head], with its body; undefined when even the head is missing. */
export async function findNextServed(
  reader: FeedReader,
  missing: number,
  head: number,
  signal: AbortSignal,
): Promise<ServedFile | undefined> {
  let lowestMissing = missing;
  let served: ServedFile | undefined;
  for (let step = 1; served === undefined; step *= 2) {
    if (lowestMissing >= head) return undefined;
    const probe = Math.min(lowestMissing + step, head);
    const file = await reader.read(documentPath(probe), signal);
    if (file.found) served = { sequence: probe, body: file.body };
    else lowestMissing = probe;
  }
  while (served.sequence - lowestMissing > 1) {
    const probe = Math.floor((lowestMissing + served.sequence) / 2);
    const file = await reader.read(documentPath(probe), signal);
    if (file.found) served = { sequence: probe, body: file.body };
    else lowestMissing = probe;
  }
  return served;
}
