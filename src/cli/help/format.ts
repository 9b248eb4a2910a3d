// How a command describes itself (usage, options, examples) and the texts built from that: `--help`,
// the usage shown under an argument error, and the list of commands. Plain data, no imports, so help
// never loads what a command needs to run.

export interface UsageForm {
  /** The subcommand this form is for ("update" in `sde update`); absent for a command without any. */
  subcommand?: string;
  /** What follows "killtracker ", e.g. "sde update [--file PATH] [--force]". */
  synopsis: string;
  /** What it does, in a sentence or two. */
  description: string;
  options?: ReadonlyArray<readonly [flag: string, meaning: string]>;
  /** Whole command lines; at least one. */
  examples: readonly [string, ...string[]];
}

export interface CommandHelp {
  name: string;
  /** One line in the list of commands. */
  summary: string;
  forms: readonly [UsageForm, ...UsageForm[]];
}

const PROGRAM = 'killtracker';
const INDENT = '  ';
/** Descriptions are wrapped to fit a terminal of 100 columns. */
const WIDTH = 100;

export function subcommandsOf(help: CommandHelp): string[] {
  return help.forms.flatMap((form) => (form.subcommand === undefined ? [] : [form.subcommand]));
}

function formsFor(help: CommandHelp, subcommand: string | undefined): readonly UsageForm[] {
  const chosen = help.forms.filter((form) => form.subcommand === subcommand);
  return chosen.length > 0 ? chosen : help.forms;
}

function synopsisLines(forms: readonly UsageForm[]): string[] {
  if (forms.length === 1) return [`Usage: ${PROGRAM} ${forms[0]!.synopsis}`];
  return ['Usage:', ...forms.map((form) => `${INDENT}${PROGRAM} ${form.synopsis}`)];
}

function commandLine(help: CommandHelp, subcommand: string | undefined): string {
  return [PROGRAM, help.name, ...(subcommand === undefined ? [] : [subcommand])].join(' ');
}

/** Shown under an argument error: the usage lines and where to read more. */
export function usageText(help: CommandHelp, subcommand: string | undefined): string {
  return [
    ...synopsisLines(formsFor(help, subcommand)),
    `Run "${commandLine(help, subcommand)} --help" for details and an example.`,
  ].join('\n');
}

/** The text in lines of at most WIDTH characters, each starting with the indent. */
function wrapped(text: string, indent: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line !== '' && indent.length + line.length + 1 + word.length > WIDTH) {
      lines.push(indent + line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(indent + line);
  return lines;
}

function optionLines(options: UsageForm['options'], indent: string): string[] {
  if (!options || options.length === 0) return [];
  const width = Math.max(...options.map(([flag]) => flag.length));
  return options.map(([flag, meaning]) => `${indent}${flag.padEnd(width)}  ${meaning}`);
}

/** `killtracker <command> [<subcommand>] --help`: usage, what each form does, its options, examples. */
export function helpText(help: CommandHelp, subcommand: string | undefined): string {
  const forms = formsFor(help, subcommand);
  const lines = [`${commandLine(help, subcommand)}: ${help.summary}`, ''];
  if (forms.length === 1) {
    const [form] = forms as [UsageForm];
    lines.push(...synopsisLines(forms), '', ...wrapped(form.description, ''));
    if (form.options?.length) lines.push('', 'Options:', ...optionLines(form.options, INDENT));
  } else {
    lines.push('Usage:');
    for (const form of forms) {
      lines.push(`${INDENT}${PROGRAM} ${form.synopsis}`, ...wrapped(form.description, INDENT.repeat(3)));
      lines.push(...optionLines(form.options, INDENT.repeat(3)));
    }
  }
  const examples = forms.flatMap((form) => form.examples);
  lines.push('', examples.length === 1 ? 'Example:' : 'Examples:', ...examples.map((e) => `${INDENT}${e}`));
  return lines.join('\n');
}

/** `killtracker --help`: every command with its summary. */
export function overviewText(commands: readonly CommandHelp[]): string {
  const rows = commands.map((help) => {
    const subcommands = subcommandsOf(help);
    const name = subcommands.length > 0 ? `${help.name} ${subcommands.join('|')}` : help.name;
    return [name, help.summary] as const;
  });
  const width = Math.max(...rows.map(([name]) => name.length));
  return [
    `Usage: ${PROGRAM} <command> [options]`,
    '',
    'Commands:',
    ...rows.map(([name, summary]) => `${INDENT}${name.padEnd(width)}  ${summary}`),
    '',
    `Run "${PROGRAM} <command> --help" for a command's options and examples, e.g.:`,
    `${INDENT}${PROGRAM} sde --help`,
    `${INDENT}${PROGRAM} trackers import --help`,
    '',
    'Configuration comes from environment variables or a .env file (see README.md).',
  ].join('\n');
}
