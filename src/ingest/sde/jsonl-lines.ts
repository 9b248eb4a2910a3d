// Splits a byte stream into text lines without holding more than one line (plus one chunk) in memory.
import { StringDecoder } from 'node:string_decoder';

/** Far above the longest real SDE line (a region with all its descriptions, ~15 KB). */
export const MAX_LINE_CHARS = 8 * 1024 * 1024;

export class LineTooLongError extends Error {
  constructor(readonly lineNumber: number) {
    super(`line ${lineNumber} is longer than ${MAX_LINE_CHARS} characters`);
    this.name = 'LineTooLongError';
  }
}

/** Yields every line (1-based number, text without the line ending; a leading BOM is dropped). */
export async function* readLines(
  chunks: AsyncIterable<Buffer | string>,
): AsyncGenerator<{ lineNumber: number; text: string }> {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let lineNumber = 0;
  const finish = (raw: string) => {
    lineNumber += 1;
    let text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (lineNumber === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { lineNumber, text };
  };
  for await (const chunk of chunks) {
    pending += typeof chunk === 'string' ? chunk : decoder.write(chunk);
    let start = 0;
    let end = pending.indexOf('\n', start);
    while (end !== -1) {
      yield finish(pending.slice(start, end));
      start = end + 1;
      end = pending.indexOf('\n', start);
    }
    pending = pending.slice(start);
    if (pending.length > MAX_LINE_CHARS) throw new LineTooLongError(lineNumber + 1);
  }
  pending += decoder.end();
  if (pending !== '') yield finish(pending);
}
