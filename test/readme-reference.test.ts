// The README is the product's front door: every command, option-free subcommand path, environment variable
// and clause the code has is documented there, and the reference tables name nothing the code lacks.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { subcommandsOf } from '../src/cli/help/format.ts';
import { COMMANDS } from '../src/cli/registry.ts';
import { MESSAGE_COMMANDS, SLASH_COMMANDS } from '../src/commands/index.ts';
import { ENV_VARIABLE_NAMES } from '../src/config/env.ts';
import { CLAUSE_DEFINITIONS } from '../src/engine/clauses/registry.ts';

const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

/** The rows of the markdown table that follows `heading`'s section start, as cells. */
function tableRows(heading: string): string[][] {
  const start = README.indexOf(`\n${heading}\n`);
  expect(start, `README has a "${heading}" section`).toBeGreaterThan(-1);
  const lines = README.slice(start).split('\n');
  const first = lines.findIndex((line) => line.startsWith('|'));
  const rows: string[][] = [];
  for (const line of lines.slice(first + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(
      line
        .slice(1, -1)
        .split(' | ')
        .map((cell) => cell.trim()),
    );
  }
  return rows;
}

interface CommandOption {
  type: number;
  name: string;
  options?: CommandOption[];
}

/** "/tracker set ppk" for every subcommand, through subcommand groups. */
function slashPaths(prefix: string, options: readonly CommandOption[] | undefined): string[] {
  return (options ?? []).flatMap((option) => {
    if (option.type === 1) return [`${prefix} ${option.name}`];
    if (option.type === 2) return slashPaths(`${prefix} ${option.name}`, option.options);
    return [];
  });
}

describe('README reference', () => {
  it('has no merge conflict markers left in it', () => {
    expect(README).not.toMatch(/^(<{7}|={7}|>{7})( |$)/m);
  });

  it('documents every slash subcommand and message command the bot registers', () => {
    const paths = SLASH_COMMANDS.flatMap((command) =>
      slashPaths(`/${command.data.name}`, command.data.options as CommandOption[] | undefined),
    );
    expect(paths.length).toBeGreaterThan(40);
    // `/tracker enable tracker` / `disable` documents both in one row.
    const missing = paths.filter(
      (path) =>
        !README.includes(`\`${path}`) && !(path === '/tracker disable' && README.includes('/ `disable`')),
    );
    expect(missing).toEqual([]);
    for (const command of MESSAGE_COMMANDS) expect(README).toContain(`**${command.data.name}**`);
  });

  it('lists every environment variable in the Configuration table, and only those', () => {
    const listed = tableRows('## Configuration').flatMap(
      ([variables]) => variables?.match(/`[A-Z0-9_]+`/g)?.map((name) => name.slice(1, -1)) ?? [],
    );
    // METRICS_PORT is the old name of HTTP_PORT, mentioned in its row.
    const expected = ENV_VARIABLE_NAMES.filter((name) => name !== 'METRICS_PORT');
    expect([...listed].sort()).toEqual([...expected].sort());
    expect(README).toContain('`METRICS_PORT`, its old name');
  });

  it('lists every clause in the Tracker JSON table in the registry order, with its label, group and value kind', () => {
    const rows = tableRows('## Tracker JSON (version 1)').filter(([key]) => key?.startsWith('`'));
    expect(rows).toEqual(
      CLAUSE_DEFINITIONS.map((clause) => [`\`${clause.key}\``, clause.label, clause.group, clause.valueKind]),
    );
    expect(README).toContain(`${CLAUSE_DEFINITIONS.length} clauses`);
  });

  it('shows every killtracker command and subcommand in the Command line table', () => {
    const documented = tableRows('## Command line').map(([command]) => command ?? '');
    for (const { help } of COMMANDS) {
      const subcommands = subcommandsOf(help);
      const names = subcommands.length === 0 ? [help.name] : subcommands.map((sub) => `${help.name} ${sub}`);
      for (const name of names)
        expect(
          documented.some((cell) => cell.startsWith(`\`killtracker ${name}`)),
          `killtracker ${name}`,
        ).toBe(true);
    }
  });
});
