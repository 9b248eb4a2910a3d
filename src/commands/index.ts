// Every slash command, message command and component handler the bot serves.
import { characterCommand, characterListPager } from './character/index.ts';
import type { ComponentHandler, MessageCommand, SlashCommand } from './contract.ts';
import { killtrackerCommand } from './killtracker/index.ts';
import { addPpkButtonsCommand, PPK_COMPONENT_HANDLERS, ppkCommand } from './ppk/index.ts';
import { EDITOR_HANDLERS } from './tracker/editor/index.ts';
import { trackerCommand } from './tracker/index.ts';

export const SLASH_COMMANDS: readonly SlashCommand[] = [
  killtrackerCommand,
  trackerCommand,
  characterCommand,
  ppkCommand,
];

export const MESSAGE_COMMANDS: readonly MessageCommand[] = [addPpkButtonsCommand];

export const COMPONENT_HANDLERS: readonly ComponentHandler<never>[] = [
  ...EDITOR_HANDLERS,
  characterListPager as ComponentHandler<never>,
  ...PPK_COMPONENT_HANDLERS,
];
