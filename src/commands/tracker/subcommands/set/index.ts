// /tracker set origin|color|channel|max-age: a tracker's settings besides its conditions.
import type { SubcommandGroup } from '../../../contract.ts';
import channel from './channel.ts';
import color from './color.ts';
import maxAge from './max-age.ts';
import origin from './origin.ts';

export default {
  name: 'set',
  description: 'Change a tracker setting',
  subcommands: [origin, color, channel, maxAge],
} as const satisfies SubcommandGroup;
