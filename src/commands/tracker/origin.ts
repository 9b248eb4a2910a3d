// The origin solar system of a tracker, by autocomplete value (the system id) or by typed name.
import type { BotContext } from '../contract.ts';
import { UserError } from '../../user-error.ts';
import { escapeMarkdown } from '../../engine/render/index.ts';

/** A solar system id, or null for "none" (no origin); throws a UserError naming close matches. */
export function resolveOrigin(ctx: BotContext, text: string): number | null {
  const typed = text.trim();
  if (typed === '' || typed.toLowerCase() === 'none') return null;
  const { universe } = ctx.world();
  if (/^\d{1,10}$/.test(typed)) {
    const system = universe.system(Number(typed));
    if (system) return system.id;
    throw new UserError(
      `There is no solar system with id ${typed}. Pick a system from the list while typing, or type its name.`,
    );
  }
  const byName = universe.systemByName(typed);
  if (byName) return byName.id;
  const close = closeSystemNames(ctx, typed);
  const hint = close.length > 0 ? ` Did you mean ${close.join(', ')}?` : '';
  throw new UserError(
    `Unknown solar system "${escapeMarkdown(typed.slice(0, 50))}".${hint} Pick a system from the list while typing.`,
  );
}

/** Systems named like the text, or like a shorter start of it (a typo at the end: "Jitaa"). */
function closeSystemNames(ctx: BotContext, typed: string): string[] {
  const { universe } = ctx.world();
  for (let length = typed.length; length >= 3; length--) {
    const found = universe.searchSystems(typed.slice(0, length), 3);
    if (found.length > 0) return found.map((system) => system.name);
  }
  return [];
}

export function systemLabel(ctx: BotContext, systemId: number | null | undefined): string {
  if (systemId === null || systemId === undefined) return 'none';
  return ctx.world().universe.system(systemId)?.name ?? `system ${systemId}`;
}
