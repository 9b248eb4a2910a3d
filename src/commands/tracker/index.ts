// /tracker, assembled from its subcommand files (one per subcommand, the `set` group in its folder): the
// registered JSON, the dispatch and the subcommand names all come from this list, in Discord's order.
import { InteractionContextType, PermissionFlagsBits } from 'discord-api-types/v10';
import { slashCommand, type SubcommandNames } from '../assemble.ts';
import { completeTracker } from './shared-options.ts';
import addClause from './subcommands/add-clause.ts';
import clone from './subcommands/clone.ts';
import create from './subcommands/create.ts';
import deleteTracker from './subcommands/delete.ts';
import digest from './subcommands/digest.ts';
import disable from './subcommands/disable.ts';
import enable from './subcommands/enable.ts';
import exportTrackers from './subcommands/export.ts';
import importTrackers from './subcommands/import.ts';
import list from './subcommands/list.ts';
import ping from './subcommands/ping.ts';
import preview from './subcommands/preview.ts';
import removeClause from './subcommands/remove-clause.ts';
import rename from './subcommands/rename.ts';
import set from './subcommands/set/index.ts';
import show from './subcommands/show.ts';
import test from './subcommands/test.ts';

const SUBCOMMANDS = [
  create,
  addClause,
  removeClause,
  show,
  list,
  enable,
  disable,
  rename,
  clone,
  deleteTracker,
  set,
  ping,
  preview,
  test,
  digest,
  exportTrackers,
  importTrackers,
] as const;

/** "create" | "add-clause" | ... | "set origin" | ... */
export type TrackerSubcommandName = SubcommandNames<typeof SUBCOMMANDS>;

export const trackerCommand = slashCommand({
  data: {
    name: 'tracker',
    description: 'Build and manage killmail trackers for this server',
    default_member_permissions: String(PermissionFlagsBits.ManageGuild),
    contexts: [InteractionContextType.Guild],
  },
  access: 'manager',
  subcommands: SUBCOMMANDS,
  // Every subcommand's `tracker` option offers this guild's trackers.
  autocomplete: { tracker: completeTracker },
});
