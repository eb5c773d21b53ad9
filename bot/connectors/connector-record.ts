/**
 * What `connectors.json` holds and how a stored connector is shown: the file's schema (parsed once
 * when the store opens) and the mapping of a stored record to the token-free `ConnectorInfo`.
 */
import { z } from 'zod';
import { PLATFORMS, type Platform } from '../domain/chat.js';
import { connectorKey, connectorNameProblem } from './connector-name.js';
import { encryptedTokenSchema } from './token-cipher.js';

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

/** One connector as stored, its token sealed. */
export type StoredConnector = z.infer<typeof storedConnectorSchema>;

/** Shape of `connectors.json`. */
export const connectorsFileSchema = z
  .object({
    defaultConnector: z.string().optional(),
    connectors: z.array(storedConnectorSchema),
  })
  .strict();

/** Contents of `connectors.json`. */
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

/** Empty contents of `connectors.json`. */
export function emptyConnectorsFile(): ConnectorsFile {
  return { connectors: [] };
}

/** Names match by key: a display name, any spelling of it that differs in case or punctuation, or its key. */
export function sameName(a: string, b: string): boolean {
  return connectorKey(a) === connectorKey(b);
}

/** The stored connector named `name` (display name in any case, or key), if any. */
export function findStored(file: ConnectorsFile, name: string): StoredConnector | undefined {
  return file.connectors.find((c) => sameName(c.name, name));
}

/** The connector marked default when it still exists, else the first one, else undefined. */
export function defaultName(file: ConnectorsFile): string | undefined {
  const marked = file.defaultConnector;
  if (marked !== undefined && file.connectors.some((c) => sameName(c.name, marked))) {
    return marked;
  }
  return file.connectors[0]?.name;
}

/** `stored` as `ConnectorInfo` (no token), `isDefault` as `file` decides. */
export function toConnectorInfo(file: ConnectorsFile, stored: StoredConnector): ConnectorInfo {
  const chosen = defaultName(file);
  return {
    name: stored.name,
    key: connectorKey(stored.name),
    siteUrl: stored.siteUrl,
    email: stored.email,
    spaces: stored.spaces === '*' ? '*' : [...stored.spaces],
    origin: stored.origin,
    isDefault: chosen !== undefined && sameName(chosen, stored.name),
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
