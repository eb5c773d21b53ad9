import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { guardSiteUrl, lookupAllAddresses } from '../confluence/site-host.js';
import { connectorNameProblem } from '../connectors/connector-name.js';
import type { ConnectorInfo } from '../connectors/connector-store.js';
import type { CardActionRequest, CardActionResult, ChatRequest, OutboundMessage } from '../domain/chat.js';
import { type Actor, OPERATIONS } from '../domain/types.js';
import { AppError, isAppError, toAppError } from '../errors.js';
import type { AdminCommand, UserRef } from '../intent/types.js';
import { OPERATION_SPECS } from '../operations/registry.js';
import { explain } from '../policy/decide.js';
import { permissionProblem, resolveChannelPolicy } from '../policy/policy-spec.js';
import { Secret } from '../secret.js';
import { calendarDaysUntil, formatAge, formatTimestamp } from '../views/format.js';
import type { PolicyRowView } from '../views/types.js';
import { CONNECT_FORM_INPUTS, ROTATE_FORM_INPUTS } from '../views/verbs.js';
import { describeAuditHead } from './admin-notices.js';
import { recordAudit } from './audit-events.js';
import {
  approverLabels,
  approverReachOf,
  channelContext,
  resolveApproversFor,
  rolesIn,
} from './channel-context.js';
import { checkCredentials } from './check-credentials.js';
import type { AssistantDeps } from './deps.js';
import { view, viewOf } from './present.js';

type Reply = (message: OutboundMessage) => Promise<string | undefined>;

const EXPIRY_WARNING_DAYS = 14;

function notice(
  title: string,
  text: string,
  tone: 'good' | 'warning' | 'info' = 'good',
  changes: { label: string; before: string; after: string }[] = [],
) {
  return view('notice', { title, text, tone, changes }, title);
}

function describeSpaces(spaces: readonly string[] | '*'): string {
  if (spaces === '*') return 'all spaces the account can see';
  return spaces.length === 0 ? 'none (fail closed)' : spaces.join(', ');
}

function userIdOf(user: UserRef): string {
  return user.id;
}

function policyRows(deps: AssistantDeps, channelKey: string): PolicyRowView[] {
  const settings = deps.settings.getChannel(channelKey);
  const effective = resolveChannelPolicy(deps.config.policy, settings?.operations);
  return OPERATIONS.map((operation) => ({
    operation,
    permission: effective[operation],
    source: settings?.operations?.[operation] ? 'this channel' : 'default',
  }));
}

function channelName(chat: { conversation: { type: string } }): string {
  return chat.conversation.type === 'channel'
    ? 'this channel'
    : chat.conversation.type === 'groupChat'
      ? 'this group chat'
      : 'this chat';
}

/** The status view of one connector: token age, expiry (warning under 14 days), spaces. */
function connectorStatus(connector: ConnectorInfo, now: Date) {
  const expires = connector.tokenExpiresAt ? new Date(connector.tokenExpiresAt) : undefined;
  const daysLeft = expires ? calendarDaysUntil(expires, now) : undefined;
  return {
    name: connector.name + (connector.isDefault ? ' (default)' : ''),
    siteUrl: connector.siteUrl,
    account: connector.email,
    tokenAge: formatAge(connector.tokenRotatedAt ?? connector.tokenCreatedAt, now),
    tokenExpiry: expires
      ? `${expires.toISOString().slice(0, 10)} (${daysLeft === undefined || daysLeft < 0 ? 'expired' : daysLeft === 0 ? 'today' : `in ${daysLeft} day${daysLeft === 1 ? '' : 's'}`})`
      : 'not set',
    expiryWarning: daysLeft !== undefined && daysLeft < EXPIRY_WARNING_DAYS,
    spaces: describeSpaces(connector.spaces),
  };
}

