import { join } from 'node:path';
import { z } from 'zod';
import { PLATFORMS } from '../domain/chat.js';
import { OPERATIONS, type Operation, PERMISSIONS, type Permission } from '../domain/types.js';
import { AppError } from '../errors.js';
import { type JsonDocument, openJsonDocument } from '../stores/json-document.js';
import { requireSpaceKey, SPACE_KEY_PATTERN } from './space-keys.js';

/** File name of the settings store inside `DATA_DIR`. */
export const SETTINGS_FILE = 'settings.json';

const permissionSchema = z.enum(PERMISSIONS);
const userIdSchema = z.string().regex(/^\S{1,200}$/);

const operationsSchema = z
  .object(
    Object.fromEntries(OPERATIONS.map((op) => [op, permissionSchema.optional()])) as Record<
      Operation,
      z.ZodOptional<typeof permissionSchema>
    >,
  )
  .strict();

const channelSettingsSchema = z
  .object({
    channelKey: z.string().min(1),
    connector: z.string().min(1).optional(),
    operations: operationsSchema.optional(),
    spaces: z.array(z.string().regex(SPACE_KEY_PATTERN)).optional(),
    approvers: z.array(userIdSchema),
    updatedAt: z.string().datetime(),
  })
  .strict();

const approvalsConversationSchema = z
  .object({
    /** Absent in settings written before Slack existed: a Teams conversation. */
    platform: z.enum(PLATFORMS).optional(),
    conversationId: z.string().min(1),
    channelKey: z.string().min(1),
    serviceUrl: z.string().url().optional(),
    tenantId: z.string().optional(),
  })
  .strict();

const globalSettingsSchema = z
  .object({
    admins: z.array(userIdSchema),
    approvalsConversation: approvalsConversationSchema.optional(),
    updatedAt: z.string().datetime().optional(),
  })
  .strict();

/** Shape of `settings.json`. Channels are a list (keys come from outside; no object-key tricks). */
export const settingsFileSchema = z
  .object({ global: globalSettingsSchema, channels: z.array(channelSettingsSchema) })
  .strict();

export type SettingsFile = z.infer<typeof settingsFileSchema>;

/**
 * One channel's settings (key: Teams channel id, or the chat's conversation id). `operations`
 * overrides the global CONFLUENCE_POLICY per operation; `spaces` narrows the connector's spaces
 * (canonical keys); `connector` picks a connector other than the default.
 */
export type ChannelSettings = z.infer<typeof channelSettingsSchema>;

/** Bot-wide settings changed from chat: admins granted beyond BOT_ADMINS, the approvals conversation. */
export type GlobalSettings = z.infer<typeof globalSettingsSchema>;

/** Where approval cards for personal-chat requests go. */
export type ApprovalsConversation = z.infer<typeof approvalsConversationSchema>;

/** A change, for the audit log (`before` is undefined when the channel had no settings). */
export interface SettingsChange<T> {
  readonly before: T | undefined;
  readonly after: T;
}

/** A change of the global settings (they always exist, so `before` is always set). */
export interface GlobalSettingsChange {
  readonly before: GlobalSettings;
  readonly after: GlobalSettings;
}

/** Per-channel and global settings. Mutations throw `AppError('INPUT_INVALID')` on bad ids/keys. */
export interface SettingsStore {
  /** The channel's own settings (deep-frozen snapshot), undefined when it never changed any. */
  getChannel(channelKey: string): ChannelSettings | undefined;
  /** Global settings (deep-frozen snapshot). */
  getGlobal(): GlobalSettings;
  /** Generic channel edit (creates the entry); the result is validated before it is stored. */
  updateChannel(
    channelKey: string,
    fn: (draft: ChannelSettings) => void,
  ): Promise<SettingsChange<ChannelSettings>>;
  setChannelPermission(
    channelKey: string,
    operation: Operation,
    permission: Permission,
  ): Promise<SettingsChange<ChannelSettings>>;
  /** `undefined` removes the channel's own list (the connector's spaces apply). */
  setChannelSpaces(
    channelKey: string,
    spaces: readonly string[] | undefined,
  ): Promise<SettingsChange<ChannelSettings>>;
  /** Adds to the channel's own list (creating it: the channel then uses only the listed spaces). */
  addChannelSpace(channelKey: string, spaceKey: string): Promise<SettingsChange<ChannelSettings>>;
  /** Removes from the channel's own list; INPUT_INVALID when the channel has none (never widens/locks by surprise). */
  removeChannelSpace(channelKey: string, spaceKey: string): Promise<SettingsChange<ChannelSettings>>;
  setChannelConnector(
    channelKey: string,
    connector: string | undefined,
  ): Promise<SettingsChange<ChannelSettings>>;
  addChannelApprover(channelKey: string, userId: string): Promise<SettingsChange<ChannelSettings>>;
  removeChannelApprover(channelKey: string, userId: string): Promise<SettingsChange<ChannelSettings>>;
  addAdmin(userId: string): Promise<GlobalSettingsChange>;
  removeAdmin(userId: string): Promise<GlobalSettingsChange>;
  setApprovalsConversation(ref: ApprovalsConversation | undefined): Promise<GlobalSettingsChange>;
}

/** Dependencies of `createSettingsStore`. */
export interface SettingsStoreDeps {
  readonly document: JsonDocument<SettingsFile>;
  readonly now: () => Date;
}

