// /killtracker settings ...: server-wide settings.
import type { SubcommandGroup } from '../../../contract.ts';
import managerRole from './manager-role.ts';

export default {
  name: 'settings',
  description: 'Server settings',
  subcommands: [managerRole],
} as const satisfies SubcommandGroup;
