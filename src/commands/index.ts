// Every slash command and component handler the bot registers.
import type { ComponentHandler, SlashCommand } from '../bot/types.ts';
import { killtrackerCommand } from './killtracker/index.ts';

export const SLASH_COMMANDS: readonly SlashCommand[] = [killtrackerCommand];

export const COMPONENT_HANDLERS: readonly ComponentHandler<never>[] = [];
