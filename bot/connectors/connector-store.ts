import { join } from 'node:path';
import { z } from 'zod';
import { validateSiteUrl } from '../confluence/site-url.js';
import type { ConfluenceConnection } from '../confluence/types.js';
import { PLATFORMS, type Platform } from '../domain/chat.js';
import { AppError } from '../errors.js';
import { normalizeSpaceKey, normalizeSpaceKeys } from '../policy/space-keys.js';
import type { Secret } from '../secret.js';
import { type JsonDocument, openJsonDocument } from '../stores/json-document.js';
import { connectorKey, connectorNameProblem, normalizeConnectorName } from './connector-name.js';
import {
  decryptToken,
  type EncryptedToken,
  encryptedTokenSchema,
  encryptToken,
  fingerprintToken,
} from './token-cipher.js';

/** File name of the connector store inside `DATA_DIR`. */
export const CONNECTORS_FILE = 'connectors.json';

/** Allowed spaces of a connector: canonical keys, or `'*'` for every space the account can see. */
export type ConnectorSpaces = readonly string[] | '*';

const spacesSchema = z.union([z.literal('*'), z.array(z.string().regex(/^~?[A-Za-z0-9]+$/))]);

const storedConnectorSchema = z
  .object({
    name: z.string().refine((name) => connectorNameProblem(name) === undefined, 'not a connector name'),
    siteUrl: z.string().url(),
    email: z.string().min(3),
    token: encryptedTokenSchema,
    tokenFingerprint: z.string().regex(/^[0-9a-f]{32}$/),
    spaces: spacesSchema,
    origin: z.enum(['env', 'chat']),
    tokenCreatedAt: z.string().datetime(),
    tokenRotatedAt: z.string().datetime().optional(),
    tokenExpiresAt: z.string().datetime().optional(),
    setupPlatform: z.enum(PLATFORMS).optional(),
    setupConversationId: z.string().optional(),
    setupServiceUrl: z.string().url().optional(),
    createdBy: z.string().optional(),
    updatedAt: z.string().datetime(),
  })
  .strict();

type StoredConnector = z.infer<typeof storedConnectorSchema>;

/** Shape of `connectors.json`. */
export const connectorsFileSchema = z
  .object({
    defaultConnector: z.string().optional(),
    connectors: z.array(storedConnectorSchema),
  })
  .strict();

export type ConnectorsFile = z.infer<typeof connectorsFileSchema>;

/** A connector without its token (safe to show, log and audit). */
export interface ConnectorInfo {
  /** Display name, any printable text up to 64 characters ("Contoso Confluence"). */
  readonly name: string;
  /** Short form for commands (`/confluence rotate contoso-confluence`); see `connectorKey`. */
  readonly key: string;
  readonly siteUrl: string;
  readonly email: string;
  readonly spaces: ConnectorSpaces;
  /** `env` = the bootstrap connector from CONFLUENCE_* variables (re-applied at every start). */
  readonly origin: 'env' | 'chat';
  readonly isDefault: boolean;
  readonly tokenCreatedAt: string;
  readonly tokenRotatedAt?: string;
  readonly tokenExpiresAt?: string;
  /** The platform of the setup conversation (absent = Teams, as before Slack existed). */
  readonly setupPlatform?: Platform;
  readonly setupConversationId?: string;
  /** The channel endpoint of the setup conversation (for admin notices such as token expiry). */
  readonly setupServiceUrl?: string;
  readonly createdBy?: string;
  readonly updatedAt: string;
}

/** Input of `upsert`. `spaces` defaults to none (fail closed) for a new connector, unchanged otherwise. */
export interface UpsertConnectorInput {
  readonly name: string;
  readonly siteUrl: string;
  readonly email: string;
  readonly apiToken: Secret;
  readonly spaces?: readonly string[] | '*';
  readonly tokenExpiresAt?: Date;
  /** The platform of the setup conversation (absent = Teams, as before Slack existed). */
  readonly setupPlatform?: Platform;
  readonly setupConversationId?: string;
  /** The channel endpoint of the setup conversation (for admin notices such as token expiry). */
  readonly setupServiceUrl?: string;
  readonly createdBy?: string;
}

