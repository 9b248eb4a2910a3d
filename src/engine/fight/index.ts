// Fight reports: grouping kills into fights, the two sides, the report's figures and its message.
export {
  type ClusteredFight,
  clusterFights,
  DEFAULT_FIGHT_RULE,
  type FightKillPoint,
  type FightRule,
  type FightWindow,
  findFight,
  isDuringFight,
  isFightQuiet,
  isNearFight,
  widenFight,
} from './cluster.ts';
export { FIGHT_SIDE_NAMES, type FightReportInput, fightReportEmbed, renderFightReport } from './render.ts';
export {
  FIGHT_REPORT_TOP,
  type FightKillSummary,
  type FightPilotFigures,
  type FightReport,
  type FightSideFigures,
  type FightSystemFigures,
  fightReport,
} from './report.ts';
export {
  assignSides,
  type FightParty,
  type FightPartyKind,
  type FightSides,
  partyKey,
  partyOf,
  type SideIndex,
} from './sides.ts';
