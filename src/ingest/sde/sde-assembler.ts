// Collects the records of the SDE files (read in any order) and checks that nothing required is missing.
import type {
  CategoryRecord,
  ConstellationRecord,
  GroupRecord,
  RegionRecord,
  SdeData,
  SolarSystemRecord,
  TypeRecord,
} from '../../engine/universe/index.ts';
import { LineTooLongError, readLines } from './jsonl-lines.ts';
import { SDE_FILES, type SdeFileName } from './sde-data.ts';
import { SDE_RETRY_ADVICE, SdeError } from './sde-error.ts';
import {
  FieldProblem,
  type JsonObject,
  parseBuild,
  parseCategory,
  parseConstellation,
  parseGroup,
  parseRegion,
  parseSolarSystem,
  parseStargate,
  parseType,
  type SdeBuild,
} from './sde-records.ts';

const fileLabel = (file: SdeFileName) => `${file}.jsonl`;

export class SdeAssembler {
  private build: SdeBuild | undefined;
  private readonly filesRead = new Set<SdeFileName>();
  private readonly regions: RegionRecord[] = [];
  private readonly constellations: ConstellationRecord[] = [];
  private readonly systems: SolarSystemRecord[] = [];
  /** Undirected edges keyed "a-b": each directed gate and its return gate give the same edge. */
  private readonly stargates = new Map<string, readonly [number, number]>();
  private readonly types: TypeRecord[] = [];
  private readonly groups: GroupRecord[] = [];
  private readonly categories: CategoryRecord[] = [];

  /** @param source the zip or folder, named in every error message. */
  constructor(private readonly source: string) {}

  /** Reads one JSONL file; throws SdeError naming the file and line of the first bad record. */
  async readFile(file: SdeFileName, chunks: AsyncIterable<Buffer | string>): Promise<void> {
    if (this.filesRead.has(file)) {
      throw new SdeError(`${this.source} holds ${fileLabel(file)} more than once. ${SDE_RETRY_ADVICE}`);
    }
    this.filesRead.add(file);
    const accept = this.acceptorFor(file);
    const seenKeys = new Set<number>();
    try {
      for await (const { lineNumber, text } of readLines(chunks)) {
        if (text.trim() === '') continue;
        try {
          const key = accept(parseObject(text));
          if (key !== undefined) {
            if (seenKeys.has(key)) throw new FieldProblem(`"_key" ${key} appears twice in the file`);
            seenKeys.add(key);
          }
        } catch (error) {
          if (!(error instanceof FieldProblem)) throw error;
          throw new SdeError(
            `${fileLabel(file)} line ${lineNumber} (in ${this.source}): ${error.message}. ${SDE_RETRY_ADVICE}`,
          );
        }
      }
    } catch (error) {
      if (!(error instanceof LineTooLongError)) throw error;
      throw new SdeError(
        `${fileLabel(file)} (in ${this.source}) ${error.message}: this is not a JSONL SDE file. ${SDE_RETRY_ADVICE}`,
      );
    }
  }

  /** Everything read so far, once every required file has been seen. */
  finish(): SdeData {
    const missing = SDE_FILES.filter((file) => !this.filesRead.has(file));
    if (missing.length > 0) {
      throw new SdeError(
        `${this.source} has no ${missing.map(fileLabel).join(', ')}; the bot needs ` +
          `${SDE_FILES.map(fileLabel).join(', ')}. Use CCP's JSONL SDE ` +
          '(eve-online-static-data-<build>-jsonl.zip, not the YAML one) or its unpacked folder.',
      );
    }
    if (!this.build) {
      throw new SdeError(
        `_sde.jsonl (in ${this.source}) has no {"_key": "sde", "buildNumber": N} record, so the build ` +
          `is unknown. ${SDE_RETRY_ADVICE}`,
      );
    }
    return {
      buildNumber: this.build.buildNumber,
      releaseDate: this.build.releaseDate,
      universe: {
        regions: this.regions,
        constellations: this.constellations,
        systems: this.systems,
        stargates: [...this.stargates.values()],
      },
      catalog: { types: this.types, groups: this.groups, categories: this.categories },
    };
  }

  /** Stores a parsed record; returns its `_key` when keys must be unique in that file. */
  private acceptorFor(file: SdeFileName): (record: JsonObject) => number | undefined {
    const into = <T extends { id: number }>(list: T[], parse: (record: JsonObject) => T) => {
      return (record: JsonObject) => {
        const row = parse(record);
        list.push(row);
        return row.id;
      };
    };
    switch (file) {
      case '_sde':
        return (record) => {
          if (record._key === 'sde') this.build = parseBuild(record);
          return undefined;
        };
      case 'mapRegions':
        return into(this.regions, parseRegion);
      case 'mapConstellations':
        return into(this.constellations, parseConstellation);
      case 'mapSolarSystems':
        return into(this.systems, parseSolarSystem);
      case 'mapStargates':
        return (record) => {
          const edge = parseStargate(record);
          // A gate into its own system is no route anywhere; keep the graph free of self-loops.
          if (edge[0] !== edge[1]) this.stargates.set(`${edge[0]}-${edge[1]}`, edge);
          return undefined;
        };
      case 'types':
        return into(this.types, parseType);
      case 'groups':
        return into(this.groups, parseGroup);
      case 'categories':
        return into(this.categories, parseCategory);
    }
  }
}

function parseObject(text: string): JsonObject {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new FieldProblem(`not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new FieldProblem('expected one JSON object on the line');
  }
  return value as JsonObject;
}
