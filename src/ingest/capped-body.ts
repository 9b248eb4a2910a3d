// Reads an HTTP response body as text, but never more than a limit: a broken or hostile server cannot
// make the bot buffer gigabytes. Shared by the R2Z2 and ESI clients.
import type { Dispatcher } from 'undici';

/** The body as text, or undefined when it is (or announces to be) larger than `limitBytes`. */
export async function readCappedText(
  response: Pick<Dispatcher.ResponseData, 'body' | 'headers'>,
  limitBytes: number,
): Promise<string | undefined> {
  const announced = Number(response.headers['content-length']);
  if (Number.isFinite(announced) && announced > limitBytes) {
    response.body.destroy();
    return undefined;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response.body) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > limitBytes) {
      response.body.destroy();
      return undefined;
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks, size).toString('utf8');
}
