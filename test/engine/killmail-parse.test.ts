import { describe, expect, it } from 'vitest';
import { parseKillmailDocument, parseKillmailDocuments } from '../../src/engine/killmail/parse.ts';
import { attacker, killmailDocument } from '../fixtures/killmails/builder.ts';

type JsonObject = Record<string, unknown>;

/** A fixture document as plain, loosely typed JSON, to break on purpose. */
interface RawDocument extends JsonObject {
  esi: JsonObject & { victim: JsonObject; attackers: JsonObject[] };
  zkb: JsonObject;
}

function rawDocument(): RawDocument {
  return JSON.parse(JSON.stringify(killmailDocument({ id: 123 })));
}

describe('parseKillmailDocument', () => {
  it('GIVEN a well-formed R2Z2 document WHEN parsed THEN it is accepted unchanged', () => {
    const document = killmailDocument({
      attackers: [attacker(), attacker({ character: 5, finalBlow: true })],
    });
    const result = parseKillmailDocument(JSON.parse(JSON.stringify(document)));
    expect(result).toEqual({ ok: true, document });
  });

  it('GIVEN a victim ship type that is text WHEN parsed THEN the error names the killmail and the field', () => {
    const raw = rawDocument();
    raw.esi.victim.ship_type_id = '587';
    expect(parseKillmailDocument(raw)).toEqual({
      ok: false,
      error: 'killmail 123: esi.victim.ship_type_id: expected number, got string',
    });
  });

  it('GIVEN a missing field inside an attacker WHEN parsed THEN the error gives its index', () => {
    const raw = rawDocument();
    delete raw.esi.attackers[0]!.damage_done;
    const result = parseKillmailDocument(raw);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.error).toBe('killmail 123: esi.attackers[0].damage_done: missing (expected number)');
  });

  it('GIVEN many broken fields WHEN parsed THEN the error lists the first three and counts the rest', () => {
    const raw = rawDocument();
    raw.esi.solar_system_id = null;
    raw.esi.killmail_time = null;
    raw.zkb.npc = 'no';
    raw.zkb.solo = 1;
    const result = parseKillmailDocument(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/^killmail 123: .+; .+; .+ \(and 1 more\)$/);
  });

  it('GIVEN a killmail time that is not a time WHEN parsed THEN it is rejected with the expected form', () => {
    const raw = rawDocument();
    raw.esi.killmail_time = 'yesterday';
    const result = parseKillmailDocument(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain('esi.killmail_time: expected an ISO time');
  });

  it('GIVEN a document id that differs from the ESI id WHEN parsed THEN it is rejected', () => {
    const raw = rawDocument();
    raw.esi.killmail_id = 124;
    const result = parseKillmailDocument(raw);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.error).toBe('killmail 123: esi.killmail_id: 124 differs from killmail_id 123');
  });

  it('GIVEN no killmail id anywhere WHEN parsed THEN the error says the killmail has no id', () => {
    const result = parseKillmailDocument({ esi: {} });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/^killmail without id: killmail_id: missing/);
  });

  it.each([null, 42, 'text', []])(
    'GIVEN %j instead of a document WHEN parsed THEN it is rejected without throwing',
    (value) => {
      const result = parseKillmailDocument(value);
      expect(result.ok).toBe(false);
    },
  );

  it('GIVEN null optional ids (hand-made files) WHEN parsed THEN they are treated as absent', () => {
    const raw = rawDocument();
    raw.esi.attackers[0]!.alliance_id = null;
    raw.esi.victim.character_id = null;
    raw.esi.war_id = null;
    raw.zkb.totalValue = null;
    const result = parseKillmailDocument(raw);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect('alliance_id' in result.document.esi.attackers[0]!).toBe(false);
    expect('character_id' in result.document.esi.victim).toBe(false);
    expect('war_id' in result.document.esi).toBe(false);
    expect('totalValue' in result.document.zkb).toBe(false);
  });

  it('GIVEN an attacker without security status (hand-made data) WHEN parsed THEN it reads as 0', () => {
    const raw = rawDocument();
    delete raw.esi.attackers[0]!.security_status;
    const result = parseKillmailDocument(raw);
    expect(result.ok && result.document.esi.attackers[0]!.security_status).toBe(0);
  });

  it('GIVEN unknown fields WHEN parsed THEN they are ignored', () => {
    const raw = rawDocument();
    raw.label = 'edge case';
    raw.esi.victim.future_field = { x: 1 };
    const result = parseKillmailDocument(raw);
    expect(result.ok).toBe(true);
    if (result.ok) expect('label' in result.document).toBe(false);
  });

  it('GIVEN only zkb.hash (zKillboard API layout) WHEN parsed THEN the hash is taken from zkb', () => {
    const raw = rawDocument();
    delete raw.hash;
    raw.zkb.hash = 'abc123';
    const result = parseKillmailDocument(raw);
    expect(result.ok && result.document.hash).toBe('abc123');
  });
});

