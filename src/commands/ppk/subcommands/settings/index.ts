// /ppk settings ...: the program's payout rules, claim window and manager role.
import type { SubcommandGroup } from '../../../contract.ts';
import claimWindow from './claim-window.ts';
import managerRole from './manager-role.ts';
import pool from './pool.ts';
import shares from './shares.ts';
import show from './show.ts';

export default {
  name: 'settings',
  description: 'Pay-per-kill settings',
  subcommands: [show, shares, pool, claimWindow, managerRole],
} as const satisfies SubcommandGroup;
