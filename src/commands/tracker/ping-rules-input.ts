// Ping rules as admins type them, one rule a line or separated by ";", conditions then "->" then pings:
//   isk 20b -> @everyone; isk 1b -> @FC; attackers 30 -> @here; any -> none
// Conditions: "isk <amount>" (at least that value), "attackers <n>" (at least n), both, or "any".
// Pings: @everyone, @here, role mentions or ids, or "none". "none" alone removes the rules.
import { MAX_PING_RULES, type PingRule, type TrackerPing } from '../../engine/index.ts';
import { UserError } from '../../user-error.ts';
import { parseIsk, parseWholeNumber } from './clause-input/numbers.ts';

const SYNTAX = 'Write rules like `isk 20b -> @everyone; isk 1b -> @FC; attackers 30 -> @here` (or `none`).';
const ROLE = /^<@&(\d{1,20})>$|^(\d{17,20})$/;

function fail(rule: string, problem: string): never {
  throw new UserError(`Ping rule \`${rule.replaceAll('`', "'")}\` ${problem}. ${SYNTAX}`);
}

function readConditions(text: string, rule: string): Omit<PingRule, 'ping'> {
  const words = text
    .trim()
    .toLowerCase()
    .split(/[\s,]+/)
    .filter((word) => word !== '' && word !== 'and');
  const conditions: Omit<PingRule, 'ping'> = {};
  if (words.length === 1 && (words[0] === 'any' || words[0] === 'else' || words[0] === 'always'))
    return conditions;
  if (words.length === 0) fail(rule, 'has no condition before `->` (write `any` for every kill)');
  for (let index = 0; index < words.length; index += 2) {
    const key = words[index];
    const value = words[index + 1];
    if (value === undefined) fail(rule, `gives no amount after \`${key}\``);
    if (key === 'isk' || key === 'value') {
      const isk = parseIsk(value);
      if (isk === undefined) fail(rule, `has \`${value}\`, which is not an ISK amount like 1b or 500m`);
      conditions.min_value = isk;
    } else if (key === 'attackers') {
      const count = parseWholeNumber(value);
      if (count === undefined || count < 1)
        fail(rule, `has \`${value}\`, which is not a number of attackers`);
      conditions.min_attackers = count;
    } else fail(rule, `has \`${key}\`, which is not a condition (use \`isk\`, \`attackers\` or \`any\`)`);
  }
  return conditions;
}

function readPings(text: string, rule: string, guildId: string): TrackerPing {
  const ping: TrackerPing = { everyone: false, here: false, roles: [] };
  const words = text
    .trim()
    .split(/[\s,]+/)
    .filter((word) => word !== '');
  if (words.length === 0) fail(rule, 'names nobody after `->` (write `none` for no ping)');
  if (words.length === 1 && words[0]?.toLowerCase() === 'none') return ping;
  for (const word of words) {
    const lower = word.toLowerCase();
    if (lower === '@everyone') ping.everyone = true;
    else if (lower === '@here') ping.here = true;
    else {
      const role = ROLE.exec(word);
      const id = role?.[1] ?? role?.[2];
      if (id === undefined) fail(rule, `pings \`${word}\`, which is not @everyone, @here or a role`);
      if (id === guildId) ping.everyone = true;
      else if (!ping.roles.includes(id)) ping.roles.push(id);
    }
  }
  return ping;
}

/** The rules of the text; an empty list for "none" (or nothing). Throws a UserError naming the bad rule. */
export function parsePingRules(text: string, guildId: string): PingRule[] {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed.toLowerCase() === 'none') return [];
  const parts = trimmed
    .split(/[;\n]/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
  if (parts.length > MAX_PING_RULES)
    throw new UserError(`A tracker has at most ${MAX_PING_RULES} ping rules; you wrote ${parts.length}.`);
  return parts.map((part) => {
    const arrow = /->|=>|→/.exec(part);
    if (!arrow) fail(part, 'has no `->` between its condition and its pings');
    const conditions = readConditions(part.slice(0, arrow.index), part);
    const ping = readPings(part.slice(arrow.index + arrow[0].length), part, guildId);
    return { ...conditions, ping };
  });
}

/** ISK written so it reads back exactly: 1500000000 -> "1.5b", 1234 -> "1234". */
function exactIsk(value: number): string {
  for (const [unit, size] of [
    ['t', 1e12],
    ['b', 1e9],
    ['m', 1e6],
    ['k', 1e3],
  ] as const) {
    const scaled = value / size;
    if (scaled >= 1 && Number(scaled.toFixed(6)) === scaled) return `${scaled}${unit}`;
  }
  return String(value);
}

function pingText(ping: TrackerPing): string {
  const parts = [
    ...(ping.everyone ? ['@everyone'] : []),
    ...(ping.here ? ['@here'] : []),
    ...ping.roles.map((role) => `<@&${role}>`),
  ];
  return parts.length === 0 ? 'none' : parts.join(' ');
}

/** The rules written back in the syntax above, one a line (prefills the editor's form). */
export function formatPingRules(rules: readonly PingRule[]): string {
  return rules
    .map((rule) => {
      const conditions = [
        ...(rule.min_value === undefined ? [] : [`isk ${exactIsk(rule.min_value)}`]),
        ...(rule.min_attackers === undefined ? [] : [`attackers ${rule.min_attackers}`]),
      ];
      return `${conditions.length === 0 ? 'any' : conditions.join(' ')} -> ${pingText(rule.ping)}`;
    })
    .join('\n');
}
