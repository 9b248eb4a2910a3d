// "Did you mean ...?" for a mistyped key of the tracker format: the known keys a few edits away, or whose
// end the typed one is close to ("max_jump" for require_max_jumps).

/** How many suggestions at most: more is a list, not a hint. */
const MAX_SUGGESTIONS = 3;

/** The known keys closest to `typed`, nearest first; empty when none is close enough to be a typo. */
export function nearestKeys(typed: string, known: readonly string[]): string[] {
  const wanted = typed.trim().toLowerCase();
  if (wanted === '') return [];
  // One edit in four characters: "colour" is color, "require_minimum_value" still require_min_value.
  const allowed = Math.max(1, Math.floor(wanted.length / 4));
  const scored: Array<{ key: string; distance: number }> = [];
  for (const key of known) {
    const distance = Math.min(editDistance(wanted, key, allowed), tailDistance(wanted, key, allowed));
    if (distance <= allowed) scored.push({ key, distance });
  }
  scored.sort((a, b) => a.distance - b.distance || a.key.localeCompare(b.key));
  // Only the nearest and the nearly as near: a far second guess is noise next to a close first one.
  const nearest = scored[0]?.distance ?? 0;
  return scored
    .filter(({ distance }) => distance <= nearest + 1)
    .slice(0, MAX_SUGGESTIONS)
    .map(({ key }) => key);
}

/** "did you mean `require_max_jumps`?", or undefined when nothing is close. */
export function didYouMean(typed: string, known: readonly string[]): string | undefined {
  const near = nearestKeys(typed, known).map((key) => `\`${key}\``);
  if (near.length === 0) return undefined;
  const listed = near.length === 1 ? near[0] : `${near.slice(0, -1).join(', ')} or ${near.at(-1)}`;
  return `did you mean ${listed}?`;
}

/** Edits to one of the key's ends after an underscore, plus one for the part left out. */
function tailDistance(wanted: string, key: string, limit: number): number {
  let best = limit + 1;
  for (let at = key.indexOf('_'); at !== -1; at = key.indexOf('_', at + 1)) {
    best = Math.min(best, editDistance(wanted, key.slice(at + 1), limit) + 1);
  }
  return best;
}

/**
 * Edits (insert, delete, substitute, swap two neighbours) turning `a` into `b`; stops counting past
 * `limit` and returns limit + 1, since only near keys matter.
 */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMinimum = i;
    for (let j = 1; j <= b.length; j++) {
      const substitution = a[i - 1] === b[j - 1] ? 0 : 1;
      let cost = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + substitution);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        cost = Math.min(cost, beforePrevious[j - 2]! + 1);
      }
      current.push(cost);
      rowMinimum = Math.min(rowMinimum, cost);
    }
    if (rowMinimum > limit) return limit + 1;
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length]!;
}
