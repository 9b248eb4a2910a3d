// `killtracker --help` and every command's help and argument errors: answered at once, from the help
// texts alone, before the configuration is read or a database is opened.
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { subcommandsOf } from '../../src/cli/help/format.ts';
import { COMMANDS } from '../../src/cli/registry.ts';
import { REPO_ROOT } from '../helpers/bot-process.ts';
import { runCliCapture } from '../helpers/cli.ts';

const neverOpened = join(tmpdir(), `kt-help-never-opened-${process.pid}`);
/** Nothing here may be read: an invalid log level and an unreachable database would both fail a run. */
const UNUSABLE_ENV = {
  LOG_LEVEL: 'loud',
  DATA_DIR: neverOpened,
  DATABASE_URL: 'postgres://nobody@127.0.0.1:1/never',
};

const COMMAND_LINES = COMMANDS.flatMap(({ help }) => [
  [help.name],
  ...subcommandsOf(help).map((subcommand) => [help.name, subcommand]),
]);

describe('killtracker help', () => {
  it('lists the documented commands', () => {
    expect(COMMANDS.map(({ help }) => help.name)).toEqual([
      'start',
      'db',
      'sde',
      'trackers',
      'characters',
      'ppk',
      'route',
      'replay',
      'deadletter',
    ]);
  });

  it.each([['--help'], ['-h'], ['help']])(
    'GIVEN %s THEN every command is listed and it exits 0',
    async (flag) => {
      const run = await runCliCapture([flag], UNUSABLE_ENV);
      expect(run.code).toBe(0);
      expect(run.err).toEqual([]);
      const text = run.out.join('\n');
      expect(text).toMatch(/^Usage: killtracker <command> \[options\]/);
      for (const { help } of COMMANDS) expect(text).toContain(`\n  ${help.name}`);
      expect(text).toContain('killtracker sde --help');
    },
  );

  it('GIVEN no command THEN the list goes to stderr and it exits 2', async () => {
    const run = await runCliCapture([], UNUSABLE_ENV);
    expect(run.code).toBe(2);
    expect(run.out).toEqual([]);
    expect(run.err.join('\n')).toMatch(/^Usage: killtracker <command>/);
  });

  it('GIVEN an unknown command THEN it says how to see the commands and exits 2', async () => {
    const run = await runCliCapture(['trakers', 'list'], UNUSABLE_ENV);
    expect(run).toEqual({
      code: 2,
      out: [],
      err: ['Unknown command "trakers". Run "killtracker help" to see the commands.'],
    });
  });

  describe.each(COMMAND_LINES)('killtracker %s', (...words) => {
    it.each([['--help'], ['-h']])(
      'GIVEN %s THEN it prints the usage with an example and exits 0',
      async (flag) => {
        const run = await runCliCapture([...words, flag], UNUSABLE_ENV);
        expect(run.err).toEqual([]);
        expect(run.code).toBe(0);
        const text = run.out.join('\n');
        expect(text).toMatch(new RegExp(`^killtracker ${words.join(' ')}: `));
        expect(text).toMatch(/\nUsage:/);
        expect(text).toContain(`killtracker ${words.join(' ')}`);
        const examples = text
          .slice(text.search(/\nExamples?:\n/))
          .split('\n')
          .slice(2);
        expect(examples.length).toBeGreaterThan(0);
        for (const example of examples) expect(example).toMatch(/^ {2}(\S+=\S+ )?killtracker \S/);
        expect(existsSync(neverOpened)).toBe(false);
      },
    );
  });

  it('GIVEN start --help THEN it explains the shard settings and that sharding across processes needs PostgreSQL', async () => {
    const run = await runCliCapture(['start', '--help'], UNUSABLE_ENV);
    const text = run.out.join('\n').replace(/\s+/g, ' ');
    expect(text).toContain('SHARD_COUNT=N sets the number of shards over all processes');
    expect(text).toContain('SHARD_IDS (e.g. 0,1 or 2-3) the ones this process serves');
    expect(text).toContain('they need one PostgreSQL (DATABASE_URL)');
    expect(text).toContain('The process serving shard 0 registers the slash commands');
  });

  it('GIVEN --help after other arguments, or the help command THEN the same help is printed', async () => {
    const direct = await runCliCapture(['trackers', 'import', '--help'], UNUSABLE_ENV);
    const late = await runCliCapture(
      ['trackers', 'import', 'x.json', '--guild', '1', '--help'],
      UNUSABLE_ENV,
    );
    const word = await runCliCapture(['help', 'trackers', 'import'], UNUSABLE_ENV);
    expect(direct.code).toBe(0);
    expect(late).toEqual(direct);
    expect(word).toEqual(direct);
    expect(direct.out.join('\n')).toContain(
      'Usage: killtracker trackers import FILE --guild ID --channel ID',
    );
    expect(direct.out.join('\n')).not.toContain('trackers export');
  });
});

