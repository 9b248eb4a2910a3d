// Lists as admins type them: names or ids separated by commas (or semicolons, or new lines), where an
// item may still carry the "(0.9, The Forge)" detail of an autocomplete choice it was copied from.

const SEPARATORS = new Set([',', ';', '\n']);

/** Splits at separators outside parentheses: "Amarr (1.0, Domain)" is one item. */
function splitOutsideParentheses(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index < text.length; index++) {
    const char = text[index] ?? '';
    if (char === '(') depth++;
    else if (char === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && SEPARATORS.has(char)) {
      parts.push(text.slice(start, index));
      start = index + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/** The non-empty, trimmed items of a typed list. */
export function splitItems(text: string): string[] {
  return splitOutsideParentheses(text)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** The items before the last separator, and the item being typed after it (for autocomplete). */
export function splitLastItem(text: string): { earlier: string[]; last: string } {
  const parts = splitOutsideParentheses(text);
  const last = (parts.pop() ?? '').trim();
  return { earlier: parts.map((item) => item.trim()).filter((item) => item !== ''), last };
}

/** "Jita (0.9, The Forge)" -> "Jita"; undefined when the item has no trailing detail. */
export function withoutDetail(item: string): string | undefined {
  const match = /^(.*\S)\s*\([^()]*\)$/.exec(item.trim());
  return match?.[1];
}

/** A digits-only item: an EVE id or a Discord snowflake. */
export function isDigits(item: string): boolean {
  return /^\d{1,20}$/.test(item);
}
