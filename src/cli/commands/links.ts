// `killtracker links import|export`: which Discord roles the member behind each EVE character holds
// (e.g. exported from Alliance Auth), so the *_roles clauses can tell friends from everyone else.
import { createCharacterLinkRepository } from '../../db/character-link-repository.ts';
import { discordIdOption, parseCommandArgs } from '../args.ts';
import { UsageError } from '../errors.ts';
import { jsonLine } from '../output.ts';
import { parseCharacterRoleLinks, readJsonFile } from '../replay/input-files.ts';
import type { CliCommand } from '../run.ts';

const USAGE = [
  'Usage:',
  '  killtracker links import FILE --guild ID [--replace]   FILE: {"<character_id>": ["<role_id>", ...]}',
  '  killtracker links export --guild ID',
].join('\n');

const OPTIONS = { guild: { type: 'string' }, replace: { type: 'boolean' } } as const;

export const linksCommand: CliCommand = {
  usage: 'links import|export ...',
  summary: 'Character -> Discord role links for the *_roles clauses',
  async run(args, ctx) {
    const [action, ...rest] = args;
    const { values, positionals } = parseCommandArgs(rest, OPTIONS, USAGE);
    const guildId = discordIdOption(values.guild, 'guild', USAGE);
    const repository = createCharacterLinkRepository({ db: (await ctx.database()).db });
    if (action === 'import' && positionals.length === 1) {
      const path = positionals[0]!;
      const links = parseCharacterRoleLinks(await readJsonFile(path, 'FILE'), path, 'FILE');
      const saved = await repository.save(guildId, links, values.replace === true);
      ctx.io.out(jsonLine({ guild: guildId, characters: saved, replaced: values.replace === true }));
      return 0;
    }
    if (action === 'export' && positionals.length === 0) {
      const links = await repository.forGuild(guildId);
      ctx.io.out(
        JSON.stringify(Object.fromEntries([...links].map(([id, roles]) => [String(id), roles])), null, 2),
      );
      return 0;
    }
    throw new UsageError(USAGE);
  },
};
