import type { ConfluenceClient } from '../confluence/types.js';
import type { ConnectorInfo } from '../connectors/connector-store.js';
import type { ChatTarget } from '../domain/chat.js';
import type { Actor, Operation, Permission } from '../domain/types.js';
import { AppError } from '../errors.js';
import { OPERATION_SPECS } from '../operations/registry.js';
import { type Decision, type DecisionTarget, decide } from '../policy/decide.js';
import { resolveChannelPolicy } from '../policy/policy-spec.js';
import { type Roles, resolveRoles } from '../policy/roles.js';
import type { ChannelSettings } from '../policy/settings-store.js';
import type { AssistantDeps } from './deps.js';
import { type ApproverReach, describeApprovers, resolveApprovers } from './people.js';

/** The settings that apply to one request in one channel. */
export interface ChannelContext {
  readonly channelKey: string;
  readonly settings: ChannelSettings | undefined;
  readonly permissions: Readonly<Record<Operation, Permission>>;
  readonly roles: Roles;
  readonly connector: ConnectorInfo | undefined;
}

/** Roles of `actor` in the channel `channelKey` (env lists, granted admins, channel approvers). */
export function rolesIn(deps: AssistantDeps, actor: Actor, channelKey: string): Roles {
  const settings = deps.settings.getChannel(channelKey);
  const email = deps.verifiedEmail?.(actor.id);
  return resolveRoles(
    actor,
    {
      envAdmins: deps.config.admins,
      grantedAdmins: deps.settings.getGlobal().admins,
      envApprovers: deps.config.approvers,
      channelApprovers: settings?.approvers ?? [],
    },
    email !== undefined ? [email] : [],
  );
}

/** Approver ids for a channel as configured (the channel's own plus BOT_APPROVERS), without duplicates. */
export function configuredApprovers(deps: AssistantDeps, channelKey: string): string[] {
  return [...new Set([...(deps.settings.getChannel(channelKey)?.approvers ?? []), ...deps.config.approvers])];
}

/** Approver ids for a channel (the channel's own plus BOT_APPROVERS), as chat ids where known. */
export function approversOf(deps: AssistantDeps, channelKey: string): string[] {
  return deps.people.chatIdsFor(configuredApprovers(deps, channelKey));
}

/**
 * Who an approval card in channel `channelKey` reaches, from what is already known (chat ids,
 * names, roster absences): for re-drawing a card without asking the roster again.
 */
export function approverReachOf(deps: AssistantDeps, channelKey: string): ApproverReach {
  return describeApprovers(deps.people, channelKey, configuredApprovers(deps, channelKey));
}

/**
 * Who an approval card posted to `target` reaches, asking the conversation's roster first so
 * approvers who never wrote to the bot get their MRI (Teams matches card views by MRI only).
 */
export function resolveApproversFor(deps: AssistantDeps, target: ChatTarget): Promise<ApproverReach> {
  return resolveApprovers(deps.people, deps.port, target, configuredApprovers(deps, target.channelKey));
}

/**
 * Approvers as `/confluence status` lists them: display names, then those the roster does not
 * have ("not in this conversation"), then ids of other platforms as configured.
 */
export function approverLabels(deps: AssistantDeps, channelKey: string, reach: ApproverReach): string[] {
  return [
    ...reach.reachable.map((approver) => approver.name),
    ...(reach.overflow > 0 ? [`${reach.overflow} more (Teams shows buttons to at most 60)`] : []),
    ...reach.absent.map((name) => `${name} (not in this conversation)`),
    ...configuredApprovers(deps, channelKey).filter((id) => id.startsWith('slack:')),
  ];
}

/** Where approval cards for personal-chat requests go (`/confluence approvals here`), if set. */
export function approvalsTarget(deps: Pick<AssistantDeps, 'settings'>): ChatTarget | undefined {
  const approvals = deps.settings.getGlobal().approvalsConversation;
  return approvals
    ? {
        platform: approvals.platform ?? 'teams',
        conversationId: approvals.conversationId,
        channelKey: approvals.channelKey,
        ...(approvals.serviceUrl ? { serviceUrl: approvals.serviceUrl } : {}),
        ...(approvals.tenantId ? { tenantId: approvals.tenantId } : {}),
      }
    : undefined;
}

/** Loads the channel's settings, effective permissions, the actor's roles and the connector. */
export function channelContext(deps: AssistantDeps, actor: Actor, channelKey: string): ChannelContext {
  const settings = deps.settings.getChannel(channelKey);
  const connector = settings?.connector
    ? deps.connectors.get(settings.connector)
    : deps.connectors.getDefault();
  return {
    channelKey,
    settings,
    permissions: resolveChannelPolicy(deps.config.policy, settings?.operations),
    roles: rolesIn(deps, actor, channelKey),
    connector,
  };
}

/** The connector and its client, or AppError CONNECTOR_MISSING. */
export function requireConnector(
  deps: AssistantDeps,
  context: ChannelContext,
): { connector: ConnectorInfo; client: ConfluenceClient } {
  if (!context.connector) throw new AppError('CONNECTOR_MISSING');
  return { connector: context.connector, client: deps.clients.get(context.connector.name) };
}

/** The policy decision for `operation` on `target` in this channel. Pure given the context. */
export function decideIn(
  context: ChannelContext,
  actor: Actor,
  operation: Operation,
  target: DecisionTarget,
): Decision {
  return decide({
    actor,
    roles: context.roles,
    operation,
    permissions: context.permissions,
    connectorSpaces: context.connector?.spaces ?? [],
    channelSpaces: context.settings?.spaces,
    target,
    requiresSpace: OPERATION_SPECS[operation].requiresSpace,
    readOnly: OPERATION_SPECS[operation].readOnly,
  });
}
