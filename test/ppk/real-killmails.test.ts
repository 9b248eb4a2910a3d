// Derived PPK events from real killmails of ../shared (zKillboard's labelled edge cases), checked against
// the attackers as the files list them.
import { expect, it } from 'vitest';
import type { R2z2Document } from '../../src/engine/index.ts';
import { derivedEvents, killFacts } from '../../src/ppk/derivation.ts';
import { describeWithSharedData, sharedKillmailLines } from '../helpers/shared-data.ts';

describeWithSharedData('PPK derived events on real killmails', () => {
  const byId = () =>
    new Map(
      (sharedKillmailLines('zk-activity-labelled.jsonl') as R2z2Document[]).map((document) => [
        document.killmail_id,
        document,
      ]),
    );
  const eventsOf = (killmailId: number, isLinked: (id: number) => boolean = () => true) => {
    const document = byId().get(killmailId);
    if (!document) throw new Error(`killmail ${killmailId} missing from the shared file`);
    const facts = killFacts(document);
    return { facts, events: derivedEvents(facts.attackers, isLinked) };
  };
  const holders = (events: ReturnType<typeof eventsOf>['events'], type: string) =>
    events.filter((event) => event.type === type).map((event) => event.characterId);

  it('GIVEN the guardian fight (34 pilots) THEN 34 participants, final blow 96138875, top damage 2114343346 (3,789 damage)', () => {
    const { facts, events } = eventsOf(115797013);
    expect(holders(events, 'participant')).toHaveLength(34);
    expect(holders(events, 'final_blow')).toEqual([96138875]);
    expect(holders(events, 'top_damage')).toEqual([2114343346]);
    expect(facts.zkbValue).toBe(274255385.69);
  });

  it('GIVEN an NPC doing the most damage THEN top damage goes to the pilot with the most (8,991), who also had the final blow', () => {
    const { facts, events } = eventsOf(132817097);
    expect(facts.attackers.map((attacker) => attacker.characterId)).toEqual([2121261376]);
    expect(events).toEqual([
      { characterId: 2121261376, type: 'participant' },
      { characterId: 2121261376, type: 'final_blow' },
      { characterId: 2121261376, type: 'top_damage' },
    ]);
  });

  it('GIVEN only some pilots linked THEN the others get nothing and stay listed as attackers', () => {
    // The dictor kill: 6 pilots and one NPC; 2116470606 has the final blow and top damage.
    const linked = new Set([2122249719, 2121930451]);
    const { facts, events } = eventsOf(132467594, (id) => linked.has(id));
    expect(facts.attackers).toHaveLength(6);
    expect(events).toEqual([
      { characterId: 2122249719, type: 'participant' },
      { characterId: 2121930451, type: 'participant' },
    ]);
    const unlinked = facts.attackers.map((attacker) => attacker.characterId).filter((id) => !linked.has(id));
    expect(unlinked).toEqual([2116470606, 2121379335, 2118944398, 2122582181]);
  });

  it('GIVEN a Keepstar kill with 3,753 attackers THEN each pilot is one participant and exactly one final blow and top damage', () => {
    const { facts, events } = eventsOf(131126432);
    expect(holders(events, 'participant')).toHaveLength(facts.attackers.length);
    expect(new Set(holders(events, 'participant')).size).toBe(facts.attackers.length);
    expect(holders(events, 'final_blow')).toEqual([2117579881]);
    expect(holders(events, 'top_damage')).toEqual([95494338]);
  });

  it('GIVEN a kill with no pilot among the attackers THEN nothing is derived', () => {
    expect(eventsOf(132462203).events).toEqual([]);
  });
});