describe('parseKillmailDocument: only what the database can store', () => {
  const NOW = Date.UTC(2026, 11, 2);
  const rejection = (raw: unknown) => {
    const result = parseKillmailDocument(raw, { now: NOW });
    expect(result.ok).toBe(false);
    return result.ok ? '' : result.error;
  };

  it('GIVEN a solar system id past the integer range (3000000000) WHEN parsed THEN it is invalid', () => {
    const raw = rawDocument();
    raw.esi.solar_system_id = 3_000_000_000;
    expect(rejection(raw)).toMatch(/^killmail 123: esi\.solar_system_id: /);
  });

  it.each([
    ['esi.victim.character_id', (raw: RawDocument) => (raw.esi.victim.character_id = 2 ** 31)],
    [
      'esi.attackers[0].ship_type_id',
      (raw: RawDocument) => (raw.esi.attackers[0]!.ship_type_id = -(2 ** 31) - 1),
    ],
    ['esi.war_id', (raw: RawDocument) => (raw.esi.war_id = 2 ** 40)],
  ])('GIVEN %s outside int32 WHEN parsed THEN the error names it', (path, breakIt) => {
    const raw = rawDocument();
    breakIt(raw);
    expect(rejection(raw)).toContain(`${path}: `);
  });

  it('GIVEN a NUL byte in the hash WHEN parsed THEN it is invalid, naming the field', () => {
    const raw = rawDocument();
    raw.hash = 'abc\u0000def';
    expect(rejection(raw)).toBe(
      'killmail 123: hash: contains a NUL character or broken Unicode, which the database cannot store',
    );
  });

  it('GIVEN a lone surrogate in a label, or a NUL deep inside the items WHEN parsed THEN it is invalid', () => {
    const labelled = rawDocument();
    labelled.zkb.labels = ['pvp', 'bad\ud800'];
    expect(rejection(labelled)).toContain('zkb.labels[1]: contains a NUL character');
    const items = rawDocument();
    items.esi.victim.items = [{ flag: 5, items: [{ item_type_id: 1, note: 'x\u0000' }] }];
    expect(rejection(items)).toContain('esi.victim.items[0].items[0].note: contains a NUL character');
  });

  it('GIVEN items nested absurdly deep WHEN parsed THEN it is invalid instead of overflowing the database', () => {
    const raw = rawDocument();
    let nested: unknown[] = [];
    raw.esi.victim.items = nested;
    for (let depth = 0; depth < 200; depth++) {
      const inner: unknown[] = [];
      nested.push({ items: inner });
      nested = inner;
    }
    expect(rejection(raw)).toContain('nested deeper than');
  });

  it('GIVEN an emoji (a valid surrogate pair) in a label WHEN parsed THEN it is accepted', () => {
    const raw = rawDocument();
    raw.zkb.labels = ['pvp 🚀'];
    expect(parseKillmailDocument(raw, { now: NOW }).ok).toBe(true);
  });

  it.each([
    ['-100000-01-01T00:00:00Z', 'is before EVE Online existed (2003)'],
    ['2002-12-31T23:59:59Z', 'is before EVE Online existed (2003)'],
    ['2026-12-04T00:00:00Z', 'is more than a day in the future'],
  ])('GIVEN a killmail time of %s WHEN parsed THEN it is invalid: %s', (time, reason) => {
    const raw = rawDocument();
    raw.esi.killmail_time = time;
    expect(rejection(raw)).toBe(`killmail 123: esi.killmail_time: ${time} ${reason}`);
  });

  it('GIVEN a kill a few hours ahead of the clock (clock drift) WHEN parsed THEN it is accepted', () => {
    const raw = rawDocument();
    raw.esi.killmail_time = '2026-12-02T05:00:00Z';
    expect(parseKillmailDocument(raw, { now: NOW }).ok).toBe(true);
  });
});

describe('parseKillmailDocuments', () => {
  const line = (id: number) => JSON.stringify(killmailDocument({ id }));

  it('GIVEN JSONL with a blank line and a broken line WHEN parsed THEN each entry carries its line number', () => {
    const text = `${line(1)}\n\n{not json\n${line(2)}\n`;
    const entries = parseKillmailDocuments(text);
    expect(entries.map((entry) => [entry.ok, entry.line, entry.index])).toEqual([
      [true, 1, 0],
      [false, 3, 1],
      [true, 4, 2],
    ]);
    const broken = entries[1]!;
    expect(!broken.ok && broken.error).toMatch(/^line 3: not valid JSON/);
  });

  it('GIVEN a JSON array WHEN parsed THEN each entry carries its index and errors say "item N"', () => {
    const text = `[${line(1)}, {"killmail_id": 2}]`;
    const entries = parseKillmailDocuments(text);
    expect(entries.map((entry) => [entry.ok, entry.index, entry.line])).toEqual([
      [true, 0, null],
      [false, 1, null],
    ]);
    const broken = entries[1]!;
    expect(!broken.ok && broken.error).toMatch(/^item 1: killmail 2: /);
  });

  it('GIVEN one pretty-printed document WHEN parsed THEN it is read as a single document', () => {
    const text = JSON.stringify(killmailDocument({ id: 7 }), null, 2);
    const entries = parseKillmailDocuments(text);
    expect(entries).toHaveLength(1);
    expect(entries[0]!.ok && entries[0]!.document.killmail_id).toBe(7);
  });

  it('GIVEN empty text WHEN parsed THEN there are no entries', () => {
    expect(parseKillmailDocuments('  \n')).toEqual([]);
  });

  it('GIVEN an array that is not valid JSON WHEN parsed THEN one error entry explains it', () => {
    const entries = parseKillmailDocuments('[{"killmail_id": 1},');
    expect(entries).toHaveLength(1);
    expect(entries[0]!.ok).toBe(false);
  });
});
