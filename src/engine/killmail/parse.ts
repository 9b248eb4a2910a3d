// Turns untrusted JSON (one R2Z2 document, a JSON array of them, or JSONL text) into typed documents, with
// errors that name the killmail and the field. Never throws: a bad killmail is a result, not a crash.
import type { z } from 'zod';
import { readDocumentFast } from './fast-parse.ts';
import { type ParsedR2z2Document, r2z2DocumentSchema } from './schema.ts';
import { killTimeProblem } from './storable.ts';
import type { R2z2Document } from './types.ts';

export type KillmailParseResult = { ok: true; document: R2z2Document } | { ok: false; error: string };

/** One item of a multi-document input; `line` (1-based) for JSONL, `index` (0-based) always. */
export type KillmailParseEntry = KillmailParseResult & { index: number; line: number | null };

export interface KillmailParseOptions {
  /** The clock a kill time must not be a day ahead of (epoch ms); default the current time. */
  now?: number;
}

/** How many field problems one error message lists before "and N more". */
const MAX_LISTED_ISSUES = 3;

/** Validates one R2Z2 document: the hand-written fast path first, zod for anything it is unsure of. */
export function parseKillmailDocument(
  value: unknown,
  options: KillmailParseOptions = {},
): KillmailParseResult {
  const document = readDocumentFast(value);
  return document ? checkWhole(value, document, options) : parseWithSchema(value, options);
}

/**
 * Validates one R2Z2 document with the zod schema alone: the path for whatever the fast path is unsure of,
 * and the reference it must agree with.
 */
export function parseWithSchema(value: unknown, options: KillmailParseOptions = {}): KillmailParseResult {
  const parsed = r2z2DocumentSchema.safeParse(value);
  if (!parsed.success) {
    return { ok: false, error: withKillmailId(value, describeIssues(value, parsed.error.issues)) };
  }
  return checkWhole(value, asR2z2Document(parsed.data), options);
}

/** What no field shows alone: the two ids agree, and the kill time is one that could have happened. */
function checkWhole(
  value: unknown,
  document: R2z2Document,
  options: KillmailParseOptions,
): KillmailParseResult {
  const { esi } = document;
  let problem: string | undefined;
  if (esi.killmail_id !== document.killmail_id) {
    problem = `esi.killmail_id: ${esi.killmail_id} differs from killmail_id ${document.killmail_id}`;
  } else {
    const timeProblem = killTimeProblem(Date.parse(esi.killmail_time), options.now ?? Date.now());
    if (timeProblem) problem = `esi.killmail_time: ${esi.killmail_time} ${timeProblem}`;
  }
  return problem ? { ok: false, error: withKillmailId(value, problem) } : { ok: true, document };
}

/**
 * Validates every document of a text: a JSON array (when it starts with "["), JSONL (one document a line,
 * blank lines skipped), or one pretty-printed document. Each entry says where it came from.
 */
export function parseKillmailDocuments(
  text: string,
  options: KillmailParseOptions = {},
): KillmailParseEntry[] {
  const trimmed = text.trim();
  if (trimmed === '') return [];
  if (trimmed.startsWith('[')) return parseJsonArray(trimmed, options);
  const lines = text.split('\n');
  const entries: KillmailParseEntry[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    const json = parseJson(line);
    if (!json.ok) {
      // A pretty-printed single document fails on its first line: read the text as one JSON value instead.
      if (entries.length === 0) {
        const whole = parseJson(trimmed);
        if (whole.ok && !Array.isArray(whole.value)) {
          return [entry(parseKillmailDocument(whole.value, options), 0, 1)];
        }
      }
      entries.push({ ok: false, error: `line ${i + 1}: ${json.error}`, index: entries.length, line: i + 1 });
      continue;
    }
    entries.push(entry(parseKillmailDocument(json.value, options), entries.length, i + 1));
  }
  return entries;
}

function parseJsonArray(text: string, options: KillmailParseOptions): KillmailParseEntry[] {
  const json = parseJson(text);
  if (!json.ok) return [{ ok: false, error: json.error, index: 0, line: null }];
  if (!Array.isArray(json.value)) {
    return [{ ok: false, error: 'expected a JSON array of killmail documents', index: 0, line: null }];
  }
  return json.value.map((item: unknown, index) => entry(parseKillmailDocument(item, options), index, null));
}

function entry(result: KillmailParseResult, index: number, line: number | null): KillmailParseEntry {
  if (result.ok) return { ...result, index, line };
  const where = line === null ? `item ${index}` : `line ${line}`;
  return { ok: false, error: `${where}: ${result.error}`, index, line };
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, error: `not valid JSON (${error instanceof Error ? error.message : String(error)})` };
  }
}

/** Prefixes the killmail id when the input has one, so a log line points at the right kill. */
function withKillmailId(value: unknown, message: string): string {
  const id = killmailIdOf(value);
  return id === undefined ? `killmail without id: ${message}` : `killmail ${id}: ${message}`;
}

function killmailIdOf(value: unknown): number | undefined {
  if (!isRecord(value)) return undefined;
  if (typeof value.killmail_id === 'number') return value.killmail_id;
  const esi = value.esi;
  if (isRecord(esi) && typeof esi.killmail_id === 'number') return esi.killmail_id;
  return undefined;
}

function describeIssues(value: unknown, issues: readonly z.core.$ZodIssue[]): string {
  const listed = issues.slice(0, MAX_LISTED_ISSUES).map((issue) => describeIssue(value, issue));
  const more = issues.length - listed.length;
  return listed.join('; ') + (more > 0 ? ` (and ${more} more)` : '');
}

function describeIssue(value: unknown, issue: z.core.$ZodIssue): string {
  const path = formatPath(issue.path);
  const label = path === '' ? 'document' : path;
  if (issue.code !== 'invalid_type') return `${label}: ${issue.message}`;
  const expected = issue.expected === 'int' ? 'a whole number' : issue.expected;
  const received = valueAt(value, issue.path);
  if (received === undefined) return `${label}: missing (expected ${expected})`;
  return `${label}: expected ${expected}, got ${typeName(received)}`;
}

function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const part of path) {
    if (typeof part === 'number') text += `[${part}]`;
    else text += text === '' ? String(part) : `.${String(part)}`;
  }
  return text;
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = value;
  for (const part of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[part];
  }
  return current;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number' && !Number.isInteger(value)) return `${value}`;
  return typeof value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The parsed shape minus nulls (ESI itself never sends null, so objects are copied only when one is
 * present) and with the hash copied up from zkb when the document had none at the top.
 */
function asR2z2Document(parsed: ParsedR2z2Document): R2z2Document {
  const esi = withoutNulls(parsed.esi);
  const victim = withoutNulls(parsed.esi.victim);
  let attackers = parsed.esi.attackers;
  if (attackers.some(hasNull)) attackers = attackers.map(withoutNulls);
  const top = withoutNulls(parsed);
  const document = {
    ...top,
    hash: parsed.hash ?? parsed.zkb.hash,
    esi:
      esi === parsed.esi && victim === parsed.esi.victim && attackers === parsed.esi.attackers
        ? esi
        : { ...esi, victim, attackers },
    zkb: withoutNulls(parsed.zkb),
  };
  // The schema checks every field R2z2Document declares; only its optional-vs-undefined typing differs.
  return document as R2z2Document;
}

function hasNull(record: object): boolean {
  for (const key in record) if ((record as Record<string, unknown>)[key] === null) return true;
  return false;
}

function withoutNulls<T extends object>(record: T): T {
  if (!hasNull(record)) return record;
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== null)) as T;
}
