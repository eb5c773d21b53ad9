import type { ApprovalService } from '../approvals/approval-service.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { Config } from '../config.js';
import type { HostLookup } from '../confluence/site-host.js';
import type { ConfluenceClient, ConfluenceConnection } from '../confluence/types.js';
import type { ConnectorStore } from '../connectors/connector-store.js';
import type { ChatPort } from '../domain/chat.js';
import type { Logger } from '../logger.js';
import type { ModelClient } from '../model/model-client.js';
import type { SettingsStore } from '../policy/settings-store.js';
import type { AdminNotifier } from './admin-notices.js';
import type { PeopleDirectory } from './people.js';

/** Builds (and caches) a Confluence client per connector name; `forget` after a token change. */
export interface ClientProvider {
  get(connectorName: string): ConfluenceClient;
  forget(connectorName: string): void;
  /** A one-off client for credentials not stored yet (the connect and rotate checks). */
  forConnection(connection: ConfluenceConnection): ConfluenceClient;
}

/** Everything the core needs, injected so tests can swap any part. */
export interface AssistantDeps {
  readonly config: Config;
  readonly logger: Logger;
  readonly now: () => Date;
  readonly audit: AuditLog;
  readonly connectors: ConnectorStore;
  readonly settings: SettingsStore;
  readonly approvals: ApprovalService;
  readonly clients: ClientProvider;
  /** The outbound side of the chat platforms (routes each target to its platform's edge). */
  readonly port: ChatPort;
  /** Base of the Atlassian API gateway for scoped tokens (`https://api.atlassian.com`; the simulator in tests). */
  readonly gatewayUrl: string;
  /** aadObjectId → chat id, learned from traffic (for Teams' per-user refresh). */
  readonly people: PeopleDirectory;
  /** Posts throttled admin notices (token expiring or rejected). */
  readonly notifyAdmins: AdminNotifier;
  /**
   * The email a chat platform vouches for an actor id (Slack: users.info, looked up by the edge as
   * each event arrives), so role lists may name people by email. Absent = ids only.
   */
  readonly verifiedEmail?: (actorId: string) => string | undefined;
  /** Resolves site host names for the connect/rotate host check (default: dns.lookup, every address). */
  readonly lookupHost?: HostLookup;
  /**
   * The optional language model (OPENAI_* / AZURE_OPENAI_*): proposes readings of unclear messages
   * and composes answers from retrieved passages. Absent = built from `config.model` on first use
   * (bot/model/model-of.ts), which is absent when no model key is set: offline only, the default.
   */
  readonly model?: ModelClient;
}
