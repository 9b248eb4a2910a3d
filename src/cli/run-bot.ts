// Everything `killtracker start` runs in one process: the database (embedded PGlite served on its socket,
// or PostgreSQL), the EVE static data, the pipeline, member roles and EVE SSO, the Discord gateway and the
// HTTP server (health, metrics, SSO callback).
import { sql } from 'drizzle-orm';
import { createBotContext } from '../bot/context.ts';
import { createPpkServices } from '../bot/ppk-services.ts';
import { createPpkAlertEntry } from '../ppk/alert-entry.ts';
import { startBot } from '../bot/start-bot.ts';
import { COMPONENT_HANDLERS, MESSAGE_COMMANDS, SLASH_COMMANDS } from '../commands/index.ts';
import { userAgent } from '../config/user-agent.ts';
import { openDatabase } from '../db/client.ts';
import { DataDirBusyError, type EmbeddedServer, startEmbeddedServer } from '../db/embedded.ts';
import { createRestAlertSender } from '../delivery/discord-sender.ts';
import { type HttpRoute, startHttpServer } from '../http/server.ts';
import { ssoCallbackRoute } from '../http/sso-callback.ts';
import { createGuildMemberRepository } from '../db/guild-member-repository.ts';
import { createNameRepository } from '../db/name-repository.ts';
import { createSsoStateRepository } from '../db/sso-state-repository.ts';
import { createEsiClient } from '../ingest/esi/client.ts';
import { createNameResolver } from '../ingest/esi/name-resolver.ts';
import { SdeError } from '../ingest/sde/sde-error.ts';
import { ensureSdeImported } from '../ingest/sde/update-sde.ts';
import { describeDatabaseUrl } from '../log.ts';
import { createMetrics } from '../metrics.ts';
import { createRestMemberSource } from '../pilots/discord-members.ts';
import { createMemberRefresher } from '../pilots/member-refresh.ts';
import { createPilotOperations } from '../pilots/operations.ts';
import { createEveSso, eveSsoSettings } from '../pilots/sso/eve-sso.ts';
import { startPipeline } from '../pipeline/run-pipeline.ts';
import { createWorldHolder } from '../pipeline/world.ts';
import { trackerLimits } from '../tracker-ops/limits.ts';
import { type CliContext, explainDatabaseError } from './context.ts';
import { CliError } from './errors.ts';

const INGEST_STALE_MS = 5 * 60_000;

