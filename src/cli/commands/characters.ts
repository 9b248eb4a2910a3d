// `killtracker characters import|export`: which Discord member flies which EVE character in a guild,
// as JSON, for scripting and for moving links between bots (e.g. from Alliance Auth).
import { createCharacterRepository } from '../../db/character-repository.ts';
import { isSnowflake } from '../../engine/clauses/values.ts';
import { discordIdOption, parseCommandArgs } from '../args.ts';
import { UsageError } from '../errors.ts';
import { jsonLine } from '../output.ts';
import { fileProblems, readJsonFile } from '../replay/input-files.ts';
import type { CliCommand } from '../run.ts';

const USAGE = [
  'Usage:',
  '  killtracker characters import FILE --guild ID',
  '      FILE: [{"discord_user_id": "<user id>", "character_id": <character id>, "verified": false}, ...]',
  '  killtracker characters export --guild ID      (prints that JSON array)',
].join('\n');

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

export const charactersCommand: CliCommand = {
  usage: 'characters import|export ...',
  summary: 'EVE characters linked to Discord members, as JSON',
  async run(args, ctx) {
    const [action, ...rest] = args;
    const { values, positionals } = parseCommandArgs(rest, OPTIONS, USAGE);
    const guildId = discordIdOption(values.guild, 'guild', USAGE);
    if (action === 'import' && positionals.length === 1) {
      const path = positionals[0]!;
      const links = parseCharacterLinks(await readJsonFile(path, 'FILE'), path);
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
    if (action === 'export' && positionals.length === 0) {
      const repository = createCharacterRepository({ db: (await ctx.database()).db });
      const links: CharacterLinkJson[] = (await repository.forGuild(guildId)).map((row) => ({
        discord_user_id: row.userId,
        character_id: row.characterId,
        verified: row.verified,
      }));
      ctx.io.out(JSON.stringify(links, null, 2));
      return 0;
    }
    throw new UsageError(USAGE);
  },
};

/** The links of an import file, or a usage error listing every problem (a character listed twice too). */
export function parseCharacterLinks(value: unknown, path: string): CharacterLinkJson[] {
  if (!Array.isArray(value)) {
    throw new UsageError(`FILE ${path} must be a JSON array of links, ${EXAMPLE}.`);
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
