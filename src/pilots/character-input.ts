// Which EVE character a member means: a typed id is taken as an id, an exact name is looked up with ESI
// (POST /universe/ids/), and autocomplete offers the characters the bot has seen on killmails.
import type { NameRepository } from '../db/name-repository.ts';
import { escapeMarkdown, truncatePlain } from '../engine/render/index.ts';
import type { EsiClient } from '../ingest/esi/client.ts';
import type { NameResolver } from '../ingest/esi/name-resolver.ts';
import type { Logger } from '../log.ts';
import { UserError } from '../user-error.ts';

export interface CharacterRef {
  id: number;
  /** Unknown when the member typed an id the bot has no name for. */
  name: string | undefined;
}

export interface CharacterLookup {
  esi: Pick<EsiClient, 'ids'>;
  names: Pick<NameRepository, 'get' | 'put' | 'search'>;
  /** Names an id the cache does not know (ESI, within a deadline). */
  nameResolver: NameResolver;
  log: Logger;
}

/** A typed id is named within this time, or taken without a name (ESI may be slow or down). */
const ID_NAME_DEADLINE_MS = 2_000;

/** EVE ids (and so character ids) are int32. */
const MAX_CHARACTER_ID = 2_147_483_647;
/** Discord's limits for an autocomplete choice. */
const MAX_CHOICES = 25;
const MAX_CHOICE_NAME = 100;

const CATEGORY = 'character';

/** "Name (id)" or "character id" for messages; names are escaped for Discord markdown. */
export function characterLabel(character: CharacterRef): string {
  return character.name === undefined
    ? `character ${character.id}`
    : `${escapeMarkdown(character.name)} (${character.id})`;
}

/** An autocomplete choice: the name (or the id) shown, the id as the value. */
export function characterChoice(character: CharacterRef): { name: string; value: string } {
  const shown =
    character.name === undefined ? `Character id ${character.id}` : `${character.name} (${character.id})`;
  return { name: truncatePlain(shown, MAX_CHOICE_NAME), value: String(character.id) };
}

export async function resolveCharacter(lookup: CharacterLookup, text: string): Promise<CharacterRef> {
  const typed = text.trim();
  if (typed === '') throw new UserError('Say which character: its exact name, or its id.');
  if (/^\d+$/.test(typed)) return characterById(lookup, Number(typed), typed);
  return characterByName(lookup, typed);
}

async function characterById(lookup: CharacterLookup, id: number, typed: string): Promise<CharacterRef> {
  if (!Number.isSafeInteger(id) || id <= 0 || id > MAX_CHARACTER_ID) {
    throw new UserError(
      `${escapeMarkdown(typed.slice(0, 20))} is not an EVE character id. Pick the character from the list while typing, or type its exact name.`,
    );
  }
  const known = (await lookup.nameResolver.resolve([id], { deadlineMs: ID_NAME_DEADLINE_MS })).get(id);
  if (known && known.category !== CATEGORY) {
    throw new UserError(
      `${id} is the ${known.category} ${escapeMarkdown(known.name)}, not a character. Give a character's id or exact name.`,
    );
  }
  return { id, name: known?.name };
}

async function characterByName(lookup: CharacterLookup, name: string): Promise<CharacterRef> {
  let found: Array<{ id: number; name: string }>;
  try {
    found = (await lookup.esi.ids([name])).characters ?? [];
  } catch (error) {
    lookup.log.debug({ err: error }, 'ESI name lookup failed; trying the names the bot knows');
    const known = await knownByName(lookup, name);
    if (known) return known;
    throw new UserError(
      "EVE's API (ESI) is not answering, so the name cannot be looked up now. Pick the character from the list while typing, type its id, or try again in a minute.",
    );
  }
  const match = found.find((entry) => entry.name.toLowerCase() === name.toLowerCase()) ?? found[0];
  if (!match) {
    throw new UserError(
      `No EVE character is named "${escapeMarkdown(name.slice(0, 100))}". Check the spelling (the whole name), pick it from the list while typing, or type its id.`,
    );
  }
  await lookup.names
    .put([{ id: match.id, name: match.name, category: CATEGORY }])
    .catch((error: unknown) =>
      lookup.log.warn({ err: error }, 'could not keep a character name ESI confirmed'),
    );
  return { id: match.id, name: match.name };
}

async function knownByName(lookup: CharacterLookup, name: string): Promise<CharacterRef | undefined> {
  const needle = name.toLowerCase();
  const candidates = await lookup.names.search(CATEGORY, name, 10);
  const match = candidates.find((entry) => entry.name.toLowerCase() === needle);
  return match && { id: match.id, name: match.name };
}

/** Autocomplete: characters seen on killmails whose names contain the text, the id as the value. */
export async function characterChoices(
  lookup: CharacterLookup,
  text: string,
): Promise<Array<{ name: string; value: string }>> {
  const typed = text.trim();
  const known = await lookup.names.search(CATEGORY, typed, MAX_CHOICES);
  const choices = known.map((entry) => characterChoice(entry));
  // A typed id is offered as is, so a character the bot has never seen can still be picked.
  if (/^\d{1,10}$/.test(typed) && !choices.some((choice) => choice.value === typed)) {
    choices.unshift(characterChoice({ id: Number(typed), name: undefined }));
  }
  return choices.slice(0, MAX_CHOICES);
}
