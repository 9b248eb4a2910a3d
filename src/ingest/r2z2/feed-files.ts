// The two kinds of file R2Z2 serves: `sequence.json` (the head) and one document per sequence.
// Documents are only parsed as JSON here; checking they are killmails is the consumer's job.
import type { FeedBody } from './http-client.ts';

export const SEQUENCE_PATH = '/ephemeral/sequence.json';

export function documentPath(sequence: number): string {
  return `/ephemeral/${sequence}.json`;
}

/** `{"sequence": N}` -> N; anything else -> undefined (a broken or empty feed). */
export function parseSequenceFile(body: FeedBody): number | undefined {
  if (typeof body !== 'string') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const sequence = (parsed as { sequence?: unknown }).sequence;
  return isSequence(sequence) ? sequence : undefined;
}

export type ParsedDocument = { ok: true; document: unknown } | { ok: false; error: string };

export function parseDocumentBody(body: FeedBody): ParsedDocument {
  if (typeof body !== 'string') {
    return { ok: false, error: `larger than ${body.oversizedLimitBytes} bytes; not read` };
  }
  try {
    return { ok: true, document: JSON.parse(body) as unknown };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      error: `not JSON (${reason}); ${body.length} bytes starting ${JSON.stringify(body.slice(0, 80))}`,
    };
  }
}

/** `sequence_updated: M` on a document means file M was republished with new content. */
export function republishedSequenceOf(document: unknown): number | undefined {
  if (typeof document !== 'object' || document === null || Array.isArray(document)) return undefined;
  const value = (document as { sequence_updated?: unknown }).sequence_updated;
  return isSequence(value) ? value : undefined;
}

function isSequence(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}
