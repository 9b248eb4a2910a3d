// /tracker: dispatches each subcommand (and the "set" group) to its handler, and autocomplete to the
// suggestion for the focused option.
import type { SlashCommand } from '../contract.ts';
import { UserError } from '../../user-error.ts';
import { executeAddClause } from './add-clause.ts';
import { trackerAutocomplete } from './autocomplete.ts';
import { executeClone } from './clone.ts';
import { executeCreate } from './create.ts';
import { TRACKER_COMMAND, type TrackerSubcommand } from './definition.ts';
import { executeDelete } from './delete.ts';
import { executeDisable, executeEnable } from './enable-disable.ts';
import { executeExport } from './export.ts';
import { executeImport } from './import.ts';
import { executeList } from './list.ts';
import { executePing } from './ping.ts';
import { executePreview } from './preview.ts';
import { executeRemoveClause } from './remove-clause.ts';
import { executeRename } from './rename.ts';
import { executeSetChannel } from './set-channel.ts';
import { executeSetColor } from './set-color.ts';
import { executeSetMaxAge } from './set-max-age.ts';
import { executeSetOrigin } from './set-origin.ts';
import { executeShow } from './show.ts';
import { executeTest } from './test-post.ts';
import type { TrackerCommandInteraction } from './tracker-option.ts';

type Execute = (
  interaction: TrackerCommandInteraction,
  ctx: Parameters<SlashCommand['execute']>[1],
) => Promise<void>;

const SUBCOMMANDS: Record<TrackerSubcommand, Execute> = {
  create: executeCreate,
  'add-clause': executeAddClause,
  'remove-clause': executeRemoveClause,
  show: executeShow,
  list: executeList,
  enable: executeEnable,
  disable: executeDisable,
  rename: executeRename,
  clone: executeClone,
  delete: executeDelete,
  'set origin': executeSetOrigin,
  'set color': executeSetColor,
  'set channel': executeSetChannel,
  'set max-age': executeSetMaxAge,
  ping: executePing,
  preview: executePreview,
  test: executeTest,
  export: executeExport,
  import: executeImport,
};

export const trackerCommand: SlashCommand = {
  data: TRACKER_COMMAND,
  access: 'manager',
  async execute(interaction, ctx) {
    const group = interaction.options.getSubcommandGroup(false);
    const sub = `${group === null ? '' : `${group} `}${interaction.options.getSubcommand()}`;
    const execute = Object.hasOwn(SUBCOMMANDS, sub) ? SUBCOMMANDS[sub as TrackerSubcommand] : undefined;
    if (!execute)
      throw new UserError(`Unknown subcommand /tracker ${sub}. The bot may be restarting; try again.`);
    await execute(interaction, ctx);
  },
  autocomplete: trackerAutocomplete,
};
