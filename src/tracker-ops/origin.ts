// A tracker's origin solar system as admins give it: by autocomplete value (the system id) or typed name.
import type { Universe } from '../engine/index.ts';
import { escapeMarkdown } from '../engine/render/index.ts';
import { UserError } from '../user-error.ts';

/** A solar system id, or null for "none" (no origin); throws a UserError naming close matches. */
export function resolveOrigin(universe: Universe, text: string): number | null {
  const typed = text.trim();
  if (typed === '' || typed.toLowerCase() === 'none') return null;
  if (/^\d{1,10}$/.test(typed)) {
    const system = universe.system(Number(typed));
    if (system) return system.id;
    throw new UserError(
      `There is no solar system with id ${typed}. Pick a system from the list while typing, or type its name.`,
    );
  }
  const byName = universe.systemByName(typed);
  if (byName) return byName.id;
  const close = closeSystemNames(universe, typed);
  const hint = close.length > 0 ? ` Did you mean ${close.join(', ')}?` : '';
  throw new UserError(
    `Unknown solar system "${escapeMarkdown(typed.slice(0, 50))}".${hint} Pick a system from the list while typing.`,
  );
}

/** Systems named like the text, or like a shorter start of it (a typo at the end: "Jitaa"). */
function closeSystemNames(universe: Universe, typed: string): string[] {
  for (let length = typed.length; length >= 3; length--) {
    const found = universe.searchSystems(typed.slice(0, length), 3);
    if (found.length > 0) return found.map((system) => system.name);
  }
  return [];
}

export function systemLabel(universe: Universe, systemId: number | null | undefined): string {
  if (systemId === null || systemId === undefined) return 'none';
  return universe.system(systemId)?.name ?? `system ${systemId}`;
}