/** Codes that mean the command was refused (bad input, unknown connector, not allowed), not that it broke. */
const REFUSAL_CODES: ReadonlySet<string> = new Set([
  'INPUT_INVALID',
  'CONNECTOR_NOT_FOUND',
  'CONNECTOR_MISSING',
  'ADMIN_ONLY',
  'POLICY_DENIED',
  'SPACE_NOT_ALLOWED',
]);

function clip(value: string): string {
  return value.length > 100 ? `${value.slice(0, 100)}…` : value;
}

/**
 * What the admin asked for, for the audit of a failed command: the subcommand (`spaces add`) and
 * its arguments as parsed (space key, connector name, user id…). Commands carry no secrets (tokens
 * only travel in the connect/rotate forms), and values are clipped.
 */
export function describeAdminCommand(command: AdminCommand): Record<string, unknown> {
  const action = 'action' in command && command.action ? ` ${command.action}` : '';
  const args: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(command)) {
    if (key === 'kind' || key === 'action' || value === undefined) continue;
    if (key === 'user' && typeof value === 'object' && value !== null)
      args.user = clip(userIdOf(value as UserRef));
    else args[key] = typeof value === 'string' ? clip(value) : value;
  }
  return { subcommand: `${command.kind}${action}`, ...(Object.keys(args).length > 0 ? { args } : {}) };
}

/**
 * Runs a `/confluence …` command. Admins only: anyone else gets a clear refusal, and the refusal is
 * audited. Every configuration change is audited with before and after (never a secret). A command
 * that fails (refused input such as `spaces add *`, an unknown connector, or any error) is audited
 * too — operation `admin`, the subcommand and the error code — and the error is rethrown for the
 * caller to answer.
 */
export async function runAdminCommand(
  deps: AssistantDeps,
  chat: ChatRequest,
  command: AdminCommand,
  reply: Reply,
): Promise<void> {
  try {
    await executeAdminCommand(deps, chat, command, reply);
  } catch (error) {
    const code = isAppError(error) ? error.code : 'INTERNAL';
    const refused = REFUSAL_CODES.has(code);
    try {
      await recordAudit(deps, {
        actor: chat.actor,
        conversationId: chat.conversation.conversationId,
        connector: channelContext(deps, chat.actor, chat.conversation.channelKey).connector?.name,
        operation: 'admin',
        decision: refused ? 'denied' : 'n/a',
        outcome: refused ? 'denied' : 'error',
        error: toAppError(error),
        details: { command: command.kind, ...describeAdminCommand(command), code },
      });
    } catch (auditError) {
      deps.logger.error(
        { code: isAppError(auditError) ? auditError.code : 'INTERNAL', command: command.kind },
        'could not audit a failed admin command',
      );
    }
    throw error;
  }
}

