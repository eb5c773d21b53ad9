import { TOKEN_EXPIRY_WARNING_DAYS } from '../../assistant/admin-notices.js';
import type { AssistantDeps } from '../../assistant/deps.js';
import { view } from '../../assistant/present.js';
import type { ConnectorInfo, ConnectorSpaces } from '../../connectors/connector-store.js';
import { OPERATIONS } from '../../domain/types.js';
import { resolveChannelPolicy } from '../../policy/policy-spec.js';
import { calendarDaysUntil, formatAge } from '../../views/format.js';
import type { NoticeData, PolicyRowView } from '../../views/types.js';

/** A notice card (title, text, tone and before/after rows), summarised by its title. */
export function notice(
  title: string,
  text: string,
  tone: NoticeData['tone'] = 'good',
  changes: NoticeData['changes'] = [],
) {
  return view('notice', { title, text, tone, changes }, title);
}

/** A connector's allowed spaces in words (`*` and the empty list spelled out). */
export function describeSpaces(spaces: ConnectorSpaces): string {
  if (spaces === '*') return 'all spaces the account can see';
  return spaces.length === 0 ? 'none (fail closed)' : spaces.join(', ');
}

/** What to call the conversation in answers: this channel, this group chat or this chat. */
export function channelName(conversation: { readonly type: string }): string {
  return conversation.type === 'channel'
    ? 'this channel'
    : conversation.type === 'groupChat'
      ? 'this group chat'
      : 'this chat';
}

/** The effective permission of every operation in a channel, and whether the channel or the default set it. */
export function policyRows(deps: AssistantDeps, channelKey: string): PolicyRowView[] {
  const settings = deps.settings.getChannel(channelKey);
  const effective = resolveChannelPolicy(deps.config.policy, settings?.operations);
  return OPERATIONS.map((operation) => ({
    operation,
    permission: effective[operation],
    source: settings?.operations?.[operation] ? 'this channel' : 'default',
  }));
}

function describeExpiry(expires: Date, daysLeft: number): string {
  const when =
    daysLeft < 0 ? 'expired' : daysLeft === 0 ? 'today' : `in ${daysLeft} day${daysLeft === 1 ? '' : 's'}`;
  return `${expires.toISOString().slice(0, 10)} (${when})`;
}

/** The status row of one connector: token age, expiry (warned under 14 days), spaces. Never the token. */
export function connectorStatus(connector: ConnectorInfo, now: Date) {
  const expires = connector.tokenExpiresAt ? new Date(connector.tokenExpiresAt) : undefined;
  const daysLeft = expires ? calendarDaysUntil(expires, now) : undefined;
  return {
    name: connector.name + (connector.isDefault ? ' (default)' : ''),
    siteUrl: connector.siteUrl,
    account: connector.email,
    tokenAge: formatAge(connector.tokenRotatedAt ?? connector.tokenCreatedAt, now),
    tokenExpiry: expires && daysLeft !== undefined ? describeExpiry(expires, daysLeft) : 'not set',
    expiryWarning: daysLeft !== undefined && daysLeft < TOKEN_EXPIRY_WARNING_DAYS,
    spaces: describeSpaces(connector.spaces),
  };
}
