import { describe, expect, it } from 'vitest';
import { formatPingRules, parsePingRules } from '../../src/commands/tracker/ping-rules-input.ts';
import { UserError } from '../../src/user-error.ts';

const GUILD = '900000000000000000';
const FC = '111111111111111111';

describe('ping rules as typed', () => {
  it('GIVEN tiers with ISK, attackers, roles and a catch-all THEN they parse in order', () => {
    const rules = parsePingRules(
      `isk 20b -> @everyone; isk 1.5b attackers 10 -> <@&${FC}>\nany -> none`,
      GUILD,
    );
    expect(rules).toEqual([
      { min_value: 20_000_000_000, ping: { everyone: true, here: false, roles: [] } },
      { min_value: 1_500_000_000, min_attackers: 10, ping: { everyone: false, here: false, roles: [FC] } },
      { ping: { everyone: false, here: false, roles: [] } },
    ]);
  });

  it('GIVEN "none" THEN no rules', () => {
    expect(parsePingRules(' none ', GUILD)).toEqual([]);
  });

  it('GIVEN written rules THEN formatting and parsing them again gives the same rules', () => {
    const rules = parsePingRules(`isk 1234567 -> @here ${FC}; attackers 30 -> @here`, GUILD);
    expect(parsePingRules(formatPingRules(rules), GUILD)).toEqual(rules);
  });

  it.each([
    ['isk 1b @FC', 'no `->`'],
    ['isk lots -> @here', 'not an ISK amount'],
    ['ships 3 -> @here', 'not a condition'],
    ['isk 1b -> @FC', 'not @everyone, @here or a role'],
  ])('GIVEN %s THEN the error says what is wrong', (text, message) => {
    expect(() => parsePingRules(text, GUILD)).toThrow(UserError);
    expect(() => parsePingRules(text, GUILD)).toThrow(message);
  });
});
