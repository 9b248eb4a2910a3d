// A tracker's name is how members pick it (autocomplete, lists, menus) and how alerts credit it: it must
// show something and fit on one line. Checked whenever a name is given (create, rename, clone, import), not
// on every save, so a tracker stored before keeps working until it is renamed.
import { escapeMarkdown } from '../engine/render/index.ts';
import { UserError } from '../user-error.ts';

// Line feeds, carriage returns, vertical tabs, form feeds, NEL and the Unicode line/paragraph separators,
// and every other control character, which Discord would show as a break or a blank.
// eslint-disable-next-line no-control-regex -- control characters are exactly what this looks for.
const BREAKS_LINE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
// Characters that draw nothing: spaces, zero-width and direction marks, variation selectors, combining
// marks with nothing to sit on, Hangul fillers (default-ignorable) and the blank Braille pattern.
const DRAWS_NOTHING = /^[\p{White_Space}\p{Default_Ignorable_Code_Point}\p{Cf}\p{M}\u2800]*$/u;

const EXAMPLE = 'e.g. "Caps near home"';

/** What is wrong with a tracker name, worded to follow "the name …"; undefined when it is fine. */
export function trackerNameProblem(name: string): string | undefined {
  const text = name.trim();
  if (BREAKS_LINE.test(text)) return `must fit on one line: remove the line break (${EXAMPLE})`;
  if (DRAWS_NOTHING.test(text))
    return `is made only of invisible characters: use letters or digits members can read (${EXAMPLE})`;
  return undefined;
}

/** Throws a UserError when the name cannot be a tracker's name. */
export function checkTrackerName(name: string): void {
  const problem = trackerNameProblem(name);
  if (problem === undefined) return;
  const shown = escapeMarkdown(name.trim().slice(0, 50));
  throw new UserError(`The name${shown === '' ? '' : ` "${shown}"`} ${problem}.`);
}
