// The real killmails of ../shared/killmails as the feed would deliver them: one JSON text per document.
// Every file is used; aa-killtracker's synthetic set gets the fields it leaves null filled in first.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { SHARED_KILLMAILS_DIR, type Skipped } from './shared.ts';

/** A fixed kill time for documents that have none: the benchmark never applies an age limit to them. */
const FILLED_KILL_TIME = '2026-11-21T08:00:00Z';

export interface KillmailCorpus {
  /** Each document's JSON text, in file order (files sorted by name). */
  texts: string[];
  files: string[];
}

export function readKillmailCorpus(): KillmailCorpus | Skipped {
  if (!existsSync(SHARED_KILLMAILS_DIR)) return { skipped: `${SHARED_KILLMAILS_DIR} not found` };
  const files = readdirSync(SHARED_KILLMAILS_DIR)
    .filter((file) => file.endsWith('.jsonl') || file.endsWith('.json'))
    .sort();
  const texts: string[] = [];
  for (const file of files) {
    const content = readFileSync(resolve(SHARED_KILLMAILS_DIR, file), 'utf8');
    if (file.endsWith('.jsonl')) {
      for (const line of content.split('\n')) if (line.trim() !== '') texts.push(line);
    } else {
      const items: unknown = JSON.parse(content);
      if (Array.isArray(items)) for (const item of items) texts.push(JSON.stringify(withNullsFilled(item)));
    }
  }
  if (texts.length === 0) return { skipped: `${SHARED_KILLMAILS_DIR} holds no killmails` };
  return { texts, files };
}

/**
 * aa-killtracker's layout `{killmail_id, esi, zkb}` with null `esi.killmail_id` and `killmail_time` and no
 * top-level hash: filled the way zKillboard would have sent them. Other documents pass unchanged.
 */
function withNullsFilled(item: unknown): unknown {
  if (typeof item !== 'object' || item === null) return item;
  const document = item as { killmail_id?: unknown; hash?: unknown; esi?: Record<string, unknown> };
  if (!document.esi || typeof document.killmail_id !== 'number') return item;
  return {
    ...document,
    hash: document.hash ?? `${document.killmail_id.toString(16).padStart(40, '0')}`,
    esi: {
      ...document.esi,
      killmail_id: document.esi.killmail_id ?? document.killmail_id,
      killmail_time: document.esi.killmail_time ?? FILLED_KILL_TIME,
    },
  };
}
