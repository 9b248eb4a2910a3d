// The stargate network as a compressed sparse row (CSR) graph over dense system indexes, and BFS on it.

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

/**
 * Gate jumps from `origin` to every system; -1 where unreachable. Systems flagged in `blocked` are
 * never entered (the origin itself is always allowed). `queue` is scratch space of length >= systemCount.
 */
export function breadthFirstJumps(
  graph: GateGraph,
  origin: number,
  blocked: Uint8Array | null,
  queue: Int32Array,
): Int32Array {
  const { offsets, targets } = graph;
  const jumps = new Int32Array(offsets.length - 1).fill(-1);
  jumps[origin] = 0;
  queue[0] = origin;
  let head = 0;
  let tail = 1;
  while (head < tail) {
    const current = queue[head++]!;
    const next = jumps[current]! + 1;
    const end = offsets[current + 1]!;
    for (let edge = offsets[current]!; edge < end; edge++) {
      const neighbour = targets[edge]!;
      if (jumps[neighbour] !== -1 || (blocked !== null && blocked[neighbour] === 1)) continue;
      jumps[neighbour] = next;
      queue[tail++] = neighbour;
    }
  }
  return jumps;
}