/** The bootstrap connector described by CONFLUENCE_* environment variables. */
export interface BootstrapConnector {
  readonly name: string;
  readonly siteUrl: string;
  readonly email: string;
  readonly apiToken: Secret;
  /** From CONFLUENCE_SPACES; empty = leave the stored list alone (none for a new connector). */
  readonly spaces: readonly string[] | '*';
}

/**
 * Connectors by name, tokens encrypted at rest. Every method taking a name accepts the display name
 * in any case or the connector's key. Every mutation throws `AppError` on bad input.
 */
export interface ConnectorStore {
  list(): ConnectorInfo[];
  get(name: string): ConnectorInfo | undefined;
  /** The connector marked default, else the first one, else undefined. */
  getDefault(): ConnectorInfo | undefined;
  /** Creates or replaces a connector (site, email, token; spaces when given). */
  upsert(input: UpsertConnectorInput): Promise<ConnectorInfo>;
  rotateToken(name: string, apiToken: Secret, expiresAt?: Date): Promise<ConnectorInfo>;
  setSpaces(name: string, spaces: readonly string[] | '*'): Promise<ConnectorInfo>;
  addSpace(name: string, key: string): Promise<ConnectorInfo>;
  removeSpace(name: string, key: string): Promise<ConnectorInfo>;
  /** True when a connector was removed. */
  remove(name: string): Promise<boolean>;
  setDefault(name: string): Promise<ConnectorInfo>;
  /** The only place a token is decrypted. Throws CONNECTOR_NOT_FOUND, CONFIG_INVALID, STORE_CORRUPT. */
  getConnection(name: string): ConfluenceConnection;
  /** Creates or refreshes the env connector at startup; the token is re-encrypted only if it changed. */
  ensureBootstrap(fromEnv: BootstrapConnector | undefined): Promise<ConnectorInfo | undefined>;
}

/** Dependencies of `createConnectorStore`. */
export interface ConnectorStoreDeps {
  readonly document: JsonDocument<ConnectorsFile>;
  readonly key: Buffer;
  readonly now: () => Date;
}

/** Empty contents of `connectors.json`. */
export function emptyConnectorsFile(): ConnectorsFile {
  return { connectors: [] };
}

/**
 * Opens `<dataDir>/connectors.json` (mode 0600). Throws `AppError('STORE_CORRUPT')` if it is
 * unreadable; see `createConnectorStore`.
 */
export async function openConnectorStore(options: {
  dataDir: string;
  key: Buffer;
  now: () => Date;
}): Promise<ConnectorStore> {
  const document = await openJsonDocument(
    join(options.dataDir, CONNECTORS_FILE),
    connectorsFileSchema,
    emptyConnectorsFile(),
    { fileMode: 0o600 },
  );
  return createConnectorStore({ document, key: options.key, now: options.now });
}

/** Names match by key: a display name, any spelling of it that differs in case or punctuation, or its key. */
function sameName(a: string, b: string): boolean {
  return connectorKey(a) === connectorKey(b);
}

function checkEmail(email: string): string {
  const trimmed = email.trim();
  if (!z.string().email().safeParse(trimmed).success) {
    throw new AppError('INPUT_INVALID', { userMessage: 'The account email is not a valid email address.' });
  }
  return trimmed;
}

function checkSpaceKey(key: string): string {
  const normalized = normalizeSpaceKey(key);
  if (normalized === undefined) {
    throw new AppError('INPUT_INVALID', {
      userMessage: 'A space key is ASCII letters and digits, optionally starting with `~` (personal spaces).',
      details: { spaceKey: key.slice(0, 60) },
    });
  }
  return normalized;
}

function checkSpaces(spaces: readonly string[] | '*'): string[] | '*' {
  if (spaces === '*') {
    return '*';
  }
  const { keys, malformed } = normalizeSpaceKeys(spaces);
  if (malformed.length > 0) {
    checkSpaceKey(malformed[0] ?? '');
  }
  return keys;
}

function checkToken(token: Secret): void {
  if (token.isEmpty() || /\s/.test(token.reveal())) {
    throw new AppError('INPUT_INVALID', { userMessage: 'The API token is empty or contains spaces.' });
  }
}

