// Value and kind clauses: zKillboard's ISK value, and the NPC, war, solo and awox markers.

import { formatIsk } from '../format.ts';
import { flagClause, negated, rangeClauses } from './define.ts';
import type { ClauseDefinition } from './types.ts';

// ISK in full, not millions; a killmail zKillboard did not price never matches a value clause.
const [requireMinValue, requireMaxValue] = rangeClauses({
  minKey: 'require_min_value',
  maxKey: 'require_max_value',
  minLabel: 'Min value (ISK)',
  maxLabel: 'Max value (ISK)',
  group: 'value',
  menu: 'victim',
  valueKind: 'isk',
  cost: 1,
  // Least selective of all anchors: used only by trackers with no place, entity or range to index.
  minIndexedBy: { fact: 'min_value', rank: 20 },
  screenOf: 'value',
  read: (killmail) => killmail.value,
  minPhrase: (value) => `worth at least ${formatIsk(value)}`,
  maxPhrase: (value) => `worth at most ${formatIsk(value)}`,
});

const requireNpcKills = flagClause({
  key: 'require_npc_kills',
  label: 'Only NPC kills',
  group: 'kind',
  menu: 'victim',
  cost: 1,
  killKind: { killKind: 'npc', is: true },
  test: (killmail) => killmail.npc,
  phrase: 'by NPCs',
});

const excludeNpcKills = negated(requireNpcKills, {
  key: 'exclude_npc_kills',
  label: 'No NPC kills',
  describe: () => 'not by NPCs',
});

const requireWarKills = flagClause({
  key: 'require_war_kills',
  label: 'Only war kills',
  group: 'kind',
  menu: 'victim',
  cost: 1,
  killKind: { killKind: 'war', is: true },
  test: (killmail) => killmail.war,
  phrase: 'in a war',
});

const excludeWarKills = negated(requireWarKills, {
  key: 'exclude_war_kills',
  label: 'No war kills',
  describe: () => 'not in a war',
});

const requireSolo = flagClause({
  key: 'require_solo',
  label: 'Only solo kills',
  group: 'kind',
  menu: 'victim',
  cost: 1,
  killKind: { killKind: 'solo', is: true },
  test: (killmail) => killmail.solo,
  phrase: 'solo',
});

const excludeSolo = negated(requireSolo, {
  key: 'exclude_solo',
  label: 'No solo kills',
  describe: () => 'not solo',
});

const excludeAwox = flagClause({
  key: 'exclude_awox',
  label: 'No awox kills',
  group: 'kind',
  menu: 'victim',
  cost: 1,
  killKind: { killKind: 'awox', is: false },
  test: (killmail) => !killmail.awox,
  phrase: 'not awox',
});

export const valueClauses: readonly ClauseDefinition[] = [requireMinValue, requireMaxValue];

export const kindClauses: readonly ClauseDefinition[] = [
  requireNpcKills,
  excludeNpcKills,
  requireWarKills,
  excludeWarKills,
  requireSolo,
  excludeSolo,
  excludeAwox,
];
