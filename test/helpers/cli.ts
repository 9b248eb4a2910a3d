// Runs the `killtracker` command line in-process and captures what it prints.
import { runCli } from '../../src/cli/run.ts';

export interface CliRun {
  code: number;
  out: string[];
  err: string[];
}

export async function runCliCapture(argv: string[], env: NodeJS.ProcessEnv): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(
    argv,
    { LOG_LEVEL: 'silent', ...env },
    {
      out: (line) => out.push(line),
      err: (line) => err.push(line),
    },
  );
  return { code, out, err };
}