async function executeAdminCommand(
  deps: AssistantDeps,
  chat: ChatRequest,
  command: AdminCommand,
  reply: Reply,
): Promise<void> {
  const roles = rolesIn(deps, chat.actor, chat.conversation.channelKey);
  const context = channelContext(deps, chat.actor, chat.conversation.channelKey);
  const audit = (
    details: Record<string, unknown>,
    outcome: 'ok' | 'denied' | 'error' = 'ok',
    error?: unknown,
  ) =>
    recordAudit(deps, {
      actor: chat.actor,
      conversationId: chat.conversation.conversationId,
      connector: context.connector?.name,
      operation: 'admin',
      decision: outcome === 'denied' ? 'denied' : 'n/a',
      outcome,
      ...(error ? { error } : {}),
      details: { command: command.kind, ...details },
    });

  if (!roles.isAdmin) {
    await audit(
      { ...describeAdminCommand(command), code: 'ADMIN_ONLY' },
      'denied',
      new AppError('ADMIN_ONLY'),
    );
    await reply(
      notice(
        'Admins only',
        `Only bot admins can run \`/confluence ${command.kind}\`. Ask one of them, or see \`help\` for what you can do.`,
        'warning',
      ),
    );
    return;
  }
  const channelKey = chat.conversation.channelKey;
  const connectorName = context.connector?.name;

  switch (command.kind) {
    case 'help':
      await reply(view('admin-help', { connectorCount: deps.connectors.list().length }));
      return;
    case 'status': {
      const now = deps.now();
      const approvals = deps.settings.getGlobal().approvalsConversation;
      await reply(
        view('status', {
          connectors: deps.connectors.list().map((c) => connectorStatus(c, now)),
          channelName: channelName(chat),
          policy: policyRows(deps, channelKey),
          approvers: approverLabels(
            deps,
            channelKey,
            chat.conversation.type === 'personal'
              ? approverReachOf(deps, channelKey)
              : await resolveApproversFor(deps, chat.target),
          ),
          ...(approvals ? { approvalsConversation: approvals.conversationId } : {}),
          audit: describeAuditHead(deps.audit.head()),
        }),
      );
      return;
    }
    case 'test': {
      if (!connectorName) {
        await audit(
          { ...describeAdminCommand(command), code: 'CONNECTOR_MISSING' },
          'denied',
          new AppError('CONNECTOR_MISSING'),
        );
        await reply(
          notice('No connector', 'No Confluence connector is set up. Run `/confluence connect`.', 'warning'),
        );
        return;
      }
      const result = await checkCredentials(deps, deps.connectors.getConnection(connectorName));
      await audit({ connector: connectorName, ok: result.ok }, result.ok ? 'ok' : 'error');
      await reply(
        result.ok
          ? notice(
              'Connection works',
              `Connected to ${context.connector?.siteUrl} as ${result.user.displayName}. The account sees ${result.spaces.length} spaces: ${
                result.spaces
                  .map((s) => s.key)
                  .slice(0, 30)
                  .join(', ') || 'none'
              }.`,
            )
          : notice('Connection failed', result.problem, 'warning'),
      );
      return;
    }
    case 'connect':
      await reply(
        view('connect-form', {
          name: connectorName ? '' : 'default',
          siteUrl: '',
          email: '',
          spaces: '',
        }),
      );
      return;
    case 'rotate': {
      const name = command.connector ?? connectorName;
      const connector = name ? deps.connectors.get(name) : undefined;
      if (!connector) throw new AppError('CONNECTOR_NOT_FOUND');
      await reply(view('rotate-form', { connectorName: connector.name, siteUrl: connector.siteUrl }));
      return;
    }
    case 'disconnect': {
      const name = command.connector ?? connectorName;
      const connector = name ? deps.connectors.get(name) : undefined;
      if (!connector) throw new AppError('CONNECTOR_NOT_FOUND');
      await reply(view('disconnect-confirm', { connectorName: connector.name, siteUrl: connector.siteUrl }));
      return;
    }
    case 'policy-show':
      await reply(
        view('policy', {
          channelName: channelName(chat),
          rows: policyRows(deps, channelKey),
          explain: [],
        }),
      );
      return;
    case 'policy-set': {
      const problem = permissionProblem(command.operation, command.permission);
      if (problem) throw new AppError('INPUT_INVALID', { userMessage: `Not changed: ${problem}.` });
      const change = await deps.settings.setChannelPermission(
        channelKey,
        command.operation,
        command.permission,
      );
      const before = resolveChannelPolicy(deps.config.policy, change.before?.operations)[command.operation];
      await audit({
        channelKey,
        before: { [command.operation]: before },
        after: { [command.operation]: command.permission },
      });
      await reply(
        notice(
          'Policy updated',
          `${command.operation} is now ${command.permission} in ${channelName(chat)}.`,
          'good',
          [{ label: command.operation, before, after: command.permission }],
        ),
      );
      return;
    }
    case 'policy-explain': {
      const lines = explain({
        actor: chat.actor,
        roles,
        operation: command.operation,
        permissions: context.permissions,
        connectorSpaces: context.connector?.spaces ?? [],
        channelSpaces: context.settings?.spaces,
        target: command.spaceKey ? { spaceKey: command.spaceKey } : {},
        requiresSpace: command.operation !== 'search' && command.spaceKey !== undefined,
        readOnly: OPERATION_SPECS[command.operation].readOnly,
      }).split('\n');
      await reply(
        view('policy', {
          channelName: channelName(chat),
          rows: policyRows(deps, channelKey),
          explain: lines,
        }),
      );
      return;
    }
    case 'spaces': {
      if (!connectorName) throw new AppError('CONNECTOR_MISSING');
      const beforeSpaces = deps.connectors.get(connectorName)?.spaces ?? [];
      if (!command.action || !command.spaceKey) {
        const narrowed = context.settings?.spaces;
        await reply(
          notice(
            'Allowed spaces',
            `Connector ${connectorName} allows: ${describeSpaces(beforeSpaces)}.${narrowed ? ` This channel narrows that to: ${narrowed.join(', ') || 'none'}.` : ''}`,
            'info',
          ),
        );
        return;
      }
      const updated =
        command.action === 'add'
          ? await deps.connectors.addSpace(connectorName, command.spaceKey)
          : await deps.connectors.removeSpace(connectorName, command.spaceKey);
      await audit({
        connector: connectorName,
        before: { spaces: beforeSpaces },
        after: { spaces: updated.spaces },
      });
      await reply(
        notice(
          'Spaces updated',
          `Connector ${connectorName} now allows: ${describeSpaces(updated.spaces)}.`,
          'good',
          [{ label: 'spaces', before: describeSpaces(beforeSpaces), after: describeSpaces(updated.spaces) }],
        ),
      );
      return;
    }
    case 'approvers':
    case 'admins': {
      if (!command.action || !command.user) {
        const list =
          command.kind === 'approvers'
            ? [...new Set([...(context.settings?.approvers ?? []), ...deps.config.approvers])]
            : [...new Set([...deps.settings.getGlobal().admins, ...deps.config.admins])];
        await reply(
          notice(
            command.kind === 'approvers' ? 'Approvers' : 'Admins',
            list.length ? list.join(', ') : 'None named yet.',
            'info',
          ),
        );
        return;
      }
      const id = userIdOf(command.user);
      const name = command.user.kind === 'mention' ? command.user.name : id;
      const change =
        command.kind === 'approvers'
          ? command.action === 'add'
            ? await deps.settings.addChannelApprover(channelKey, id)
            : await deps.settings.removeChannelApprover(channelKey, id)
          : command.action === 'add'
            ? await deps.settings.addAdmin(id)
            : await deps.settings.removeAdmin(id);
      const pick = (value: unknown) =>
        command.kind === 'approvers'
          ? ((value as { approvers?: string[] } | undefined)?.approvers ?? [])
          : ((value as { admins?: string[] } | undefined)?.admins ?? []);
      await audit({
        channelKey,
        user: id,
        before: { [command.kind]: pick(change.before) },
        after: { [command.kind]: pick(change.after) },
      });
      await reply(
        notice(
          command.kind === 'approvers' ? 'Approvers updated' : 'Admins updated',
          `${command.action === 'add' ? 'Added' : 'Removed'} ${name}.`,
          'good',
          [
            {
              label: command.kind,
              before: pick(change.before).join(', ') || 'none',
              after: pick(change.after).join(', ') || 'none',
            },
          ],
        ),
      );
      return;
    }
    case 'approvals-here': {
      const change = await deps.settings.setApprovalsConversation({
        platform: chat.target.platform,
        conversationId: chat.target.conversationId.split(';messageid=')[0]!,
        channelKey,
        ...(chat.target.serviceUrl ? { serviceUrl: chat.target.serviceUrl } : {}),
        ...(chat.target.tenantId ? { tenantId: chat.target.tenantId } : {}),
      });
      await audit({
        before: change.before.approvalsConversation ?? null,
        after: change.after.approvalsConversation ?? null,
      });
      await reply(
        notice(
          'Approvals conversation set',
          'Approval cards for writes requested in personal chats will be posted here. Name approvers here with `/confluence approvers add @name`.',
        ),
      );
      return;
    }
    case 'audit': {
      const count = Math.min(Math.max(command.count ?? 10, 1), 50);
      const entries = await deps.audit.tail(count);
      const total = entries[0]?.seq ?? 0;
      await reply(
        view('audit-list', {
          total,
          entries: entries.map((e) => ({
            seq: e.seq,
            at: formatTimestamp(e.at),
            actor: e.actor.name,
            operation: e.operation,
            target:
              [e.target.spaceKey, e.target.title ?? e.target.pageId ?? e.target.query]
                .filter(Boolean)
                .join(' · ') || '—',
            decision: e.decision,
            outcome: e.outcome,
          })),
        }),
      );
      if (command.export) {
        const stamp = deps.now().toISOString().replace(/[:.]/g, '-');
        const dir = join(deps.config.dataDir, 'exports');
        await mkdir(dir, { recursive: true, mode: 0o700 });
        const json = await deps.audit.exportAll('json');
        const csv = await deps.audit.exportAll('csv');
        await writeFile(join(dir, `audit-${stamp}.json`), json, { mode: 0o600 });
        await writeFile(join(dir, `audit-${stamp}.csv`), csv, { mode: 0o600 });
        await audit({ export: `audit-${stamp}` });
        await reply({
          kind: 'text',
          text: `Exported the audit log as exports/audit-${stamp}.json and exports/audit-${stamp}.csv under the bot's data directory.`,
        });
      }
      return;
    }
  }
}