function toInfo(stored: StoredConnector, isDefault: boolean): ConnectorInfo {
  return {
    name: stored.name,
    key: connectorKey(stored.name),
    siteUrl: stored.siteUrl,
    email: stored.email,
    spaces: stored.spaces === '*' ? '*' : [...stored.spaces],
    origin: stored.origin,
    isDefault,
    tokenCreatedAt: stored.tokenCreatedAt,
    ...(stored.tokenRotatedAt !== undefined ? { tokenRotatedAt: stored.tokenRotatedAt } : {}),
    ...(stored.tokenExpiresAt !== undefined ? { tokenExpiresAt: stored.tokenExpiresAt } : {}),
    ...(stored.setupPlatform !== undefined ? { setupPlatform: stored.setupPlatform } : {}),
    ...(stored.setupConversationId !== undefined ? { setupConversationId: stored.setupConversationId } : {}),
    ...(stored.setupServiceUrl !== undefined ? { setupServiceUrl: stored.setupServiceUrl } : {}),
    ...(stored.createdBy !== undefined ? { createdBy: stored.createdBy } : {}),
    updatedAt: stored.updatedAt,
  };
}

function defaultName(file: ConnectorsFile): string | undefined {
  const marked = file.defaultConnector;
  if (marked !== undefined && file.connectors.some((c) => sameName(c.name, marked))) {
    return marked;
  }
  return file.connectors[0]?.name;
}

/** AES-GCM context of a connector's token: its stored display name, which never changes after creation. */
function tokenContext(name: string): string {
  return `connector:${name.toLowerCase()}`;
}

/**
 * The connector store over any document (file or memory). Tokens are sealed with AES-256-GCM bound to
 * the connector name; `ConnectorInfo` never carries the token; `getConnection` is the only decrypt.
 */
