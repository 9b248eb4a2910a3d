// `killtracker <command>`: finds the command, answers --help from its help text alone, and hands the rest
// to execute.ts, which is imported only when a command really runs.
import type { CliIo } from './context.ts';
import { helpText, overviewText, subcommandsOf, usageText } from './help/format.ts';
import { COMMANDS } from './registry.ts';

const HELP_FLAGS = new Set(['--help', '-h']);

/** --help or -h anywhere before a `--` that ends the options. */
function asksForHelp(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end === -1 ? args : args.slice(0, end)).some((arg) => HELP_FLAGS.has(arg));
}

export async function runCli(argv: string[], source: NodeJS.ProcessEnv, io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  const overview = () => overviewText(COMMANDS.map((command) => command.help));
  if (name === undefined) {
    io.err(overview());
    return 2;
  }
  if (HELP_FLAGS.has(name) || (name === 'help' && rest.length === 0)) {
    io.out(overview());
    return 0;
  }
  // `killtracker help sde update` is `killtracker sde update --help`.
  if (name === 'help') return runCli([...rest, '--help'], source, io);

  const command = COMMANDS.find((candidate) => candidate.help.name === name);
  if (!command) {
    io.err(`Unknown command "${name}". Run "killtracker help" to see the commands.`);
    return 2;
  }
  const subcommands = subcommandsOf(command.help);
  const [first] = rest;
  const subcommand = first !== undefined && subcommands.includes(first) ? first : undefined;
  if (asksForHelp(rest)) {
    io.out(helpText(command.help, subcommand));
    return 0;
  }
  if (subcommands.length > 0 && subcommand === undefined) {
    const problem =
      first === undefined
        ? `"killtracker ${name}" needs a subcommand: ${subcommands.join(', ')}.`
        : `Unknown ${name} subcommand "${first}".`;
    io.err(`${problem}\n${usageText(command.help, undefined)}`);
    return 2;
  }
  const { executeCommand } = await import('./execute.ts');
  return executeCommand(command, subcommand, subcommand === undefined ? rest : rest.slice(1), source, io);
}
