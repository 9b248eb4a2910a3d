// Alerts of trackers with "ppk": true enter their kill into the guild's program as soon as they are
// posted: the derived events are recorded at once, and the alert becomes the kill's roster message.
import type { R2z2Document, TrackerMatch } from '../engine/index.ts';
import type { Logger } from '../log.ts';
import type { PpkOperations } from './operations.ts';

/** An alert Discord accepted. */
export interface PostedAlert {
  guildId: string;
  channelId: string;
  killmailId: number;
  messageId: string;
  document: R2z2Document;
  matches: readonly TrackerMatch[];
}

export interface PpkAlertEntryOptions {
  ppk: Pick<PpkOperations, 'enterKill'>;
  /** Keeps the alert edited as the kill's roster changes (the live-message outbox). */
  keepEdited: (input: {
    guildId: string;
    killmailId: number;
    channelId: string;
    messageId: string;
  }) => Promise<void>;
  log: Logger;
}

/**
 * The delivery worker's `onAlertPosted`: enters the kill when one of the matched trackers is a PPK one.
 * Never throws (the alert is posted either way; a first press on its buttons enters the kill then).
 */
export function createPpkAlertEntry(options: PpkAlertEntryOptions): (alert: PostedAlert) => Promise<void> {
  return async (alert) => {
    if (!alert.matches.some((match) => match.tracker.ppk)) return;
    const { guildId, channelId, killmailId, messageId } = alert;
    try {
      const { view } = await options.ppk.enterKill({
        guildId,
        killmailId,
        channelId,
        messageId,
        killmail: alert.document,
      });
      // A kill already in the program keeps its roster message; this alert is kept edited only when it is that one.
      if (view.channelId === channelId && view.messageId === messageId) {
        await options.keepEdited({ guildId, killmailId, channelId, messageId });
      }
    } catch (error) {
      options.log.warn(
        { err: error, guild: guildId, killmail: killmailId, channel: channelId },
        'could not enter the kill of a PPK alert into the program; its first claim will',
      );
    }
  };
}
