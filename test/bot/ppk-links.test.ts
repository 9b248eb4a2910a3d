import { describe, expect, it } from 'vitest';
import { findKillmailLinks, parseKillmailInput } from '../../src/commands/ppk/killmail-link.ts';

const HASH = '0123456789abcdef0123456789abcdef01234567';

describe('kill links pilots paste', () => {
  it('GIVEN a zKillboard kill link in a sentence THEN the killmail id is found, without a hash', () => {
    expect(findKillmailLinks('gf all! https://zkillboard.com/kill/131234567/ o7')).toEqual([
      { killmailId: 131234567, hash: undefined },
    ]);
    expect(findKillmailLinks('<https://zkillboard.com/kill/42>')).toEqual([
      { killmailId: 42, hash: undefined },
    ]);
  });

  it('GIVEN an ESI killmail link (any version segment) THEN the id and the hash are found', () => {
    for (const prefix of ['latest/', 'v1/', '']) {
      expect(
        findKillmailLinks(
          `https://esi.evetech.net/${prefix}killmails/131234567/${HASH.toUpperCase()}/?datasource=tranquility`,
        ),
      ).toEqual([{ killmailId: 131234567, hash: HASH }]);
    }
  });

  it('GIVEN both links of one kill and another kill THEN each kill counts once, in order, with the hash kept', () => {
    const text = `https://zkillboard.com/kill/7/ and https://esi.evetech.net/latest/killmails/7/${HASH}/ then https://zkillboard.com/kill/8/`;
    expect(findKillmailLinks(text)).toEqual([
      { killmailId: 7, hash: HASH },
      { killmailId: 8, hash: undefined },
    ]);
  });

  it('GIVEN text with no kill link (a character page, a fake domain, an id past int32) THEN nothing is found', () => {
    expect(findKillmailLinks('https://zkillboard.com/character/90000001/')).toEqual([]);
    expect(findKillmailLinks('https://zkillboard.com.evil.example/kill/5/')).toEqual([]);
    expect(findKillmailLinks('https://notzkillboard.com/kill/5/')).toEqual([]);
    expect(findKillmailLinks('https://zkillboard.com/kill/9999999999/')).toEqual([]);
    expect(findKillmailLinks('')).toEqual([]);
  });

  it('GIVEN what was typed into /ppk post THEN a bare id or a link is taken, anything else is not', () => {
    expect(parseKillmailInput(' 131234567 ')).toEqual({ killmailId: 131234567 });
    expect(parseKillmailInput('https://zkillboard.com/kill/5/')).toEqual({ killmailId: 5, hash: undefined });
    expect(parseKillmailInput('0')).toBeUndefined();
    expect(parseKillmailInput('Rifter')).toBeUndefined();
  });
});
