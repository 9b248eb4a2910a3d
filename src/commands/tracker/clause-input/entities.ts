// Alliances, corporations, pilots and factions by name: names already seen on stored killmails first,
// then ESI's exact-name lookup, bounded by a short deadline so a slow or absent ESI never breaks
// autocomplete. Names ESI confirms are kept, so the editor can show them later.
import { nameKindOf, type ValueKindsFrom } from '../../../engine/index.ts';
import type { BotContext } from '../../contract.ts';
import type { NamedValue } from './named-value.ts';

export type EntityKind = ValueKindsFrom<'entities'>;

/** The category ESI's /universe/names/ gives (and the name cache stores): the kind's name kind. */
function categoryOf(kind: EntityKind): string {
  return nameKindOf(kind) ?? kind;
}

/** ESI answers slower than this are not waited for while the admin types. */
const AUTOCOMPLETE_ESI_DEADLINE_MS = 1_200;
/** ...nor longer than this when a command or modal needs the id to save. */
export const SAVE_ESI_DEADLINE_MS = 2_000;

/** ESI could not be asked (down, rate limited, too slow): the admin should retry or give the id. */
export class EsiLookupUnavailableError extends Error {
  constructor(readonly names: readonly string[]) {
    super(`ESI did not answer for ${names.join(', ')}`);
    this.name = 'EsiLookupUnavailableError';
  }
}

/** Resolves with undefined after `ms`; a late rejection of `promise` is swallowed. */
async function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  promise.catch(() => undefined);
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Exact names -> ids through ESI (POST /universe/ids/), within `deadlineMs`. Found names go into the
 * name cache. Throws EsiLookupUnavailableError when ESI fails or is late.
 */
export async function lookUpExactNames(
  ctx: BotContext,
  kind: EntityKind,
  names: readonly string[],
  deadlineMs: number,
): Promise<NamedValue[]> {
  if (names.length === 0) return [];
  let answer: Awaited<ReturnType<BotContext['esi']['ids']>> | undefined;
  try {
    answer = await withDeadline(ctx.esi.ids(names), deadlineMs);
  } catch (error) {
    ctx.log.debug({ err: error, names }, 'ESI name lookup failed');
    throw new EsiLookupUnavailableError(names);
  }
  if (answer === undefined) throw new EsiLookupUnavailableError(names);
  const found = (answer[kind] ?? []).map((entry) => ({ id: entry.id, name: entry.name }));
  if (found.length > 0) {
    await ctx.names
      .put(found.map((entry) => ({ ...entry, category: categoryOf(kind) })))
      .catch((error: unknown) => ctx.log.warn({ err: error }, 'Could not keep names ESI confirmed'));
  }
  return found;
}

// Autocomplete fires on every keystroke: remember ESI's recent answers (and misses) per ESI client,
// so typing "Goonswarm Federation" asks ESI once per distinct prefix, not again when the admin retypes it.
const RECENT_TTL_MS = 10 * 60_000;
const RECENT_MAX = 1_000;
const recentLookups = new WeakMap<object, Map<string, { at: number; found: NamedValue[] }>>();

async function recentExactLookup(ctx: BotContext, kind: EntityKind, name: string): Promise<NamedValue[]> {
  let recent = recentLookups.get(ctx.esi);
  if (!recent) {
    recent = new Map();
    recentLookups.set(ctx.esi, recent);
  }
  const key = `${kind}:${name.toLowerCase()}`;
  const hit = recent.get(key);
  if (hit && ctx.now() - hit.at < RECENT_TTL_MS) return hit.found;
  // ESI being down is not remembered: the next keystroke may find it back.
  const found = await lookUpExactNames(ctx, kind, [name], AUTOCOMPLETE_ESI_DEADLINE_MS).catch(
    () => undefined,
  );
  if (found === undefined) return [];
  recent.delete(key);
  recent.set(key, { at: ctx.now(), found });
  if (recent.size > RECENT_MAX) {
    const oldest = recent.keys().next().value;
    if (oldest !== undefined) recent.delete(oldest);
  }
  return found;
}

/** Known names containing the text, plus ESI's exact match for a complete name (when it answers in time). */
export async function searchEntities(
  ctx: BotContext,
  kind: EntityKind,
  text: string,
  limit: number,
  options: { remote?: boolean } = {},
): Promise<NamedValue[]> {
  const typed = text.trim();
  const known = (await ctx.names.search(categoryOf(kind), typed, limit)).map((entry) => ({
    id: entry.id,
    name: entry.name,
  }));
  // ESI only knows exact names: ask once the text could be a whole name no known name starts with
  // (while it still prefixes a known name, the admin is most likely typing that one).
  const lower = typed.toLowerCase();
  const prefixesKnown = known.some((entry) => entry.name.toLowerCase().startsWith(lower));
  if (typed.length < 3 || prefixesKnown || options.remote === false) return known;
  const remote = await recentExactLookup(ctx, kind, typed);
  const ids = new Set(remote.map((entry) => entry.id));
  return [...remote, ...known.filter((entry) => !ids.has(entry.id))].slice(0, limit);
}

/** A name already known (any case), or undefined; ESI is left to the caller. */
export async function findKnownEntity(
  ctx: BotContext,
  kind: EntityKind,
  name: string,
): Promise<NamedValue | undefined> {
  const needle = name.trim().toLowerCase();
  const candidates = await ctx.names.search(categoryOf(kind), name.trim(), 10);
  const match = candidates.find((entry) => entry.name.toLowerCase() === needle);
  return match && { id: match.id, name: match.name };
}
