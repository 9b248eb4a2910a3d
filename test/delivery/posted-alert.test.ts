// Which recent channel message is the alert of a delivery whose earlier POST may have landed.
import type { APIMessage } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { findPostedAlert } from '../../src/delivery/posted-alert.ts';

const BOT = '111';

function message(
  id: string,
  options: { author?: string; url?: string; title?: string; nonce?: string },
): APIMessage {
  return {
    id,
    author: { id: options.author ?? BOT },
    embeds: options.url ? [{ url: options.url, title: options.title ?? 'Rifter destroyed in Jita' }] : [],
    ...(options.nonce ? { nonce: options.nonce } : {}),
  } as unknown as APIMessage;
}

const query = { nonce: 'kt7', killmailId: 42 };
const link = 'https://zkillboard.com/kill/42/';

describe('findPostedAlert', () => {
  it('GIVEN the bot posted the kill link WHEN searched THEN that message is the alert', () => {
    const messages = [message('3', { url: 'https://zkillboard.com/kill/43/' }), message('2', { url: link })];
    expect(findPostedAlert(messages, BOT, query)?.id).toBe('2');
  });

  it('GIVEN the same link posted by someone else or as a test alert WHEN searched THEN nothing is found', () => {
    const messages = [
      message('5', { url: link, author: '999' }),
      message('4', { url: link, title: '[TEST] Rifter' }),
    ];
    expect(findPostedAlert(messages, BOT, query)).toBeUndefined();
  });

  it('GIVEN Discord returned nonces WHEN searched THEN the nonce decides', () => {
    expect(findPostedAlert([message('6', { url: link, nonce: 't3-abc' })], BOT, query)).toBeUndefined();
    expect(findPostedAlert([message('7', { nonce: 'kt7' })], BOT, query)?.id).toBe('7');
  });
});
