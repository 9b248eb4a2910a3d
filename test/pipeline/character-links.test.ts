import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createCharacterLinkRepository } from '../../src/db/character-link-repository.ts';
import { createKillmailStore } from '../../src/db/killmail-store.ts';
import { deliveries } from '../../src/db/schema.ts';
import { createTrackerRepository } from '../../src/db/tracker-repository.ts';
import { createMatcher } from '../../src/engine/matcher.ts';
import { silentLogger } from '../../src/log.ts';
import { createKillmailIngestor } from '../../src/pipeline/ingest-killmail.ts';
import { createLinkCache } from '../../src/pipeline/link-cache.ts';
import { createTrackerSync } from '../../src/pipeline/tracker-sync.ts';
import { syntheticR2z2Document } from '../fakes/r2z2.ts';
import { miniWorld } from '../helpers/bot-harness.ts';
import { runCliCapture } from '../helpers/cli.ts';
import { describeEachDatabase } from '../helpers/database.ts';
import { trackerDefinition } from '../fixtures/trackers.ts';

const GUILD = '123456789012345678';
const FC_ROLE = '223456789012345678';
const VICTIM = 2112000001; // the victim of every synthetic killmail

const ourLosses = trackerDefinition('Our losses', { require_victim_roles: [FC_ROLE] });

describeEachDatabase('character links feed the *_roles clauses of live matching', (getDb) => {
  it('GIVEN the victim linked to a member with the role THEN the kill matches; after a replace without it, it does not', async () => {
    const { db } = getDb();
    const world = await miniWorld();
    const linkRepository = createCharacterLinkRepository({ db });
    const links = createLinkCache(linkRepository);
    const trackers = createTrackerRepository({ db });
    await trackers.create({ guildId: GUILD, channelId: 'c', definition: ourLosses });
    const sync = createTrackerSync({
      trackers,
      matcher: createMatcher({ universe: world.universe }),
      log: silentLogger,
    });
    await sync.refresh();
    const store = createKillmailStore({ db });
    const ingestor = createKillmailIngestor({
      store,
      sync,
      world: () => world,
      log: silentLogger,
      linksFor: links.linksFor,
    });
    const ingest = async (id: number) => {
      await ingestor.onDocument({ sequence: id, document: syntheticR2z2Document(id), republished: false });
      return (await db.select().from(deliveries).where(eq(deliveries.killmailId, id))).length;
    };

    await linkRepository.save(GUILD, new Map([[VICTIM, [FC_ROLE]]]), false);
    await links.refresh();
    expect(await ingest(1)).toBe(1);

    await linkRepository.save(GUILD, new Map([[999, [FC_ROLE]]]), true);
    await links.refresh();
    expect(await ingest(2)).toBe(0);
    expect([...(await linkRepository.forGuild(GUILD)).keys()]).toEqual([999]);
  });
});

describe('killtracker links import | export', () => {
  it('imports a links file for a guild and exports it back; a bad file exits 2 saying what is wrong', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kt-links-'));
    try {
      const env = { DATA_DIR: dataDir };
      const file = join(dataDir, 'links.json');
      writeFileSync(file, JSON.stringify({ [VICTIM]: [FC_ROLE], '2112000002': [] }));
      const imported = await runCliCapture(['links', 'import', file, '--guild', GUILD], env);
      expect(imported.code).toBe(0);
      expect(JSON.parse(imported.out[0]!)).toEqual({ guild: GUILD, characters: 2, replaced: false });
      const exported = await runCliCapture(['links', 'export', '--guild', GUILD], env);
      expect(JSON.parse(exported.out.join('\n'))).toEqual({ [VICTIM]: [FC_ROLE], '2112000002': [] });

      writeFileSync(file, JSON.stringify({ pilot: 'FC' }));
      const bad = await runCliCapture(['links', 'import', file, '--guild', GUILD], env);
      expect(bad.code).toBe(2);
      expect(bad.err.join('\n')).toContain('"pilot" is not a character id');
      const noGuild = await runCliCapture(['links', 'export'], env);
      expect(noGuild.code).toBe(2);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
