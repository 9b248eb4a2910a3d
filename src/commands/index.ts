// Every slash command and component handler the bot registers.
import type { ComponentHandler, SlashCommand } from './contract.ts';
import { killtrackerCommand } from './killtracker/index.ts';
import { TRACKER_BUTTONS } from './tracker/buttons/index.ts';
import { EDITOR_HANDLERS } from './tracker/editor/index.ts';
import { trackerCommand } from './tracker/index.ts';

export const SLASH_COMMANDS: readonly SlashCommand[] = [killtrackerCommand, trackerCommand];

export const COMPONENT_HANDLERS: readonly ComponentHandler<never>[] = [
  ...TRACKER_BUTTONS,
  ...EDITOR_HANDLERS,
];
