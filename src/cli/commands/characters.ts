// `killtracker characters import|export`: which Discord member flies which EVE character in a guild,
// as JSON, for scripting and for moving links between bots (e.g. from Alliance Auth).
import { createCharacterRepository } from '../../db/character-repository.ts';
import { isSnowflake } from '../../engine/index.ts';
import { discordIdOption, noPositionals, parseCommandArgs } from '../args.ts';
import type { CliCommand } from '../command.ts';
import { CliError, UsageError } from '../errors.ts';
import { jsonLine } from '../output.ts';
import { fileProblems, readJsonFile } from '../replay/input-files.ts';

const EXAMPLE =
  'e.g. [{"discord_user_id": "123456789012345678", "character_id": 2112000001, "verified": false}]';
const MAX_CHARACTER_ID = 2_147_483_647;

const OPTIONS = { guild: { type: 'string' } } as const;

/** One link as the file holds it (the exact contract of import and export). */
export interface CharacterLinkJson {
  discord_user_id: string;
  character_id: number;
  verified: boolean;
}

type CharactersArgs =
  { action: 'import'; guildId: string; file: string } | { action: 'export'; guildId: string };

export const charactersCommand: CliCommand<CharactersArgs> = {
  parse(argv, subcommand) {
    const { values, positionals } = parseCommandArgs(argv, OPTIONS);
    if (subcommand === 'export') {
      noPositionals(positionals);
      return { action: 'export', guildId: discordIdOption(values.guild, 'guild') };
    }
    const [file, ...extra] = positionals;
    if (file === undefined) throw new UsageError('Give the FILE of characters to import.');
    noPositionals(extra);
    return { action: 'import', guildId: discordIdOption(values.guild, 'guild'), file };
  },
  async run(args, ctx) {
    const { guildId } = args;
    if (args.action === 'import') {
      // The file is checked before the database is opened: a broken file costs nothing.
      const links = parseCharacterLinks(await readJsonFile(args.file, 'FILE'), args.file);
      const repository = createCharacterRepository({ db: (await ctx.database()).db });
      const saved = await repository.importLinks(
        guildId,
        links.map((link) => ({
          userId: link.discord_user_id,
          characterId: link.character_id,
          verified: link.verified,
        })),
      );
      ctx.io.out(jsonLine({ guild: guildId, characters: saved }));
      return 0;
    }
    const repository = createCharacterRepository({ db: (await ctx.database()).db });
    const links: CharacterLinkJson[] = (await repository.forGuild(guildId)).map((row) => ({
      discord_user_id: row.userId,
      character_id: row.characterId,
      verified: row.verified,
    }));
    ctx.io.out(JSON.stringify(links, null, 2));
    return 0;
  },
};

/** The links of an import file, or a usage error listing every problem (a character listed twice too). */
export function parseCharacterLinks(value: unknown, path: string): CharacterLinkJson[] {
  if (!Array.isArray(value)) {
    throw new CliError(`FILE ${path} must be a JSON array of links, ${EXAMPLE}.`, 2);
  }
  const problems: string[] = [];
  const links: CharacterLinkJson[] = [];
  const owners = new Map<number, number>();
  value.forEach((entry: unknown, index) => {
    const at = `[${index}]`;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      problems.push(`${at} must be an object with discord_user_id, character_id and verified`);
      return;
    }
    const {
      discord_user_id: userId,
      character_id: characterId,
      verified = false,
    } = entry as Record<string, unknown>;
    const before = problems.length;
    if (!isSnowflake(userId)) {
      problems.push(
        `${at}.discord_user_id must be a Discord user id written as a string of digits, got ${JSON.stringify(userId)}`,
      );
    }
    if (
      typeof characterId !== 'number' ||
      !Number.isInteger(characterId) ||
      characterId <= 0 ||
      characterId > MAX_CHARACTER_ID
    ) {
      problems.push(
        `${at}.character_id must be an EVE character id (a whole number), got ${JSON.stringify(characterId)}`,
      );
    }
    if (typeof verified !== 'boolean') {
      problems.push(`${at}.verified must be true or false, got ${JSON.stringify(verified)}`);
    }
    if (problems.length > before) return;
    const first = owners.get(characterId as number);
    if (first !== undefined) {
      problems.push(
        `${at}.character_id ${String(characterId)} is already listed at [${first}]: a character has one owner`,
      );
      return;
    }
    owners.set(characterId as number, index);
    links.push({
      discord_user_id: userId as string,
      character_id: characterId as number,
      verified: verified as boolean,
    });
  });
  if (problems.length > 0) throw fileProblems(`FILE ${path}`, problems, EXAMPLE);
  return links;
}
