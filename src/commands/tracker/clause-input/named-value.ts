// One value an admin can pick for a list clause: its id, its name, and a detail that tells similar names
// apart in autocomplete ("Jita" + "0.9, The Forge").

export interface NamedValue {
  /** An EVE id, or a Discord role id. */
  id: number | string;
  name: string;
  detail?: string;
}

/** "Jita (0.9, The Forge)": how a value reads in an autocomplete choice. */
export function displayName(value: NamedValue): string {
  return value.detail ? `${value.name} (${value.detail})` : value.name;
}

/** A name index for autocomplete: entries whose name starts with the text first, then those containing it. */
export function searchByName<T extends { name: string }>(
  entries: readonly T[],
  text: string,
  limit: number,
  rank: (entry: T) => number = () => 0,
): T[] {
  const needle = text.trim().toLowerCase();
  const prefix: T[] = [];
  const inside: T[] = [];
  for (const entry of entries) {
    const name = entry.name.toLowerCase();
    if (name.startsWith(needle)) prefix.push(entry);
    else if (name.includes(needle)) inside.push(entry);
  }
  const order = (a: T, b: T) =>
    rank(a) - rank(b) || a.name.length - b.name.length || a.name.localeCompare(b.name);
  return [...prefix.sort(order), ...inside.sort(order)].slice(0, limit);
}