/** Runs until SIGINT or SIGTERM; resolves with the exit code. */
export async function runBot(ctx: CliContext, token: string): Promise<number> {
  const { env, log } = ctx;
  let embedded: EmbeddedServer | undefined;
  if (!env.DATABASE_URL) {
    try {
      embedded = await startEmbeddedServer(env.DATA_DIR);
    } catch (error) {
      if (error instanceof DataDirBusyError) throw new CliError(error.message);
      throw error;
    }
    log.info({ dataDir: env.DATA_DIR, socket: embedded.socketPath }, 'embedded database (PGlite) ready');
  } else {
    log.info({ database: describeDatabaseUrl(env.DATABASE_URL) }, 'using PostgreSQL');
  }
  const database = embedded?.handle ?? (await openDatabase({ url: env.DATABASE_URL as string }));
  const metrics = createMetrics({ process: true });
  try {
    await database.migrate().catch((error: unknown) => {
      throw explainDatabaseError(error, env);
    });
    await ensureSdeImported({ db: database.db, env, log }).catch((error: unknown) => {
      if (!(error instanceof SdeError)) throw error;
      throw new CliError(`Could not get the EVE static data: ${error.message}`);
    });
    const world = await createWorldHolder(database.db);
    log.info(
      {
        build: world.build(),
        systems: world.current().universe.systemCount,
        types: world.current().catalog.typeCount,
      },
      'EVE static data loaded',
    );

    const sender = createRestAlertSender({ token, apiUrl: env.DISCORD_API_URL });
    const esi = createEsiClient({
      baseUrl: env.ESI_URL,
      userAgent: userAgent(env.ZKB_USER_AGENT),
      log: log.child({ component: 'esi' }),
    });
    const names = createNameResolver({
      esi,
      cache: createNameRepository({ db: database.db }),
      log: log.child({ component: 'names' }),
      onEsiFailure: () => metrics.esiErrors.inc(),
    });
    const ppkServices = createPpkServices({
      db: database.db,
      esi,
      nameResolver: names,
      world: () => world.current(),
      log,
    });
    const pipeline = await startPipeline({
      database,
      settings: env,
      world,
      sender,
      names,
      log,
      metrics,
      liveMessageRenderers: ppkServices.renderers,
      onAlertPosted: createPpkAlertEntry({
        ppk: ppkServices.ppk,
        keepEdited: (message) => ppkServices.ppkMessages.register({ ...message, showsRoster: false }),
        log: log.child({ component: 'ppk' }),
      }),
    });
    const members = createGuildMemberRepository({ db: database.db });
    const memberRefresher = createMemberRefresher({
      members,
      source: createRestMemberSource({ token, apiUrl: env.DISCORD_API_URL }),
      log: log.child({ component: 'members' }),
    });
    const ssoSettings = eveSsoSettings(env);
    const pilots = createPilotOperations({
      db: database.db,
      esi,
      names: createNameRepository({ db: database.db }),
      nameResolver: names,
      log: log.child({ component: 'pilots' }),
      memberRefresher,
      sso:
        ssoSettings &&
        createEveSso({
          settings: ssoSettings,
          states: createSsoStateRepository({ db: database.db }),
          userAgent: userAgent(env.ZKB_USER_AGENT),
          log: log.child({ component: 'sso' }),
        }),
    });
    // discord.js reads SHARD_COUNT from the environment when given no count: a blank one (unset for us)
    // would read as 0 shards.
    if (env.SHARD_COUNT === undefined) delete process.env.SHARD_COUNT;
    const bot = await startBot({
      token,
      apiUrl: env.DISCORD_API_URL,
      devGuildId: env.DEV_GUILD_ID,
      shards:
        env.SHARD_COUNT === undefined
          ? undefined
          : {
              count: env.SHARD_COUNT,
              ids: env.SHARD_IDS ?? Array.from({ length: env.SHARD_COUNT }, (_, id) => id),
            },
      commands: SLASH_COMMANDS,
      messageCommands: MESSAGE_COMMANDS,
      components: COMPONENT_HANDLERS,
      ctx: createBotContext({
        db: database.db,
        world: () => world.current(),
        esi,
        nameResolver: names,
        sender,
        pilots,
        ppk: ppkServices,
        log: log.child({ component: 'bot' }),
        defaultMaxAgeMinutes: env.MAX_AGE_MINUTES,
        limits: trackerLimits(env),
        historyScanCooldownMs: env.PREVIEW_COOLDOWN_SECONDS * 1000,
      }),
      log: log.child({ component: 'bot' }),
      memberRoles: { intent: env.DISCORD_GUILD_MEMBERS_INTENT, members, refresher: memberRefresher },
    }).catch(async (error: unknown) => {
      await pipeline.stop();
      throw new CliError(error instanceof Error ? error.message : String(error));
    });
    const routes: HttpRoute[] = ssoSettings
      ? [ssoCallbackRoute({ complete: pilots.completeSsoLink, log: log.child({ component: 'sso' }) })]
      : [];
    const http = env.HTTP_PORT
      ? await startHttpServer({
          port: env.HTTP_PORT,
          routes,
          registry: metrics.registry,
          checks: [
            {
              name: 'database',
              // A plain read: the health check must not do the tracker reload's work.
              check: async () => {
                await database.db.execute(sql`select 1`);
                return undefined;
              },
            },
            {
              name: 'ingest',
              check: async () => {
                const last = pipeline.poller()?.stats().lastResponseAt;
                if (last === undefined || last === null) return 'R2Z2 has not answered yet';
                const age = Date.now() - last;
                return age > INGEST_STALE_MS
                  ? `no answer from R2Z2 for ${Math.round(age / 1000)} s`
                  : undefined;
              },
            },
          ],
        })
      : undefined;
    if (http) {
      log.info(
        { port: http.port, sso: ssoSettings?.callbackUrl },
        `HTTP server listening (/healthz, /metrics${ssoSettings ? ', EVE SSO callback' : ''})`,
      );
    }
    log.info('Killtracker is running. Press Ctrl+C to stop.');

    const signal = await new Promise<string>((resolve) => {
      process.once('SIGINT', () => resolve('SIGINT'));
      process.once('SIGTERM', () => resolve('SIGTERM'));
    });
    log.info({ signal }, 'shutting down');
    await bot.stop();
    await pipeline.stop();
    await http?.close();
    await esi.close();
    return 0;
  } finally {
    if (embedded) await embedded.stop();
    else await database.close();
  }
}
