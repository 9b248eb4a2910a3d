// Output formats shared by CLI commands.

/** One line of JSON spaced as the documentation shows it: {"from": 30003067, "to": 30003087, ...}. */
export function jsonLine(value: Record<string, unknown>): string {
  const members = Object.entries(value).map(
    ([key, member]) => `${JSON.stringify(key)}: ${JSON.stringify(member)}`,
  );
  return `{${members.join(', ')}}`;
}