const connectFormSchema = z.object({
  [CONNECT_FORM_INPUTS.name]: z.string().trim().optional(),
  [CONNECT_FORM_INPUTS.siteUrl]: z.string().trim().optional(),
  [CONNECT_FORM_INPUTS.email]: z.string().trim().optional(),
  [CONNECT_FORM_INPUTS.apiToken]: z.string().optional(),
  [CONNECT_FORM_INPUTS.tokenExpiry]: z.string().trim().optional(),
  [CONNECT_FORM_INPUTS.spaces]: z.string().trim().optional(),
});

function parseExpiry(raw: string | undefined): Date | undefined {
  if (!raw) return undefined;
  const date = new Date(`${raw}T00:00:00Z`);
  if (Number.isNaN(date.getTime()))
    throw new AppError('INPUT_INVALID', { userMessage: 'The token expiry must be a date (YYYY-MM-DD).' });
  return date;
}

/** A URL with a user name or password (`https://user:token@host`): never echoed, never logged. */
function hasUserInfo(raw: string): boolean {
  const authority = /^[a-z][a-z0-9+.-]*:\/*([^/?#]*)/i.exec(raw.trim())?.[1] ?? raw;
  return authority.includes('@');
}

function requireAdmin(deps: AssistantDeps, actor: Actor, channelKey: string): void {
  if (!rolesIn(deps, actor, channelKey).isAdmin) throw new AppError('ADMIN_ONLY');
}

/**
 * The connect form's submit: validates the URL, tests the credentials live, stores the token
 * encrypted and answers with which account it is and which spaces it sees. On a problem the form
 * comes back with the problem named (and without the token).
 */
export async function submitConnectForm(
  deps: AssistantDeps,
  action: CardActionRequest,
): Promise<CardActionResult> {
  requireAdmin(deps, action.actor, action.conversation.channelKey);
  const form = connectFormSchema.parse(action.data);
  const name = form[CONNECT_FORM_INPUTS.name] || 'default';
  const typedUrl = form[CONNECT_FORM_INPUTS.siteUrl] ?? '';
  const rawUrl = hasUserInfo(typedUrl) ? '' : typedUrl;
  const email = form[CONNECT_FORM_INPUTS.email] ?? '';
  const spacesText = form[CONNECT_FORM_INPUTS.spaces] ?? '';
  const token = new Secret(form[CONNECT_FORM_INPUTS.apiToken] ?? '');
  const again = (problem: string): CardActionResult => ({
    kind: 'view',
    view: viewOf('connect-form', { name, siteUrl: rawUrl, email, spaces: spacesText, problem }),
    scope: 'clicker',
  });
  if (rawUrl !== typedUrl) return again('A site URL must not carry a user name or password.');
  const nameProblem = connectorNameProblem(name);
  if (nameProblem !== undefined) return again(nameProblem);
  let siteUrl: string;
  try {
    siteUrl = await guardSiteUrl(rawUrl, deps.config.confluenceSites, deps.lookupHost ?? lookupAllAddresses);
  } catch (error) {
    return again(toAppError(error).userMessage);
  }
  if (!/^[^\s@]+@[^\s@]+$/.test(email))
    return again('Enter the Atlassian account email the API token belongs to.');
  if (token.isEmpty()) return again('Enter the API token (it is never shown again).');
  let expiresAt: Date | undefined;
  try {
    expiresAt = parseExpiry(form[CONNECT_FORM_INPUTS.tokenExpiry]);
  } catch (error) {
    return again(toAppError(error).userMessage);
  }
  const spaces = spacesText === '*' ? '*' : spacesText.split(/[\s,]+/).filter(Boolean);
  const result = await checkCredentials(deps, { siteUrl, email, apiToken: token });
  const auditBase = {
    actor: action.actor,
    conversationId: action.conversation.conversationId,
    connector: name,
    operation: 'admin',
    decision: 'n/a' as const,
  };
  if (!result.ok) {
    await recordAudit(deps, {
      ...auditBase,
      outcome: 'error',
      details: { command: 'connect', siteUrl, email, problem: result.problem },
    });
    return again(result.problem);
  }
  const before = deps.connectors.get(name);
  let stored: ConnectorInfo;
  try {
    stored = await deps.connectors.upsert({
      name,
      siteUrl,
      email,
      apiToken: token,
      spaces,
      ...(expiresAt ? { tokenExpiresAt: expiresAt } : {}),
      setupPlatform: action.target.platform,
      setupConversationId: action.target.conversationId,
      ...(action.target.serviceUrl ? { setupServiceUrl: action.target.serviceUrl } : {}),
      createdBy: action.actor.id,
    });
  } catch (error) {
    if (isAppError(error)) return again(error.userMessage);
    throw error;
  }
  deps.clients.forget(stored.name);
  await recordAudit(deps, {
    ...auditBase,
    connector: stored.name,
    outcome: 'ok',
    details: {
      command: 'connect',
      before: before ? { siteUrl: before.siteUrl, email: before.email, spaces: before.spaces } : null,
      after: {
        siteUrl: stored.siteUrl,
        email: stored.email,
        spaces: stored.spaces,
        tokenExpiresAt: stored.tokenExpiresAt ?? null,
      },
    },
  });
  const visible = result.spaces.map((s) => s.key);
  return {
    kind: 'view',
    view: viewOf('notice', {
      title: 'Confluence connected',
      text: `Connector ${stored.name} reaches ${siteUrl} as ${result.user.displayName}. The account sees ${visible.length} spaces (${visible.slice(0, 20).join(', ') || 'none'}); the bot may use: ${describeSpaces(stored.spaces)}.${stored.key === stored.name ? '' : ` In commands it is \`${stored.key}\` (e.g. \`/confluence rotate ${stored.key}\`).`}`,
      tone: 'good',
      changes: [],
    }),
    scope: 'all',
  };
}

const rotateFormSchema = z.object({
  connector: z.string().optional(),
  [ROTATE_FORM_INPUTS.apiToken]: z.string().optional(),
  [ROTATE_FORM_INPUTS.tokenExpiry]: z.string().trim().optional(),
});

/** The rotate form's submit: tests the new token, then replaces the stored one (audited, never the value). */
export async function submitRotateForm(
  deps: AssistantDeps,
  action: CardActionRequest,
): Promise<CardActionResult> {
  requireAdmin(deps, action.actor, action.conversation.channelKey);
  const form = rotateFormSchema.parse(action.data);
  const connector = form.connector ? deps.connectors.get(form.connector) : deps.connectors.getDefault();
  if (!connector) throw new AppError('CONNECTOR_NOT_FOUND');
  const token = new Secret(form[ROTATE_FORM_INPUTS.apiToken] ?? '');
  const again = (problem: string): CardActionResult => ({
    kind: 'view',
    view: viewOf('rotate-form', {
      connectorName: connector.name,
      siteUrl: connector.siteUrl,
      problem,
    }),
    scope: 'clicker',
  });
  if (token.isEmpty()) return again('Enter the new API token.');
  try {
    await guardSiteUrl(connector.siteUrl, deps.config.confluenceSites, deps.lookupHost ?? lookupAllAddresses);
  } catch (error) {
    return again(toAppError(error).userMessage);
  }
  let expiresAt: Date | undefined;
  try {
    expiresAt = parseExpiry(form[ROTATE_FORM_INPUTS.tokenExpiry]);
  } catch (error) {
    return again(toAppError(error).userMessage);
  }
  const result = await checkCredentials(deps, {
    siteUrl: connector.siteUrl,
    email: connector.email,
    apiToken: token,
  });
  if (!result.ok) return again(result.problem);
  const rotated = await deps.connectors.rotateToken(connector.name, token, expiresAt);
  deps.clients.forget(connector.name);
  await recordAudit(deps, {
    actor: action.actor,
    conversationId: action.conversation.conversationId,
    connector: connector.name,
    operation: 'admin',
    decision: 'n/a',
    outcome: 'ok',
    details: {
      command: 'rotate',
      before: {
        tokenRotatedAt: connector.tokenRotatedAt ?? connector.tokenCreatedAt,
        tokenExpiresAt: connector.tokenExpiresAt ?? null,
      },
      after: {
        tokenRotatedAt: rotated.tokenRotatedAt ?? null,
        tokenExpiresAt: rotated.tokenExpiresAt ?? null,
      },
    },
  });
  return {
    kind: 'view',
    view: viewOf('notice', {
      title: 'Token rotated',
      text: `Connector ${connector.name} now uses the new token (checked: it works as ${result.user.displayName}).`,
      tone: 'good',
      changes: [],
    }),
    scope: 'all',
  };
}

/** The disconnect confirmation: removes the connector (audited). */
export async function confirmDisconnect(
  deps: AssistantDeps,
  action: CardActionRequest,
): Promise<CardActionResult> {
  requireAdmin(deps, action.actor, action.conversation.channelKey);
  const name = z.object({ connector: z.string().min(1) }).parse(action.data).connector;
  const before = deps.connectors.get(name);
  if (!before) throw new AppError('CONNECTOR_NOT_FOUND');
  await deps.connectors.remove(name);
  deps.clients.forget(name);
  await recordAudit(deps, {
    actor: action.actor,
    conversationId: action.conversation.conversationId,
    connector: name,
    operation: 'admin',
    decision: 'n/a',
    outcome: 'ok',
    details: {
      command: 'disconnect',
      before: { siteUrl: before.siteUrl, email: before.email, spaces: before.spaces },
      after: null,
    },
  });
  return {
    kind: 'view',
    view: viewOf('notice', {
      title: 'Disconnected',
      text: `Connector ${name} was removed.`,
      tone: 'info',
      changes: [],
    }),
    scope: 'all',
  };
}
