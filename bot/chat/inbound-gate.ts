/**
 * Who may talk to the bot at all: the tenant and channel checks every inbound activity passes
 * before any turn runs (DESIGN.md Contract 1, `BOT_TENANT_ID` + `BOT_ALLOWED_TENANTS`). Pure: no I/O.
 */

/** The channel the bot is built for; the only one accepted when inbound authentication is on. */
export const TEAMS_CHANNEL = 'msteams';

/**
 * Channels accepted only while inbound authentication is off (local development): what the
 * Bot Framework Emulator sends, and what the Microsoft 365 Agents Playground sends when started
 * with `-c emulator`. (`npm run dev` starts the Playground with `-c msteams`, so it sends `msteams`
 * and its mock tenant from scripts/playground/.m365agentsplayground.yml.) Web Chat and Direct Line
 * are real Azure Bot Service channels and are never accepted.
 */
export const LOCAL_ONLY_CHANNELS: readonly string[] = ['emulator'];

/** Longest tenant or channel id copied into logs and audit entries (they are caller-controlled). */
const MAX_ID_LENGTH = 100;

/** What the gate enforces; built once from config. */
export interface InboundPolicy {
  /** Lower-cased tenant ids; empty = no tenant configured. */
  readonly tenants: ReadonlySet<string>;
  /** Lower-cased channel ids. */
  readonly channels: ReadonlySet<string>;
  /**
   * Whether an activity must name an allowed tenant. False only with authentication off and no
   * tenant configured: then anyone who reaches the port can claim any tenant, so a filter would
   * protect nothing and would only get in the way of local tools.
   */
  readonly requireTenant: boolean;
}

/** Why an activity was refused. */
export type InboundRefusalReason =
  | 'channel-not-supported'
  | 'tenant-missing'
  | 'tenant-mismatch'
  | 'tenant-not-allowed';

/** A refused activity, with the (truncated) ids it claimed, for the log and the audit entry. */
export interface InboundRefusal {
  readonly reason: InboundRefusalReason;
  readonly channelId: string;
  readonly tenantId?: string;
  /** Set when `channelData.tenant.id` and `conversation.tenantId` disagree. */
  readonly otherTenantId?: string;
}

/** The gate's answer for one activity. */
export type InboundDecision =
  | { readonly ok: true }
  | { readonly ok: false; readonly refusal: InboundRefusal };

/**
 * Builds the policy. `tenants` are `BOT_TENANT_ID` plus `BOT_ALLOWED_TENANTS` (compared
 * case-insensitively: tenant ids are GUIDs). With `authEnabled` only Teams is accepted, and an empty
 * tenant list refuses everything (config refuses to start that way; this keeps the gate closed anyway).
 */
export function createInboundPolicy(options: {
  readonly authEnabled: boolean;
  readonly tenants: readonly string[];
}): InboundPolicy {
  const tenants = new Set(options.tenants.map((t) => t.trim().toLowerCase()).filter((t) => t.length > 0));
  const channels = new Set([TEAMS_CHANNEL, ...(options.authEnabled ? [] : LOCAL_ONLY_CHANNELS)]);
  return { tenants, channels, requireTenant: options.authEnabled || tenants.size > 0 };
}

function clip(value: string): string {
  const printable = value.replace(/[^\x20-\x7e]/g, '?');
  return printable.length > MAX_ID_LENGTH ? `${printable.slice(0, MAX_ID_LENGTH)}…` : printable;
}

function stringAt(value: unknown, ...path: string[]): string | undefined {
  let node = value;
  for (const key of path) {
    if (!node || typeof node !== 'object' || Array.isArray(node)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return typeof node === 'string' && node.trim().length > 0 ? node.trim() : undefined;
}

/** The channel an activity claims, as sent (empty when absent or not a string). */
export function channelOf(activity: unknown): string {
  return stringAt(activity, 'channelId') ?? '';
}

/**
 * Checks the channel only. Runs before authentication: botbuilder routes some channel ids to
 * validators with fixed, non-configurable key URLs, so unsupported channels never reach it.
 */
export function checkChannel(activity: unknown, policy: InboundPolicy): InboundDecision {
  const channelId = channelOf(activity);
  if (policy.channels.has(channelId.toLowerCase())) return { ok: true };
  const tenantId =
    stringAt(activity, 'channelData', 'tenant', 'id') ?? stringAt(activity, 'conversation', 'tenantId');
  return {
    ok: false,
    refusal: {
      reason: 'channel-not-supported',
      channelId: clip(channelId),
      ...(tenantId !== undefined ? { tenantId: clip(tenantId) } : {}),
    },
  };
}

/**
 * Checks channel and tenant. The tenant comes from `channelData.tenant.id` and
 * `conversation.tenantId`; when both are present they must agree (case-insensitively), else the
 * activity is refused whatever the policy, since it is not clear whose it is.
 */
export function checkInbound(activity: unknown, policy: InboundPolicy): InboundDecision {
  const channel = checkChannel(activity, policy);
  if (!channel.ok) return channel;
  const channelId = clip(channelOf(activity));
  const fromChannelData = stringAt(activity, 'channelData', 'tenant', 'id');
  const fromConversation = stringAt(activity, 'conversation', 'tenantId');
  if (
    fromChannelData !== undefined &&
    fromConversation !== undefined &&
    fromChannelData.toLowerCase() !== fromConversation.toLowerCase()
  ) {
    return {
      ok: false,
      refusal: {
        reason: 'tenant-mismatch',
        channelId,
        tenantId: clip(fromChannelData),
        otherTenantId: clip(fromConversation),
      },
    };
  }
  if (!policy.requireTenant) return { ok: true };
  const tenantId = fromChannelData ?? fromConversation;
  if (tenantId === undefined) return { ok: false, refusal: { reason: 'tenant-missing', channelId } };
  if (!policy.tenants.has(tenantId.toLowerCase())) {
    return { ok: false, refusal: { reason: 'tenant-not-allowed', channelId, tenantId: clip(tenantId) } };
  }
  return { ok: true };
}
