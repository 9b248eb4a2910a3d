// Persistent, versioned custom_ids of the tracker editor ("trk1:<action>:<trackerId>[:<arg>]"):
// formatted and parsed in one place, so a forged or stale id is simply not recognised.

const CUSTOM_ID_VERSION = 'trk1';

export type EditorAction =
  /** select: add a clause of one group (arg = group) */
  | 'add'
  /** select: remove a clause */
  | 'rm'
  /** modal submit: the value of a clause (arg = clause key) */
  | 'val'
  /** role select: the roles of a *_roles clause (arg = clause key) */
  | 'roles'
  /** button: enable or disable */
  | 'toggle'
  /** button: open the alert settings (pings, title, description) */
  | 'pings'
  /** the alert settings' ping buttons and role select (arg = none | here | everyone | roles) */
  | 'ping'
  /** the alert settings' button: open the title and description modal */
  | 'title'
  /** modal submit: the title and description */
  | 'titleok'
  /** the alert settings' button: claim buttons on the alerts, on or off */
  | 'ppk'
  /** the alert settings' button: open the ping rules, cooldown and digest modal */
  | 'tiers'
  /** modal submit: the ping rules, cooldown and digest */
  | 'tiersok'
  /** the alert settings' button: fight reports on or off */
  | 'fight'
  /** button: preview over stored killmails */
  | 'preview'
  /** button: post a test alert */
  | 'test'
  /** button: ask to delete */
  | 'del'
  /** button: delete confirmed */
  | 'delok'
  /** button: delete cancelled */
  | 'delno';

const ACTIONS: ReadonlySet<string> = new Set<EditorAction>([
  'add',
  'rm',
  'val',
  'roles',
  'toggle',
  'pings',
  'ping',
  'title',
  'titleok',
  'ppk',
  'tiers',
  'tiersok',
  'fight',
  'preview',
  'test',
  'del',
  'delok',
  'delno',
]);

export interface EditorCustomId {
  action: EditorAction;
  trackerId: number;
  arg: string | undefined;
}

const MAX_LENGTH = 100;

export function editorCustomId(action: EditorAction, trackerId: number, arg?: string): string {
  const id = [CUSTOM_ID_VERSION, action, String(trackerId), ...(arg === undefined ? [] : [arg])].join(':');
  if (id.length > MAX_LENGTH) throw new Error(`custom_id too long (${id.length} > ${MAX_LENGTH}): ${id}`);
  return id;
}

/** The parsed id, or undefined when it is not a well-formed editor id of this version. */
export function parseEditorCustomId(customId: string): EditorCustomId | undefined {
  if (customId.length > MAX_LENGTH) return undefined;
  const [version, action, trackerId, arg, ...rest] = customId.split(':');
  if (version !== CUSTOM_ID_VERSION || action === undefined || !ACTIONS.has(action) || rest.length > 0)
    return undefined;
  if (trackerId === undefined || !/^[1-9]\d{0,9}$/.test(trackerId)) return undefined;
  const id = Number(trackerId);
  if (!Number.isSafeInteger(id) || id > 2_147_483_647) return undefined;
  if (arg !== undefined && !/^[a-z0-9_-]{1,60}$/.test(arg)) return undefined;
  return { action: action as EditorAction, trackerId: id, arg };
}
