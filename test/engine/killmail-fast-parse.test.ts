// The hand-written fast path of parseKillmailDocument must give exactly what the zod schema path gives:
// the same documents (key order included), the same rejections and the same error messages, for every
// field of a document left out, nulled, mistyped or joined by unknown fields.
import { expect, it } from 'vitest';
import { readDocumentFast } from '../../src/engine/killmail/fast-parse.ts';
import { parseKillmailDocument, parseWithSchema } from '../../src/engine/killmail/parse.ts';
import { attacker, killmailDocument, npcAttacker } from '../fixtures/killmails/builder.ts';
import { describeWithSharedData, sharedKillmailLines } from '../helpers/shared-data.ts';

type Path = ReadonlyArray<string | number>;

/** What a field is replaced by: each a value some document could carry, most of them wrong. */
const REPLACEMENTS: readonly unknown[] = [
  null,
  undefined,
  'text',
  '',
  '2026-11-21T08:00:00Z',
  1.5,
  -1,
  0,
  2 ** 53,
  2 ** 31,
  'nul\u0000',
  'lone \ud800',
  '-100000-01-01T00:00:00Z',
  true,
  [],
  {},
  [1],
];

/** Serializes with key order, undefined-valued keys and -0 visible, so "equal" means identical. */
function exact(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (Object.is(value, -0)) return '-0';
  if (Array.isArray(value)) return `[${value.map(exact).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    return `{${Object.entries(value)
      .map(([key, item]) => `${key}:${exact(item)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Every field path of a document (array items: the first two only). */
function fieldPaths(value: unknown, prefix: Path = []): Path[] {
  if (typeof value !== 'object' || value === null) return [];
  const keys = Array.isArray(value) ? value.slice(0, 2).map((_, index) => index) : Object.keys(value);
  return keys.flatMap((key) => [
    [...prefix, key],
    ...fieldPaths((value as Record<string | number, unknown>)[key], [...prefix, key]),
  ]);
}

/** A copy of the document with the field at `path` changed by `change`. */
function changed(
  document: unknown,
  path: Path,
  change: (parent: Record<string | number, unknown>, key: string | number) => void,
): unknown {
  const copy = structuredClone(document) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  change(parent, path.at(-1)!);
  return copy;
}

/** Every variant: each field deleted, replaced by each replacement, or joined by an unknown field. */
function variants(document: unknown): unknown[] {
  const result: unknown[] = [document];
  for (const path of fieldPaths(document)) {
    result.push(changed(document, path, (parent, key) => delete parent[key]));
    for (const replacement of REPLACEMENTS) {
      result.push(changed(document, path, (parent, key) => (parent[key] = structuredClone(replacement))));
    }
    result.push(
      changed(document, path, (parent) => {
        if (!Array.isArray(parent)) parent.unknown_field = 1;
      }),
    );
  }
  return result;
}

function expectSameAsSchema(values: readonly unknown[]): void {
  for (const value of values) {
    expect(exact(parseKillmailDocument(value)), exact(value).slice(0, 300)).toBe(
      exact(parseWithSchema(value)),
    );
  }
}

const atWar = killmailDocument({ warId: 3 });

const documents = [
  killmailDocument({
    attackers: [attacker(), npcAttacker(), attacker({ alliance: undefined, ship: undefined })],
  }),
  {
    ...atWar,
    // Listed last here, but the schema puts moon_id before war_id: the output follows the schema.
    esi: { ...atWar.esi, moon_id: 40000001 },
    uploaded_at: '2026-11-21T08:01:00Z',
    sequence_id: 5,
    sequence_updated: 6,
  },
  {
    ...killmailDocument({ id: 9, zkb: { labels: ['pvp', 'solo'], attackerCount: 1, href: 'https://esi' } }),
    hash: null,
  },
];

it('GIVEN fixture documents and every variant of each field WHEN parsed THEN the result is what the zod path gives', () => {
  expectSameAsSchema(documents.flatMap(variants));
});

it('GIVEN values that are no document at all WHEN parsed THEN the zod path words the error', () => {
  expectSameAsSchema([null, 1, 'text', [], {}, [{}], { esi: null }]);
  expect(readDocumentFast([])).toBeUndefined();
});

it('GIVEN a well-formed document WHEN read THEN the fast path answers by itself', () => {
  expect(readDocumentFast(structuredClone(documents[0]))).toEqual(documents[0]);
});

describeWithSharedData('fast killmail parsing on real documents', () => {
  it('GIVEN the real R2Z2 documents and variants of the first WHEN parsed THEN the result is what the zod path gives', () => {
    const values = [
      ...sharedKillmailLines('insight-2018.jsonl'),
      ...sharedKillmailLines('zk-activity-labelled.jsonl'),
    ];
    expect(values.every((value) => readDocumentFast(value) !== undefined)).toBe(true);
    expectSameAsSchema(values);
    expectSameAsSchema(variants(values[0]));
  });
});
