// Every slash command and component handler the bot serves.
import type { ComponentHandler, SlashCommand } from './contract.ts';
import { killtrackerCommand } from './killtracker/index.ts';
import { EDITOR_HANDLERS } from './tracker/editor/index.ts';
import { trackerCommand } from './tracker/index.ts';

export const SLASH_COMMANDS: readonly SlashCommand[] = [killtrackerCommand, trackerCommand];

export const COMPONENT_HANDLERS: readonly ComponentHandler<never>[] = [...EDITOR_HANDLERS];
