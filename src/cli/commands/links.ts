// `killtracker links import|export`: which Discord roles the member behind each EVE character holds
// (e.g. exported from Alliance Auth), so the *_roles clauses can tell friends from everyone else.
import { createCharacterLinkRepository } from '../../db/character-link-repository.ts';
import { discordIdOption, noPositionals, parseCommandArgs } from '../args.ts';
import type { CliCommand } from '../command.ts';
import { UsageError } from '../errors.ts';
import { jsonLine } from '../output.ts';
import { parseCharacterRoleLinks, readJsonFile } from '../replay/input-files.ts';

type LinksArgs =
  | { action: 'import'; guildId: string; file: string; replace: boolean }
  | { action: 'export'; guildId: string };

export const linksCommand: CliCommand<LinksArgs> = {
  parse(argv, subcommand) {
    if (subcommand === 'export') {
      const { values, positionals } = parseCommandArgs(argv, { guild: { type: 'string' } });
      noPositionals(positionals);
      return { action: 'export', guildId: discordIdOption(values.guild, 'guild') };
    }
    const { values, positionals } = parseCommandArgs(argv, {
      guild: { type: 'string' },
      replace: { type: 'boolean' },
    });
    const [file, ...extra] = positionals;
    if (file === undefined) throw new UsageError('Give the FILE of links to import.');
    noPositionals(extra);
    return {
      action: 'import',
      guildId: discordIdOption(values.guild, 'guild'),
      file,
      replace: values.replace === true,
    };
  },
  async run(args, ctx) {
    if (args.action === 'import') {
      // The file is checked before the database is opened: a broken file costs nothing.
      const links = parseCharacterRoleLinks(await readJsonFile(args.file, 'FILE'), args.file, 'FILE');
      const repository = createCharacterLinkRepository({ db: (await ctx.database()).db });
      const saved = await repository.save(args.guildId, links, args.replace);
      ctx.io.out(jsonLine({ guild: args.guildId, characters: saved, replaced: args.replace }));
      return 0;
    }
    const repository = createCharacterLinkRepository({ db: (await ctx.database()).db });
    const links = await repository.forGuild(args.guildId);
    ctx.io.out(
      JSON.stringify(Object.fromEntries([...links].map(([id, roles]) => [String(id), roles])), null, 2),
    );
    return 0;
  },
};
