// The problems of a tracker file, one line each: trackers counted from 1 as people count them, each named
// once ("tracker 2 (Bad): clauses.require_max_jump: unknown clause ...").
import type { TrackerBatchProblem } from '../engine/index.ts';

export function trackerProblemLines(
  path: string,
  whatNow: string,
  problems: readonly TrackerBatchProblem[],
): string[] {
  return [`${path} has ${problems.length} problem(s); ${whatNow}:`, ...problems.map(problemLine)];
}

function problemLine(problem: TrackerBatchProblem): string {
  // The batch key starts with "[index]" for arrays; the tracker is already named in front.
  const key = problem.key.replace(/^\[\d+\]\.?/, '');
  const name = problem.name === undefined ? '' : ` (${problem.name})`;
  return `  tracker ${problem.index + 1}${name}: ${key === '' ? '' : `${key}: `}${problem.message}`;
}