export function createConnectorStore(deps: ConnectorStoreDeps): ConnectorStore {
  const { document, key, now } = deps;

  const findStored = (file: ConnectorsFile, name: string): StoredConnector | undefined =>
    file.connectors.find((c) => sameName(c.name, name));

  const infoOf = (file: ConnectorsFile, stored: StoredConnector): ConnectorInfo => {
    const chosen = defaultName(file);
    return toInfo(stored, chosen !== undefined && sameName(chosen, stored.name));
  };

  const requireStored = (file: ConnectorsFile, name: string): StoredConnector => {
    const stored = findStored(file, name);
    if (!stored) {
      throw new AppError('CONNECTOR_NOT_FOUND', { details: { connector: name.slice(0, 60) } });
    }
    return stored;
  };

  const seal = (name: string, token: Secret): { token: EncryptedToken; tokenFingerprint: string } => ({
    token: encryptToken(key, token, tokenContext(name)),
    tokenFingerprint: fingerprintToken(key, token),
  });

  const mutate = async (
    name: string,
    fn: (stored: StoredConnector, at: string) => void,
  ): Promise<ConnectorInfo> =>
    document.update((draft) => {
      const stored = requireStored(draft, name);
      const at = now().toISOString();
      fn(stored, at);
      stored.updatedAt = at;
      return infoOf(draft, stored);
    });

  const upsertWith = async (input: UpsertConnectorInput, origin: 'env' | 'chat'): Promise<ConnectorInfo> => {
    const name = normalizeConnectorName(input.name);
    const siteUrl = validateSiteUrl(input.siteUrl);
    const email = checkEmail(input.email);
    checkToken(input.apiToken);
    const spaces = input.spaces === undefined ? undefined : checkSpaces(input.spaces);
    return document.update((draft) => {
      const at = now().toISOString();
      const existing = findStored(draft, name);
      const fingerprint = fingerprintToken(key, input.apiToken);
      if (existing) {
        existing.siteUrl = siteUrl;
        existing.email = email;
        if (existing.tokenFingerprint !== fingerprint) {
          Object.assign(existing, seal(existing.name, input.apiToken));
          existing.tokenRotatedAt = at;
          if (input.tokenExpiresAt === undefined) {
            delete existing.tokenExpiresAt;
          }
        }
        if (input.tokenExpiresAt !== undefined) {
          existing.tokenExpiresAt = input.tokenExpiresAt.toISOString();
        }
        if (spaces !== undefined) {
          existing.spaces = spaces;
        }
        if (input.setupPlatform !== undefined) {
          existing.setupPlatform = input.setupPlatform;
        }
        if (input.setupConversationId !== undefined) {
          existing.setupConversationId = input.setupConversationId;
        }
        if (input.setupServiceUrl !== undefined) {
          existing.setupServiceUrl = input.setupServiceUrl;
        }
        existing.origin = origin === 'env' ? 'env' : existing.origin;
        existing.updatedAt = at;
        return infoOf(draft, existing);
      }
      const created: StoredConnector = {
        name,
        siteUrl,
        email,
        ...seal(name, input.apiToken),
        spaces: spaces ?? [],
        origin,
        tokenCreatedAt: at,
        ...(input.tokenExpiresAt !== undefined ? { tokenExpiresAt: input.tokenExpiresAt.toISOString() } : {}),
        ...(input.setupPlatform !== undefined ? { setupPlatform: input.setupPlatform } : {}),
        ...(input.setupConversationId !== undefined
          ? { setupConversationId: input.setupConversationId }
          : {}),
        ...(input.setupServiceUrl !== undefined ? { setupServiceUrl: input.setupServiceUrl } : {}),
        ...(input.createdBy !== undefined ? { createdBy: input.createdBy } : {}),
        updatedAt: at,
      };
      draft.connectors.push(created);
      return infoOf(draft, created);
    });
  };

  return {
    list() {
      const file = document.read();
      return file.connectors.map((c) => infoOf(file, c));
    },
    get(name) {
      const file = document.read();
      const stored = findStored(file, name);
      return stored ? infoOf(file, stored) : undefined;
    },
    getDefault() {
      const file = document.read();
      const chosen = defaultName(file);
      const stored = chosen === undefined ? undefined : findStored(file, chosen);
      return stored ? infoOf(file, stored) : undefined;
    },
    upsert: (input) => upsertWith(input, 'chat'),
    async rotateToken(name, apiToken, expiresAt) {
      checkToken(apiToken);
      return mutate(name, (stored, at) => {
        Object.assign(stored, seal(stored.name, apiToken));
        stored.tokenRotatedAt = at;
        if (expiresAt === undefined) {
          delete stored.tokenExpiresAt;
        } else {
          stored.tokenExpiresAt = expiresAt.toISOString();
        }
      });
    },
    async setSpaces(name, spaces) {
      const checked = checkSpaces(spaces);
      return mutate(name, (stored) => {
        stored.spaces = checked;
      });
    },
    async addSpace(name, spaceKey) {
      const checked = checkSpaceKey(spaceKey);
      return mutate(name, (stored) => {
        if (stored.spaces !== '*' && !stored.spaces.includes(checked)) {
          stored.spaces.push(checked);
        }
      });
    },
    async removeSpace(name, spaceKey) {
      const checked = checkSpaceKey(spaceKey);
      return mutate(name, (stored) => {
        if (stored.spaces === '*') {
          throw new AppError('INPUT_INVALID', {
            userMessage:
              'This connector allows every space (`*`). Set an explicit list of spaces before removing one.',
          });
        }
        stored.spaces = stored.spaces.filter((k) => k !== checked);
      });
    },
    async remove(name) {
      return document.update((draft) => {
        const before = draft.connectors.length;
        draft.connectors = draft.connectors.filter((c) => !sameName(c.name, name));
        if (draft.defaultConnector !== undefined && sameName(draft.defaultConnector, name)) {
          delete draft.defaultConnector;
        }
        return draft.connectors.length !== before;
      });
    },
    async setDefault(name) {
      return document.update((draft) => {
        const stored = requireStored(draft, name);
        draft.defaultConnector = stored.name;
        return infoOf(draft, stored);
      });
    },
    getConnection(name) {
      const stored = requireStored(document.read(), name);
      return {
        siteUrl: stored.siteUrl,
        email: stored.email,
        apiToken: decryptToken(key, stored.token, tokenContext(stored.name)),
      };
    },
    async ensureBootstrap(fromEnv) {
      if (fromEnv === undefined) {
        return undefined;
      }
      const spaces = fromEnv.spaces === '*' || fromEnv.spaces.length > 0 ? fromEnv.spaces : undefined;
      return upsertWith(
        {
          name: fromEnv.name,
          siteUrl: fromEnv.siteUrl,
          email: fromEnv.email,
          apiToken: fromEnv.apiToken,
          ...(spaces !== undefined ? { spaces } : {}),
        },
        'env',
      );
    },
  };
}
