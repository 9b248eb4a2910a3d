// Runs `killtracker start` as a child process and collects its JSON log lines. Tests run the sources
// through tsx, so they never wait for (or race on) a build of dist/; CI boots the built program itself,
// and the live memory benchmark measures the built program (bin/killtracker.mjs), as users run it.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { REPO_ROOT } from './repo-paths.ts';

export { REPO_ROOT };
const MAIN = resolve(REPO_ROOT, 'src/main.ts');
const BIN = resolve(REPO_ROOT, 'bin/killtracker.mjs');

/** The node options of `npm start` (e.g. the young generation's size), so the built program runs as users run it. */
function npmStartNodeOptions(): string[] {
  const manifest = JSON.parse(readFileSync(resolve(REPO_ROOT, 'package.json'), 'utf8')) as {
    scripts: { start: string };
  };
  const words = manifest.scripts.start.split(/\s+/);
  return words.slice(1, words.indexOf('bin/killtracker.mjs'));
}

export interface BotProcessOptions {
  /** 'built' runs bin/killtracker.mjs as `npm start` does (dist/, built first when stale); default 'sources' (tsx). */
  program?: 'sources' | 'built';
}

export interface BotProcess {
  child: ChildProcess;
  logs: Array<Record<string, unknown>>;
  output(): string;
  /** Resolves when a log line satisfies the check (rejects after timeoutMs with the output so far). */
  waitForLog(
    check: (line: Record<string, unknown>) => boolean,
    timeoutMs?: number,
  ): Promise<Record<string, unknown>>;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
  kill(signal?: NodeJS.Signals): Promise<number | null>;
}

export function startBotProcess(
  args: string[],
  env: NodeJS.ProcessEnv,
  options: BotProcessOptions = {},
): BotProcess {
  const entry = options.program === 'built' ? [...npmStartNodeOptions(), BIN] : ['--import', 'tsx', MAIN];
  const child = spawn(process.execPath, [...entry, ...args], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Array<Record<string, unknown>> = [];
  let text = '';
  const waiters = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    text += chunk.toString();
    const lines = text.split('\n');
    text = lines.pop() ?? '';
    for (const line of lines) {
      try {
        logs.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        logs.push({ msg: line, raw: true });
      }
    }
    for (const wake of waiters) wake();
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const output = () => logs.map((line) => (line.raw ? line.msg : JSON.stringify(line))).join('\n');
  return {
    child,
    logs,
    output,
    exited,
    waitForLog(check, timeoutMs = 60_000) {
      return new Promise((resolveLine, reject) => {
        const look = () => {
          const found = logs.find(check);
          if (found) {
            cleanup();
            resolveLine(found);
          }
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`timed out waiting for a log line; output so far:\n${output().slice(-4000)}`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(look);
        };
        waiters.add(look);
        void exited.then(() => {
          if (!logs.find(check)) {
            cleanup();
            reject(new Error(`the process exited first; output:\n${output().slice(-4000)}`));
          }
        });
        look();
      });
    },
    async kill(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