/** Empty contents of `settings.json`. */
export function emptySettingsFile(): SettingsFile {
  return { global: { admins: [] }, channels: [] };
}

/** Opens `<dataDir>/settings.json`; throws `AppError('STORE_CORRUPT')` if it is unreadable. */
export async function openSettingsStore(
  options: { readonly dataDir: string } & Omit<SettingsStoreDeps, 'document'>,
): Promise<SettingsStore> {
  const document = await openJsonDocument(
    join(options.dataDir, SETTINGS_FILE),
    settingsFileSchema,
    emptySettingsFile(),
  );
  return createSettingsStore({ ...options, document });
}

function checkUserId(userId: string): string {
  const trimmed = userId.trim();
  if (!userIdSchema.safeParse(trimmed).success) {
    throw new AppError('INPUT_INVALID', { userMessage: 'That user id is not valid.' });
  }
  return trimmed;
}

/** Sets `draft[field]` to `value`, or removes the field when `value` is undefined (nothing stores `undefined`). */
function setOrDelete<T extends object, K extends keyof T>(draft: T, field: K, value: T[K] | undefined): void {
  if (value === undefined) {
    delete draft[field];
  } else {
    draft[field] = value;
  }
}

function copy<T>(value: T): T {
  return structuredClone(value);
}

/** The settings store over any document (file or memory). */
export function createSettingsStore(deps: SettingsStoreDeps): SettingsStore {
  const { document, now } = deps;

  const updateChannel = async (
    channelKey: string,
    fn: (draft: ChannelSettings) => void,
  ): Promise<SettingsChange<ChannelSettings>> => {
    if (channelKey.length === 0) {
      throw new AppError('INPUT_INVALID', { message: 'empty channel key' });
    }
    return document.update((draft) => {
      let entry = draft.channels.find((c) => c.channelKey === channelKey);
      const before = entry ? copy(entry) : undefined;
      if (!entry) {
        entry = { channelKey, approvers: [], updatedAt: now().toISOString() };
        draft.channels.push(entry);
      }
      fn(entry);
      entry.channelKey = channelKey;
      entry.updatedAt = now().toISOString();
      return { before, after: copy(entry) };
    });
  };

  const updateGlobal = async (fn: (draft: GlobalSettings) => void): Promise<GlobalSettingsChange> =>
    document.update((draft) => {
      const before = copy(draft.global);
      fn(draft.global);
      draft.global.updatedAt = now().toISOString();
      return { before, after: copy(draft.global) };
    });

  return {
    getChannel: (channelKey) => document.read().channels.find((c) => c.channelKey === channelKey),
    getGlobal: () => document.read().global,
    updateChannel,
    async setChannelPermission(channelKey, operation, permission) {
      if (
        !(OPERATIONS as readonly string[]).includes(operation) ||
        !(PERMISSIONS as readonly string[]).includes(permission)
      ) {
        throw new AppError('INPUT_INVALID', { userMessage: 'Unknown operation or permission.' });
      }
      return updateChannel(channelKey, (draft) => {
        draft.operations = { ...draft.operations, [operation]: permission };
      });
    },
    async setChannelSpaces(channelKey, spaces) {
      const keys = spaces === undefined ? undefined : [...new Set(spaces.map(requireSpaceKey))];
      return updateChannel(channelKey, (draft) => setOrDelete(draft, 'spaces', keys));
    },
    async addChannelSpace(channelKey, spaceKey) {
      const key = requireSpaceKey(spaceKey);
      return updateChannel(channelKey, (draft) => {
        const current = draft.spaces ?? [];
        draft.spaces = current.includes(key) ? current : [...current, key];
      });
    },
    async removeChannelSpace(channelKey, spaceKey) {
      const key = requireSpaceKey(spaceKey);
      return updateChannel(channelKey, (draft) => {
        if (draft.spaces === undefined) {
          throw new AppError('INPUT_INVALID', {
            userMessage:
              "This channel uses all of the connector's spaces. Remove the space from the connector, or list this channel's spaces first.",
          });
        }
        draft.spaces = draft.spaces.filter((k) => k !== key);
      });
    },
    async setChannelConnector(channelKey, connector) {
      return updateChannel(channelKey, (draft) => setOrDelete(draft, 'connector', connector));
    },
    async addChannelApprover(channelKey, userId) {
      const id = checkUserId(userId);
      return updateChannel(channelKey, (draft) => {
        if (!draft.approvers.includes(id)) {
          draft.approvers.push(id);
        }
      });
    },
    async removeChannelApprover(channelKey, userId) {
      const id = checkUserId(userId);
      return updateChannel(channelKey, (draft) => {
        draft.approvers = draft.approvers.filter((a) => a !== id);
      });
    },
    async addAdmin(userId) {
      const id = checkUserId(userId);
      return updateGlobal((draft) => {
        if (!draft.admins.includes(id)) {
          draft.admins.push(id);
        }
      });
    },
    async removeAdmin(userId) {
      const id = checkUserId(userId);
      return updateGlobal((draft) => {
        draft.admins = draft.admins.filter((a) => a !== id);
      });
    },
    async setApprovalsConversation(ref) {
      const parsed = ref === undefined ? undefined : approvalsConversationSchema.safeParse(ref);
      if (parsed !== undefined && !parsed.success) {
        throw new AppError('INPUT_INVALID', { message: 'invalid approvals conversation reference' });
      }
      return updateGlobal((draft) => setOrDelete(draft, 'approvalsConversation', parsed?.data));
    },
  };
}
