// The `killtracker` command line: parses the command, runs it, and turns errors into one readable line.
import 'dotenv/config';
import { runCli } from './cli/run.ts';

const code = await runCli(process.argv.slice(2), process.env, {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
});
process.exitCode = code;
