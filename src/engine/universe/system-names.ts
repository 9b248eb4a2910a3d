// Name lookups over solar systems: exact (case-insensitive) and search for autocomplete.

export class SystemNameIndex {
  private readonly byLowerName = new Map<string, number>();
  /** System indexes sorted by lower-case name, so that prefix matches form one contiguous run. */
  private readonly sorted: Int32Array;
  private readonly sortedNames: string[];

  constructor(names: readonly string[]) {
    const lower = names.map((name) => name.toLowerCase());
    lower.forEach((name, index) => {
      if (!this.byLowerName.has(name)) this.byLowerName.set(name, index);
    });
    // Plain code-unit order (not localeCompare) so the binary search below agrees with the sort.
    const order = lower.map((_, index) => index);
    order.sort((a, b) => (lower[a]! < lower[b]! ? -1 : lower[a]! > lower[b]! ? 1 : a - b));
    this.sorted = Int32Array.from(order);
    this.sortedNames = order.map((index) => lower[index]!);
  }

  /** Index of the system with exactly this name (any case, surrounding spaces ignored), or -1. */
  find(name: string): number {
    return this.byLowerName.get(name.trim().toLowerCase()) ?? -1;
  }

  /** Indexes of systems whose name starts with the text (alphabetical), then those containing it. */
  search(text: string, limit: number): number[] {
    const needle = text.trim().toLowerCase();
    const found: number[] = [];
    if (limit <= 0) return found;
    let position = this.lowerBound(needle);
    while (position < this.sortedNames.length && found.length < limit) {
      if (!this.sortedNames[position]!.startsWith(needle)) break;
      found.push(this.sorted[position]!);
      position++;
    }
    for (let i = 0; i < this.sortedNames.length && found.length < limit; i++) {
      const name = this.sortedNames[i]!;
      if (!name.startsWith(needle) && name.includes(needle)) found.push(this.sorted[i]!);
    }
    return found;
  }

  private lowerBound(needle: string): number {
    let low = 0;
    let high = this.sortedNames.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.sortedNames[middle]! < needle) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
