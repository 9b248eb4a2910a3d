// A breadth-first search over the gate graph that runs only as far as the questions asked of it need: a
// kill checked against trackers within 15 jumps explores 15 jumps, not the whole map (a tenth of the work).
import type { GateGraph } from './gate-graph.ts';
import type { JumpSearch } from './types.ts';

const UNREACHABLE = -1;

/**
 * Gate jumps from one origin. `blocked` systems are never entered (the origin itself always is); `scratch`
 * is queue space of length >= the system count, shared by every search of one universe (searches never
 * run inside each other, so one queue serves them all).
 */
export class LazyJumpSearch implements JumpSearch {
  /**
   * Jumps + 1 to each system found so far, 0 for the rest (a fresh typed array is all zeros: nothing to
   * fill). Every entry set is final. 16 bits suffice while no route can be 65,535 jumps long.
   */
  private readonly found: Uint16Array | Int32Array;
  /** Every system within this many jumps is in `found`. */
  private reached = 0;
  /** The systems exactly `reached` jumps away, where the search resumes; null once it has run out. */
  private frontier: Int32Array | null;
  /** What all() returned, so repeated calls hand out the same array. */
  private everything: Int32Array | undefined;

  constructor(
    private readonly graph: GateGraph,
    origin: number,
    private readonly blocked: Uint8Array | null,
    private readonly scratch: Int32Array,
  ) {
    const systemCount = graph.offsets.length - 1;
    this.found = systemCount < 0xffff ? new Uint16Array(systemCount) : new Int32Array(systemCount);
    this.found[origin] = 1;
    this.frontier = Int32Array.of(origin);
  }

  jumpsTo(index: number, maxJumps = Number.POSITIVE_INFINITY): number {
    let found = this.found[index]!;
    if (found === 0 && this.frontier !== null && this.reached < maxJumps) {
      this.extend(maxJumps, index);
      found = this.found[index]!;
    }
    return found !== 0 && found - 1 <= maxJumps ? found - 1 : UNREACHABLE;
  }

  all(): Int32Array {
    if (this.everything) return this.everything;
    this.extend(Number.POSITIVE_INFINITY, -1);
    const { found } = this;
    const everything = new Int32Array(found.length);
    for (let i = 0; i < found.length; i++) everything[i] = found[i]! - 1;
    this.everything = everything;
    return everything;
  }

  /**
   * Searches one whole ring of systems after another until `maxJumps` is reached, `target` (-1 for none)
   * is found, or nothing is left: finishing each ring keeps "everything within `reached` is known" true.
   */
  private extend(maxJumps: number, target: number): void {
    const frontier = this.frontier;
    if (frontier === null) return;
    const { offsets, targets } = this.graph;
    const { found, blocked } = this;
    const queue = this.scratch;
    queue.set(frontier);
    let head = 0;
    let tail = frontier.length;
    let depth = this.reached;
    while (head < tail && depth < maxJumps && (target < 0 || found[target] === 0)) {
      const ringEnd = tail;
      depth++;
      while (head < ringEnd) {
        const current = queue[head++]!;
        const end = offsets[current + 1]!;
        for (let edge = offsets[current]!; edge < end; edge++) {
          const neighbour = targets[edge]!;
          if (found[neighbour] !== 0 || (blocked !== null && blocked[neighbour] === 1)) continue;
          found[neighbour] = depth + 1;
          queue[tail++] = neighbour;
        }
      }
    }
    this.reached = depth;
    // Only the outer ring is kept between questions: a search paused at 15 jumps holds a few hundred ids.
    this.frontier = head < tail ? queue.slice(head, tail) : null;
  }
}
