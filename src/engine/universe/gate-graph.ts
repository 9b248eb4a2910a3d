// The stargate network as a compressed sparse row (CSR) graph over dense system indexes (searched by
// jump-search.ts).

export interface GateGraph {
  /** neighbours of system i are targets[offsets[i] .. offsets[i + 1]). */
  readonly offsets: Int32Array;
  readonly targets: Int32Array;
}

/**
 * Builds the CSR graph from undirected links given as dense index pairs. Self-links and repeated links
 * (in either direction) are dropped so that each neighbour is visited once.
 */
export function buildGateGraph(
  systemCount: number,
  links: ReadonlyArray<readonly [number, number]>,
): GateGraph {
  const seen = new Set<number>();
  const from: number[] = [];
  const to: number[] = [];
  for (const [a, b] of links) {
    if (a === b) continue;
    const key = a < b ? a * systemCount + b : b * systemCount + a;
    if (seen.has(key)) continue;
    seen.add(key);
    from.push(a);
    to.push(b);
  }
  const offsets = new Int32Array(systemCount + 1);
  for (let i = 0; i < from.length; i++) {
    offsets[from[i]! + 1]!++;
    offsets[to[i]! + 1]!++;
  }
  for (let i = 0; i < systemCount; i++) offsets[i + 1]! += offsets[i]!;
  const targets = new Int32Array(from.length * 2);
  const cursor = offsets.slice(0, systemCount);
  for (let i = 0; i < from.length; i++) {
    const a = from[i]!;
    const b = to[i]!;
    targets[cursor[a]!++] = b;
    targets[cursor[b]!++] = a;
  }
  return { offsets, targets };
}
