/**
 * The connector store's operations: reading, creating, rotating, re-scoping and removing
 * connectors in `connectors.json`, tokens sealed with AES-256-GCM. The file's shape and the mapping
 * to `ConnectorInfo` are in connector-record.ts; the input checks in connector-input.ts.
 */
import { join } from 'node:path';
import { validateSiteUrl } from '../confluence/site-url.js';
import type { ConfluenceConnection } from '../confluence/types.js';
import { AppError } from '../errors.js';
import { requireSpaceKey } from '../policy/space-keys.js';
import type { Secret } from '../secret.js';
import { type JsonDocument, openJsonDocument } from '../stores/json-document.js';
import {
  type BootstrapConnector,
  checkEmail,
  checkSpaces,
  checkToken,
  type UpsertConnectorInput,
} from './connector-input.js';
import { normalizeConnectorName } from './connector-name.js';
import {
  CONNECTORS_FILE,
  type ConnectorInfo,
  type ConnectorsFile,
  connectorsFileSchema,
  defaultName,
  emptyConnectorsFile,
  findStored,
  type StoredConnector,
  sameName,
  toConnectorInfo,
} from './connector-record.js';
import { decryptToken, type EncryptedToken, encryptToken, fingerprintToken } from './token-cipher.js';

/** The store's answers, re-exported for its callers. */
export type { ConnectorInfo, ConnectorSpaces } from './connector-record.js';

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

/**
 * Opens `<dataDir>/connectors.json` (mode 0600). Throws `AppError('STORE_CORRUPT')` if it is
 * unreadable; see `createConnectorStore`.
 */
export async function openConnectorStore(
  options: { readonly dataDir: string } & Omit<ConnectorStoreDeps, 'document'>,
): Promise<ConnectorStore> {
  const document = await openJsonDocument(
    join(options.dataDir, CONNECTORS_FILE),
    connectorsFileSchema,
    emptyConnectorsFile(),
    { fileMode: 0o600 },
  );
  return createConnectorStore({ ...options, document });
}

/** The setup-conversation fields `input` sets (an update leaves the others as they are). */
function setupOf(
  input: UpsertConnectorInput,
): Pick<StoredConnector, 'setupPlatform' | 'setupConversationId' | 'setupServiceUrl'> {
  return {
    ...(input.setupPlatform !== undefined ? { setupPlatform: input.setupPlatform } : {}),
    ...(input.setupConversationId !== undefined ? { setupConversationId: input.setupConversationId } : {}),
    ...(input.setupServiceUrl !== undefined ? { setupServiceUrl: input.setupServiceUrl } : {}),
  };
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
      return toConnectorInfo(draft, stored);
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
        Object.assign(existing, setupOf(input));
        existing.origin = origin === 'env' ? 'env' : existing.origin;
        existing.updatedAt = at;
        return toConnectorInfo(draft, existing);
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
        ...setupOf(input),
        ...(input.createdBy !== undefined ? { createdBy: input.createdBy } : {}),
        updatedAt: at,
      };
      draft.connectors.push(created);
      return toConnectorInfo(draft, created);
    });
  };

  return {
    list() {
      const file = document.read();
      return file.connectors.map((c) => toConnectorInfo(file, c));
    },
    get(name) {
      const file = document.read();
      const stored = findStored(file, name);
      return stored ? toConnectorInfo(file, stored) : undefined;
    },
    getDefault() {
      const file = document.read();
      const chosen = defaultName(file);
      const stored = chosen === undefined ? undefined : findStored(file, chosen);
      return stored ? toConnectorInfo(file, stored) : undefined;
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
      const checked = requireSpaceKey(spaceKey);
      return mutate(name, (stored) => {
        if (stored.spaces !== '*' && !stored.spaces.includes(checked)) {
          stored.spaces.push(checked);
        }
      });
    },
    async removeSpace(name, spaceKey) {
      const checked = requireSpaceKey(spaceKey);
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
        return toConnectorInfo(draft, stored);
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
