// `killtracker deadletter list|retry`: the R2Z2 documents the feed set aside because storing them kept
// failing the same way. List them, fix the cause, then retry one: stored, it leaves the list.
import { createDeadLetterStore, type DeadLetterRow } from '../../db/dead-letter-store.ts';
import { describeFailure } from '../../db/errors.ts';
import { createKillmailStore } from '../../db/killmail-store.ts';
import { createTrackerRepository } from '../../db/tracker-repository.ts';
import { createMatcher } from '../../engine/index.ts';
import { createKillmailIngestor, type IngestOutcome } from '../../pipeline/ingest-killmail.ts';
import { createLinkCache } from '../../pipeline/link-cache.ts';
import { createTrackerSync } from '../../pipeline/tracker-sync.ts';
import { loadWorld } from '../../pipeline/world.ts';
import { noPositionals, parseCommandArgs } from '../args.ts';
import type { CliCommand } from '../command.ts';
import type { CliContext } from '../context.ts';
import { CliError, UsageError } from '../errors.ts';
import { jsonLine } from '../output.ts';

type DeadLetterArgs = { action: 'list' } | { action: 'retry'; id: number };

export const deadletterCommand: CliCommand<DeadLetterArgs> = {
  parse(argv, subcommand) {
    const { positionals } = parseCommandArgs(argv, {});
    if (subcommand === 'list') {
      noPositionals(positionals);
      return { action: 'list' };
    }
    const [id, ...extra] = positionals;
    if (id === undefined) throw new UsageError('Give the ID of the dead letter to retry.');
    noPositionals(extra);
    return { action: 'retry', id: parseId(id) };
  },
  run(args, ctx) {
    return args.action === 'list' ? listDeadLetters(ctx) : retryDeadLetter(ctx, args.id);
  },
};

function parseId(text: string): number {
  const id = Number(text);
  if (!/^\d{1,9}$/.test(text) || id < 1) {
    throw new UsageError(
      `ID must be a dead letter id as "killtracker deadletter list" shows it, got "${text}".`,
    );
  }
  return id;
}

async function listDeadLetters(ctx: CliContext): Promise<number> {
  const store = createDeadLetterStore({ db: (await ctx.database()).db });
  for (const row of await store.list()) ctx.io.out(jsonLine(listed(row)));
  return 0;
}

function listed(row: DeadLetterRow): Record<string, unknown> {
  return {
    id: row.id,
    sequence: row.sequence,
    killmail_id: row.killmailId,
    error: row.error,
    first_failed_at: row.firstFailedAt.toISOString(),
    last_failed_at: row.lastFailedAt.toISOString(),
    attempts: row.attempts,
  };
}

async function retryDeadLetter(ctx: CliContext, id: number): Promise<number> {
  const { db } = await ctx.database();
  const store = createDeadLetterStore({ db });
  const row = await store.get(id);
  if (!row) {
    throw new CliError(`No dead letter with id ${id}. Run "killtracker deadletter list" to see the ids.`);
  }
  const world = await loadWorld(db);
  const sync = createTrackerSync({
    trackers: createTrackerRepository({ db }),
    matcher: createMatcher({ universe: world.universe, defaultMaxAgeMinutes: ctx.env.MAX_AGE_MINUTES }),
    log: ctx.log,
  });
  await sync.refresh();
  const links = createLinkCache({ db });
  await links.refresh();
  // The same path as the live feed (validation, matching, one transaction), minus the dead-letter backstop.
  const ingestor = createKillmailIngestor({
    store: createKillmailStore({ db }),
    sync,
    world: () => world,
    log: ctx.log,
    linksFor: links.linksFor,
  });
  const item = {
    sequence: row.sequence,
    document: JSON.parse(row.document) as unknown,
    republished: row.republished,
  };
  let outcome: IngestOutcome;
  try {
    outcome = await ingestor.ingest(item);
  } catch (error) {
    const reason = describeFailure(error);
    await store.recordRetryFailure(id, reason);
    ctx.io.out(jsonLine({ id, killmail_id: row.killmailId, outcome: 'failed', error: reason }));
    ctx.io.err(`Storing it failed again (${reason}); it stays in the list. Fix the cause and retry.`);
    return 1;
  }
  await store.remove(id);
  ctx.io.out(jsonLine({ id, killmail_id: row.killmailId, ...described(outcome) }));
  return 0;
}

/** What the operator reads: stored (with its new alerts), already stored, replaced, or invalid now. */
function described(outcome: IngestOutcome): Record<string, unknown> {
  switch (outcome.kind) {
    case 'stored':
      return { outcome: 'stored', deliveries: outcome.deliveries };
    case 'invalid':
      // The parser now refuses it, as the live feed would: nothing more to retry.
      return { outcome: 'invalid', error: outcome.error };
    default:
      return { outcome: outcome.kind };
  }
}
