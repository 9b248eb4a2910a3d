// The /tracker slash command as plain API JSON: every subcommand and option, registered as is.
import {
  type ApplicationCommandOptionAllowedChannelType,
  ApplicationCommandOptionType,
  ChannelType,
  InteractionContextType,
  PermissionFlagsBits,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';

const trackerOption = {
  type: ApplicationCommandOptionType.String,
  name: 'tracker',
  description: 'The tracker (start typing its name)',
  required: true,
  autocomplete: true,
} as const;

const textChannelTypes: ApplicationCommandOptionAllowedChannelType[] = [
  ChannelType.GuildText,
  ChannelType.GuildAnnouncement,
];

export const TRACKER_COMMAND = {
  name: 'tracker',
  description: 'Build and manage killmail trackers for this server',
  default_member_permissions: String(PermissionFlagsBits.ManageGuild),
  contexts: [InteractionContextType.Guild],
  options: [
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'create',
      description: 'Create a tracker that posts matching killmails to a channel',
      options: [
        {
          type: ApplicationCommandOptionType.String,
          name: 'name',
          description: 'A name, e.g. "Caps near home"',
          required: true,
          max_length: 100,
        },
        {
          type: ApplicationCommandOptionType.Channel,
          name: 'channel',
          description: 'Where alerts are posted',
          required: true,
          channel_types: textChannelTypes,
        },
        {
          type: ApplicationCommandOptionType.String,
          name: 'origin',
          description: 'Solar system that jump and light-year conditions measure from',
          autocomplete: true,
        },
        {
          type: ApplicationCommandOptionType.String,
          name: 'color',
          description: 'Alert colour, e.g. #ff5500 or red',
        },
        {
          type: ApplicationCommandOptionType.String,
          name: 'ping',
          description: 'Who to ping on an alert: none, @here, @everyone or a role',
          autocomplete: true,
        },
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'add-clause',
      description: 'Add a condition to a tracker',
      options: [
        trackerOption,
        {
          type: ApplicationCommandOptionType.String,
          name: 'clause',
          description: 'The condition',
          required: true,
          autocomplete: true,
        },
        {
          type: ApplicationCommandOptionType.String,
          name: 'value',
          description: 'Its value: a number, 1.5b, yes/no, or names separated by commas',
          required: true,
          autocomplete: true,
        },
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'remove-clause',
      description: 'Remove a condition from a tracker',
      options: [
        trackerOption,
        {
          type: ApplicationCommandOptionType.String,
          name: 'clause',
          description: 'The condition to remove',
          required: true,
          autocomplete: true,
        },
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'show',
      description: 'Open the tracker editor',
      options: [trackerOption],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'list',
      description: 'All trackers of this server',
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'enable',
      description: 'Start posting alerts',
      options: [trackerOption],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'disable',
      description: 'Stop posting alerts',
      options: [trackerOption],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'rename',
      description: 'Rename a tracker',
      options: [
        trackerOption,
        {
          type: ApplicationCommandOptionType.String,
          name: 'name',
          description: 'The new name',
          required: true,
          max_length: 100,
        },
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'clone',
      description: 'Copy a tracker (disabled) under a new name',
      options: [
        trackerOption,
        {
          type: ApplicationCommandOptionType.String,
          name: 'name',
          description: 'Name of the copy',
          required: true,
          max_length: 100,
        },
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'delete',
      description: 'Delete a tracker (asks to confirm)',
      options: [trackerOption],
    },
    {
      type: ApplicationCommandOptionType.SubcommandGroup,
      name: 'set',
      description: 'Change a tracker setting',
      options: [
        {
          type: ApplicationCommandOptionType.Subcommand,
          name: 'origin',
          description: 'Solar system that jump and light-year conditions measure from',
          options: [
            trackerOption,
            {
              type: ApplicationCommandOptionType.String,
              name: 'system',
              description: 'A solar system, or "none" to clear',
              required: true,
              autocomplete: true,
            },
          ],
        },
        {
          type: ApplicationCommandOptionType.Subcommand,
          name: 'color',
          description: 'Colour of the alert embeds',
          options: [
            trackerOption,
            {
              type: ApplicationCommandOptionType.String,
              name: 'color',
              description: '#ff5500, a colour name, or "none"',
              required: true,
            },
          ],
        },
        {
          type: ApplicationCommandOptionType.Subcommand,
          name: 'channel',
          description: 'Channel the alerts go to',
          options: [
            trackerOption,
            {
              type: ApplicationCommandOptionType.Channel,
              name: 'channel',
              description: 'The new channel',
              required: true,
              channel_types: textChannelTypes,
            },
          ],
        },
        {
          type: ApplicationCommandOptionType.Subcommand,
          name: 'max-age',
          description: 'Ignore killmails older than this many minutes',
          options: [
            trackerOption,
            {
              type: ApplicationCommandOptionType.Integer,
              name: 'minutes',
              description: 'Minutes (1-10080)',
              required: true,
              min_value: 1,
              max_value: 10_080,
            },
          ],
        },
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'ping',
      description: 'Who gets pinged on an alert',
      options: [
        trackerOption,
        {
          type: ApplicationCommandOptionType.String,
          name: 'mode',
          description: 'none, @here, @everyone, or roles only',
          required: true,
          choices: [
            { name: 'none', value: 'none' },
            { name: '@here', value: 'here' },
            { name: '@everyone', value: 'everyone' },
            { name: 'roles only', value: 'roles' },
          ],
        },
        { type: ApplicationCommandOptionType.Role, name: 'role', description: 'A role to ping' },
        { type: ApplicationCommandOptionType.Role, name: 'role-2', description: 'Another role to ping' },
        { type: ApplicationCommandOptionType.Role, name: 'role-3', description: 'Another role to ping' },
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'preview',
      description: 'What the tracker would have posted over recent killmails',
      options: [
        trackerOption,
        {
          type: ApplicationCommandOptionType.Integer,
          name: 'hours',
          description: 'How far back to look (default 24)',
          min_value: 1,
          max_value: 168,
        },
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'test',
      description: "Post a sample alert to the tracker's channel now",
      options: [trackerOption],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'export',
      description: 'Download trackers as a JSON file',
      options: [
        { ...trackerOption, required: false, description: 'One tracker (default: all of this server)' },
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'import',
      description: 'Create trackers from a JSON file (tracker format version 1)',
      options: [
        {
          type: ApplicationCommandOptionType.Attachment,
          name: 'file',
          description: 'The .json file',
          required: true,
        },
        {
          type: ApplicationCommandOptionType.Channel,
          name: 'channel',
          description: 'Where the imported trackers post',
          required: true,
          channel_types: textChannelTypes,
        },
      ],
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export type TrackerSubcommand =
  | 'create'
  | 'add-clause'
  | 'remove-clause'
  | 'show'
  | 'list'
  | 'enable'
  | 'disable'
  | 'rename'
  | 'clone'
  | 'delete'
  | 'set origin'
  | 'set color'
  | 'set channel'
  | 'set max-age'
  | 'ping'
  | 'preview'
  | 'test'
  | 'export'
  | 'import';
