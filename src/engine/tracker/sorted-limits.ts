// Trackers of one range group kept sorted by their limit, so a killmail takes a prefix (every tracker whose
// limit its range or value satisfies) and one tracker is inserted or deleted without re-sorting the rest.

export type LimitOrder = 'ascending' | 'descending';

export class SortedLimits {
  /** The limits, negated when descending: always ascending here, so one binary search serves both. */
  private readonly keys: number[] = [];
  private readonly ordinals: number[] = [];
  private readonly sign: 1 | -1;

  constructor(order: LimitOrder) {
    this.sign = order === 'ascending' ? 1 : -1;
  }

  get size(): number {
    return this.keys.length;
  }

  /** The first limit: the lowest when ascending, the widest when descending. Only when size > 0. */
  first(): number {
    return this.sign * this.keys[0]!;
  }

  insert(limit: number, ordinal: number): void {
    const at = this.upperBound(this.sign * limit);
    this.keys.splice(at, 0, this.sign * limit);
    this.ordinals.splice(at, 0, ordinal);
  }

  /** Deletes the tracker `ordinal` filed under `limit`; false when it is not there. */
  delete(limit: number, ordinal: number): boolean {
    const key = this.sign * limit;
    const { keys, ordinals } = this;
    for (let at = this.lowerBound(key); at < keys.length && keys[at] === key; at++) {
      if (ordinals[at] !== ordinal) continue;
      keys.splice(at, 1);
      ordinals.splice(at, 1);
      return true;
    }
    return false;
  }

  /** Descending: takes every tracker whose limit is >= `range` (a kill `range` away is within it). */
  takeWhileAtLeast(range: number, take: (ordinal: number) => void): void {
    this.takeWhileKeyAtMost(-range, take);
  }

  /** Ascending: takes every tracker whose limit is <= `value` (a minimum the kill reaches). */
  takeWhileAtMost(value: number, take: (ordinal: number) => void): void {
    this.takeWhileKeyAtMost(value, take);
  }

  private takeWhileKeyAtMost(bound: number, take: (ordinal: number) => void): void {
    const { keys, ordinals } = this;
    for (let i = 0; i < keys.length && keys[i]! <= bound; i++) take(ordinals[i]!);
  }

  /** The first position whose key is >= `key`. */
  private lowerBound(key: number): number {
    const { keys } = this;
    let low = 0;
    let high = keys.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (keys[middle]! < key) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** The first position whose key is > `key`: a new entry goes after its equals. */
  private upperBound(key: number): number {
    const { keys } = this;
    let low = 0;
    let high = keys.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (keys[middle]! <= key) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
