// The cheap conditions most trackers carry (age, bounds on value and attacker count, excluded space
// classes, required or forbidden kill kinds) kept as plain numbers. The matcher checks them for thousands
// of candidates from one flat array, and calls a tracker's clause tests only for what is left.
import type { ClauseScreen, KillKind } from '../clauses/types.ts';
import type { Killmail } from '../killmail/types.ts';
import type { SpaceClass } from '../universe/types.ts';

/** A tracker's screened conditions; the defaults let every killmail through. */
export interface TrackerScreen {
  maxAgeMs: number;
  minValue: number;
  maxValue: number;
  minAttackers: number;
  maxAttackers: number;
  /** Bits of SPACE_CLASS_BITS the kill must not be in. */
  excludedSpaceClasses: number;
  /** Bits of KILL_FACT_BITS the kill must have, and must not have. */
  requiredFacts: number;
  forbiddenFacts: number;
}

const SPACE_CLASS_BITS: Record<SpaceClass, number> = {
  high_sec: 1,
  low_sec: 2,
  null_sec: 4,
  w_space: 8,
  pochven: 16,
  abyssal: 32,
  other: 64,
};

/** Kill kinds, plus whether zKillboard priced the kill: a value bound never matches an unpriced one. */
const KILL_FACT_BITS: Record<KillKind | 'priced', number> = { npc: 1, war: 2, solo: 4, awox: 8, priced: 16 };

export function openScreen(maxAgeMs: number): TrackerScreen {
  return {
    maxAgeMs,
    minValue: Number.NEGATIVE_INFINITY,
    maxValue: Number.POSITIVE_INFINITY,
    minAttackers: Number.NEGATIVE_INFINITY,
    maxAttackers: Number.POSITIVE_INFINITY,
    excludedSpaceClasses: 0,
    requiredFacts: 0,
    forbiddenFacts: 0,
  };
}

/** Adds one clause's condition (the clause sets one: its value is not a false flag). */
export function narrowScreen(screen: TrackerScreen, rule: ClauseScreen, value: unknown): void {
  switch (rule.kind) {
    case 'min':
    case 'max': {
      if (typeof value !== 'number') return;
      if (rule.of === 'value') {
        screen.requiredFacts |= KILL_FACT_BITS.priced;
        if (rule.kind === 'min') screen.minValue = Math.max(screen.minValue, value);
        else screen.maxValue = Math.min(screen.maxValue, value);
      } else if (rule.kind === 'min') {
        screen.minAttackers = Math.max(screen.minAttackers, value);
      } else {
        screen.maxAttackers = Math.min(screen.maxAttackers, value);
      }
      return;
    }
    case 'kill_kind':
      if (rule.is) screen.requiredFacts |= KILL_FACT_BITS[rule.killKind];
      else screen.forbiddenFacts |= KILL_FACT_BITS[rule.killKind];
      return;
    case 'space_class':
      screen.excludedSpaceClasses |= SPACE_CLASS_BITS[rule.spaceClass];
      return;
  }
}

/** The facts of one killmail every screen is checked against; `now` undefined = no age limit applies. */
export class ScreenedKill {
  readonly ageMs: number;
  /** The value, 0 when unpriced (the missing `priced` fact already rules out trackers with a bound). */
  readonly value: number;
  readonly attackers: number;
  readonly spaceClass: number;
  readonly facts: number;

  constructor(killmail: Killmail, now: number | undefined) {
    this.ageMs = now === undefined ? Number.NEGATIVE_INFINITY : now - killmail.time;
    this.value = killmail.value ?? 0;
    this.attackers = killmail.attackerCount;
    this.spaceClass = SPACE_CLASS_BITS[killmail.spaceClass];
    this.facts =
      (killmail.npc ? KILL_FACT_BITS.npc : 0) |
      (killmail.war ? KILL_FACT_BITS.war : 0) |
      (killmail.solo ? KILL_FACT_BITS.solo : 0) |
      (killmail.awox ? KILL_FACT_BITS.awox : 0) |
      (killmail.value === undefined ? 0 : KILL_FACT_BITS.priced);
  }
}

/** Whether a killmail passes one screen: what a compiled tracker checks before its remaining clauses. */
export function passesScreen(screen: TrackerScreen, kill: ScreenedKill): boolean {
  if (kill.ageMs > screen.maxAgeMs || kill.value < screen.minValue || kill.value > screen.maxValue)
    return false;
  if (kill.attackers < screen.minAttackers || kill.attackers > screen.maxAttackers) return false;
  return (
    (kill.spaceClass & screen.excludedSpaceClasses) === 0 &&
    (kill.facts & screen.requiredFacts) === screen.requiredFacts &&
    (kill.facts & screen.forbiddenFacts) === 0
  );
}

/** Numbers per tracker in a ScreenTable: one 64-byte cache line. */
const STRIDE = 8;

/**
 * Every screen of an index laid out flat by ordinal, so checking a candidate reads one cache line. Rows are
 * written one at a time (the table grows as ordinals do); a row never written lets nothing through.
 */
export class ScreenTable {
  private cells: Float64Array;

  constructor(
    screens: ReadonlyArray<{ readonly ordinal: number; readonly screen: TrackerScreen }> = [],
    size = 0,
  ) {
    this.cells = new Float64Array(Math.max(size, 1) * STRIDE);
    this.cells.fill(Number.NaN);
    for (const { ordinal, screen } of screens) this.set(ordinal, screen);
  }

  /** Writes the screen of the tracker at `ordinal`. */
  set(ordinal: number, screen: TrackerScreen): void {
    const at = ordinal * STRIDE;
    if (at >= this.cells.length) {
      let length = this.cells.length;
      while (length <= at) length *= 2;
      const grown = new Float64Array(length);
      grown.fill(Number.NaN, this.cells.length);
      grown.set(this.cells);
      this.cells = grown;
    }
    const cells = this.cells;
    cells[at] = screen.maxAgeMs;
    cells[at + 1] = screen.minValue;
    cells[at + 2] = screen.maxValue;
    cells[at + 3] = screen.minAttackers;
    cells[at + 4] = screen.maxAttackers;
    cells[at + 5] = screen.excludedSpaceClasses;
    cells[at + 6] = screen.requiredFacts;
    cells[at + 7] = screen.forbiddenFacts;
  }

  /** Clears the row at `ordinal`: it lets nothing through again. */
  clear(ordinal: number): void {
    const at = ordinal * STRIDE;
    if (at < this.cells.length) this.cells.fill(Number.NaN, at, at + STRIDE);
  }

  /** passesScreen for the tracker at `ordinal`. */
  passes(ordinal: number, kill: ScreenedKill): boolean {
    const cells = this.cells;
    const at = ordinal * STRIDE;
    // Written as "not within" so that NaN (a row never written) fails every comparison and the screen.
    if (!(kill.ageMs <= cells[at]! && kill.value >= cells[at + 1]! && kill.value <= cells[at + 2]!))
      return false;
    if (!(kill.attackers >= cells[at + 3]! && kill.attackers <= cells[at + 4]!)) return false;
    const required = cells[at + 6]!;
    return (
      (kill.spaceClass & cells[at + 5]!) === 0 &&
      (kill.facts & required) === required &&
      (kill.facts & cells[at + 7]!) === 0
    );
  }
}
