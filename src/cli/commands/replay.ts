// `killtracker replay`: matches a file of killmails against a file of trackers, offline, and prints one
// line per match. For users testing trackers before they go live, and for comparing against other bots.
import { parseCommandArgs } from '../args.ts';
import type { CliCommand } from '../command.ts';
import {
  createMatcher,
  type MatchOptions,
  normalizeKillmail,
  parseKillmailDocuments,
  type TrackerDefinition,
  validateTrackers,
} from '../../engine/index.ts';
import type { CliIo } from '../context.ts';
import { UsageError } from '../errors.ts';
import { parseCharacterRoleLinks, readJsonFile, readTextFile } from '../replay/input-files.ts';
import { matchLine, REPLAY_FORMATS, type ReplayFormat } from '../replay/match-line.ts';
import { loadReplayWorld } from '../replay/replay-world.ts';
import { trackerProblemLines } from '../tracker-problems.ts';

const OPTIONS = {
  trackers: { type: 'string' },
  killmails: { type: 'string' },
  links: { type: 'string' },
  now: { type: 'string' },
  sde: { type: 'string' },
  format: { type: 'string' },
} as const;

interface ReplayArgs {
  trackersPath: string;
  killmailsPath: string;
  linksPath: string | undefined;
  now: number | undefined;
  sdePath: string | undefined;
  format: ReplayFormat;
}

export const replayCommand: CliCommand<ReplayArgs> = {
  parse: parseReplayArgs,
  async run(args, ctx) {
    // Every file is read before the (slower) map is loaded, so a typo in a path fails at once.
    const trackersJson = await readJsonFile(args.trackersPath, '--trackers');
    const killmailsText = await readTextFile(args.killmailsPath, '--killmails');
    const links =
      args.linksPath === undefined
        ? undefined
        : parseCharacterRoleLinks(await readJsonFile(args.linksPath, '--links'), args.linksPath);

    const { universe, catalog } = await loadReplayWorld(ctx, args.sdePath);
    const validation = validateTrackers(trackersJson, { universe });
    if (!validation.ok) {
      for (const line of trackerProblemLines(
        args.trackersPath,
        'fix them and run again',
        validation.problems,
      )) {
        ctx.io.err(line);
      }
      return 2;
    }

    // Without --now there is no clock, so no age limit at all: not even MAX_AGE_MINUTES for trackers
    // that set none.
    const matcher = createMatcher({
      universe,
      ...(args.now !== undefined && { defaultMaxAgeMinutes: ctx.env.MAX_AGE_MINUTES }),
    });
    validation.trackers.forEach((tracker, index) => {
      matcher.set(String(index), tracker);
    });
    noteDisabledTrackers(ctx.io, validation.trackers);
    const matchOptions: MatchOptions = {
      ...(args.now !== undefined && { now: args.now }),
      ...(links !== undefined && { linksFor: () => links }),
    };

    let replayed = 0;
    let skipped = 0;
    let matched = 0;
    for (const entry of parseKillmailDocuments(killmailsText)) {
      if (!entry.ok) {
        skipped++;
        ctx.io.err(`${args.killmailsPath}: ${entry.error} (skipped)`);
        continue;
      }
      replayed++;
      const killmail = normalizeKillmail(entry.document, { universe, catalog });
      for (const match of matcher.match(killmail, matchOptions)) {
        matched++;
        ctx.io.out(matchLine(args.format, killmail, match, universe));
      }
    }
    ctx.io.err(
      `Replayed ${replayed} killmail(s)${skipped > 0 ? ` (${skipped} skipped)` : ''} against ` +
        `${validation.trackers.length} tracker(s): ${matched} match(es).`,
    );
    return 0;
  },
};

function parseReplayArgs(argv: readonly string[]): ReplayArgs {
  const { values } = parseCommandArgs(argv, OPTIONS, false);
  const trackersPath = requiredPath(values.trackers, 'trackers');
  const killmailsPath = requiredPath(values.killmails, 'killmails');
  const format = values.format ?? 'jsonl';
  if (!isReplayFormat(format)) {
    throw new UsageError(`--format must be ${REPLAY_FORMATS.join(' or ')}, got "${format}".`);
  }
  return {
    trackersPath,
    killmailsPath,
    linksPath: optionalPath(values.links, 'links'),
    now: values.now === undefined ? undefined : parseNow(values.now),
    sdePath: optionalPath(values.sde, 'sde'),
    format,
  };
}

function requiredPath(value: string | undefined, option: string): string {
  if (value === undefined) throw new UsageError(`--${option} FILE is required.`);
  return optionalPath(value, option) as string;
}

function optionalPath(value: string | undefined, option: string): string | undefined {
  if (value !== undefined && value.trim() === '') throw new UsageError(`--${option} needs a path.`);
  return value;
}

function isReplayFormat(value: string): value is ReplayFormat {
  return (REPLAY_FORMATS as readonly string[]).includes(value);
}

/** An ISO time with a date and a time of day, e.g. 2026-11-21T08:00:00Z. */
function parseNow(text: string): number {
  const time = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(text.trim()) ? Date.parse(text.trim()) : Number.NaN;
  if (Number.isNaN(time)) {
    throw new UsageError(`--now must be an ISO time like 2026-11-21T08:00:00Z, got "${text}".`);
  }
  return time;
}

function noteDisabledTrackers(io: CliIo, trackers: readonly TrackerDefinition[]): void {
  for (const tracker of trackers) {
    if (!tracker.enabled) {
      io.err(`Note: tracker "${tracker.name}" is disabled ("enabled": false), so it is not replayed.`);
    }
  }
}
