// What the engine benchmarks run on: the full universe and item catalog of ../shared/eve-sde and every real
// killmail of ../shared/killmails, parsed and normalized once.
import { type CatalogData, ItemCatalog } from '../src/engine/catalog.ts';
import { normalizeKillmail } from '../src/engine/killmail/normalize.ts';
import { parseKillmailDocument } from '../src/engine/killmail/parse.ts';
import type { Killmail } from '../src/engine/killmail/types.ts';
import type { Universe, UniverseData } from '../src/engine/universe/types.ts';
import { createUniverse } from '../src/engine/universe/universe.ts';
import { readKillmailCorpus } from './killmail-corpus.ts';
import { sharedCatalogOrSkip, sharedUniverseOrSkip, type Skipped } from './shared.ts';

export interface BenchWorld {
  universeData: UniverseData;
  catalogData: CatalogData;
  universe: Universe;
  catalog: ItemCatalog;
  /** Texts of the documents that parse (the same order as `killmails`). */
  texts: string[];
  killmails: Killmail[];
  /** Documents of the corpus the parser rejects (aa-killtracker has one without a solar system). */
  rejected: number;
}

export function loadBenchWorld(): BenchWorld | Skipped {
  const universeData = sharedUniverseOrSkip();
  if ('skipped' in universeData) return universeData;
  const catalogData = sharedCatalogOrSkip();
  if ('skipped' in catalogData) return catalogData;
  const corpus = readKillmailCorpus();
  if ('skipped' in corpus) return corpus;

  const universe = createUniverse(universeData);
  const catalog = new ItemCatalog(catalogData);
  const texts: string[] = [];
  const killmails: Killmail[] = [];
  let rejected = 0;
  for (const text of corpus.texts) {
    const parsed = parseKillmailDocument(JSON.parse(text));
    if (!parsed.ok) {
      rejected++;
      continue;
    }
    texts.push(text);
    killmails.push(normalizeKillmail(parsed.document, { universe, catalog }));
  }
  return { universeData, catalogData, universe, catalog, texts, killmails, rejected };
}
