// The files `killtracker replay` reads: trackers and links as JSON, killmails as text for the engine's parser.
// A missing or malformed file is a usage error (exit 2) whose message says which file and what to fix.
import { readFile } from 'node:fs/promises';
import { type CharacterRoleLinks, isSnowflake } from '../../engine/index.ts';
import { CliError } from '../errors.ts';

/** How many problems of a file are listed before "and N more". */
const MAX_LISTED_PROBLEMS = 10;

export async function readTextFile(path: string, option: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new CliError(`Cannot read ${option} ${path} (${reason}): check the path.`, 2);
  }
}

export async function readJsonFile(path: string, option: string): Promise<unknown> {
  const text = await readTextFile(path, option);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliError(`${option} ${path} is not valid JSON (${reason}): fix the file and run again.`, 2);
  }
}

/**
 * The character -> Discord roles map of a links file, `{"<character_id>": ["<role_id>", ...]}`, or a
 * usage error listing what is wrong with it.
 */
export function parseCharacterRoleLinks(
  value: unknown,
  path: string,
  option = '--links',
): CharacterRoleLinks {
  const example = 'e.g. {"2112000001": ["123456789012345678"]}';
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new CliError(
      `${option} ${path} must be a JSON object mapping character ids to lists of Discord role ids, ${example}.`,
      2,
    );
  }
  const links = new Map<number, string[]>();
  const problems: string[] = [];
  for (const [key, roles] of Object.entries(value)) {
    const characterId = Number(key);
    if (!/^\d+$/.test(key) || !Number.isSafeInteger(characterId) || characterId <= 0) {
      problems.push(`"${key}" is not a character id (write the EVE character id as digits)`);
      continue;
    }
    if (!Array.isArray(roles)) {
      problems.push(`"${key}" must list role ids, e.g. ["123456789012345678"]`);
      continue;
    }
    const bad = roles.findIndex((role: unknown) => !isSnowflake(role));
    if (bad >= 0) {
      problems.push(
        `"${key}"[${bad}] must be a Discord role id written as a string of digits, got ${JSON.stringify(roles[bad])}`,
      );
      continue;
    }
    links.set(characterId, roles as string[]);
  }
  if (problems.length > 0) throw fileProblems(`${option} ${path}`, problems, example);
  return links;
}

/** A usage error listing the first problems of a file, each on its own line. */
export function fileProblems(file: string, problems: readonly string[], example: string): CliError {
  const listed = problems.slice(0, MAX_LISTED_PROBLEMS);
  const more = problems.length - listed.length;
  return new CliError(
    [
      `${file} has ${problems.length} problem(s); fix them (${example}):`,
      ...listed.map((problem) => `  ${problem}`),
      ...(more > 0 ? [`  and ${more} more`] : []),
    ].join('\n'),
    2,
  );
}