describe('killtracker argument errors', () => {
  it.each([
    [['start', 'now'], '"start" takes no arguments (got now).', 'Usage: killtracker start'],
    [['db'], '"killtracker db" needs a subcommand: migrate.', 'Usage: killtracker db migrate'],
    [['db', 'migrate', 'now'], 'Unexpected argument', 'Usage: killtracker db migrate'],
    [['sde', 'status', '--json'], "Unknown option '--json'", 'Usage: killtracker sde status'],
    [['trackers', 'import'], 'Give the FILE of trackers to import.', 'Usage: killtracker trackers import'],
    [['trackers', 'export'], '--guild is required.', 'Usage: killtracker trackers export'],
    [
      ['trackers', 'list', '--guild', 'abc'],
      '--guild must be a Discord id',
      'Usage: killtracker trackers list',
    ],
    [
      ['trackers', 'list', '--channel', '1'],
      "Unknown option '--channel'",
      'Usage: killtracker trackers list',
    ],
    [['characters', 'import', 'c.json'], '--guild is required.', 'Usage: killtracker characters import'],
    [
      ['characters', 'export', '--guild', '1'],
      '--guild must be a Discord id',
      'Usage: killtracker characters export',
    ],
    [
      ['deadletter', 'retry'],
      'Give the ID of the dead letter to retry.',
      'Usage: killtracker deadletter retry ID',
    ],
    [['deadletter', 'retry', 'abc'], 'ID must be a dead letter id', 'Usage: killtracker deadletter retry ID'],
    [['deadletter', 'list', '--all'], "Unknown option '--all'", 'Usage: killtracker deadletter list'],
    [['route', 'Jita'], 'Give two solar systems, FROM and TO', 'Usage: killtracker route FROM TO'],
    [['replay', '--killmails', 'kills.jsonl'], '--trackers FILE is required.', 'Usage: killtracker replay'],
    [
      ['replay', '--trackers', 't.json', '--killmails', 'k.jsonl', '--format', 'csv'],
      '--format must be jsonl or text, got "csv".',
      'Usage: killtracker replay',
    ],
  ])(
    'GIVEN %j THEN it says what is wrong, shows the usage and exits 2 without touching a database',
    async (argv, problem, usage) => {
      const run = await runCliCapture(argv, UNUSABLE_ENV);
      expect(run.out).toEqual([]);
      expect(run.err).toHaveLength(1);
      const [text] = run.err as [string];
      expect(text.startsWith(problem)).toBe(true);
      expect(text).toContain(`\n${usage}`);
      expect(text).toMatch(/\nRun "killtracker [a-z ]+ --help" for details and an example\.$/);
      expect(run.code).toBe(2);
      expect(existsSync(neverOpened)).toBe(false);
    },
  );
});

describe('what help loads', () => {
  // Help and argument errors must not wait for discord.js, drizzle, PGlite or postgres to load: the
  // modules run.ts imports up front (not the ones it imports when a command runs) use none of them.
  const HEAVY = ['discord.js', 'drizzle-orm', '@electric-sql/pglite', 'postgres', 'pino', 'zod', 'undici'];

  function staticImports(
    file: string,
    seen = new Set<string>(),
  ): { files: Set<string>; packages: Set<string> } {
    const packages = new Set<string>();
    if (seen.has(file)) return { files: seen, packages };
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    // `import type` is erased; everything else (even `import { type X }`) is loaded.
    for (const match of source.matchAll(/^(?:import|export)\s+(?!type\s)[^;]*?from\s+'([^']+)'/gms)) {
      const specifier = match[1]!;
      if (specifier.startsWith('.')) {
        for (const found of staticImports(resolve(dirname(file), specifier), seen).packages)
          packages.add(found);
      } else {
        packages.add(specifier);
      }
    }
    return { files: seen, packages };
  }

  it('GIVEN the CLI entry THEN none of its static imports reaches a heavy package or a command implementation', () => {
    const { files, packages } = staticImports(resolve(REPO_ROOT, 'src/cli/run.ts'));
    expect(
      [...packages].filter((name) => HEAVY.some((heavy) => name === heavy || name.startsWith(`${heavy}/`))),
    ).toEqual([]);
    const relative = [...files].map((file) => file.slice(REPO_ROOT.length + 1));
    expect(relative).toContain('src/cli/help/format.ts');
    expect(
      relative.filter((file) => file.startsWith('src/cli/commands/') || file === 'src/cli/context.ts'),
    ).toEqual([]);
  });
});
