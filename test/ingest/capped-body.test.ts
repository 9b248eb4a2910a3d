// Response bodies are read up to a limit, whether or not the server announces their length.
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readCappedText } from '../../src/ingest/capped-body.ts';

const response = (chunks: string[], headers: Record<string, string> = {}) =>
  ({ headers, body: Readable.from(chunks.map((chunk) => Buffer.from(chunk))) }) as unknown as Parameters<
    typeof readCappedText
  >[0];

describe('readCappedText', () => {
  it('GIVEN a body within the limit THEN it is read whole', async () => {
    expect(await readCappedText(response(['{"a":', '1}']), 10)).toBe('{"a":1}');
  });

  it('GIVEN a streamed body (no length announced) past the limit THEN reading stops there', async () => {
    expect(await readCappedText(response(['12345', '67890', 'x']), 10)).toBeUndefined();
  });

  it('GIVEN an announced length past the limit THEN nothing is read', async () => {
    expect(await readCappedText(response(['tiny'], { 'content-length': '50000000' }), 10)).toBeUndefined();
  });
});
