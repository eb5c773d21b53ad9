import { OPERATIONS, type Operation, PERMISSIONS, type Permission } from '../domain/types.js';
import { looksLikeApiToken } from './detect-secret.js';
import { echoAsCode } from './echo-text.js';
import { closestWord } from './edit-distance.js';
import { ADMIN_USAGE, ADMIN_USAGE_ALL } from './examples.js';
import { type FoundMention, MENTION_CLOSE, MENTION_OPEN } from './normalize-message.js';
import { normalizeSpaceKey } from './space-key.js';
import type { AdminCommand, Intent, UserRef } from './types.js';

type Sub = keyof typeof ADMIN_USAGE;

const SUBCOMMANDS = Object.keys(ADMIN_USAGE) as Sub[];
const SUB_ALIASES: Readonly<Record<string, Sub>> = {
  '?': 'help',
  approver: 'approvers',
  admin: 'admins',
  space: 'spaces',
  policies: 'policy',
  approval: 'approvals',
};
const USER_VERBS = new Set(['search', 'find', 'get', 'show', 'open', 'create', 'update', 'edit']);
const CONNECTOR_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const USER_ID = /^[A-Za-z0-9][A-Za-z0-9:_.@|=+/-]{2,255}$/;
const PLACEHOLDER = new RegExp(`^${MENTION_OPEN}(\\d+)${MENTION_CLOSE}$`);
const PERMISSION_ALIASES: Readonly<Record<string, Permission>> = {
  allow: 'allowed',
  allowed: 'allowed',
  on: 'allowed',
  confirm: 'confirm',
  confirmed: 'confirm',
  confirmation: 'confirm',
  approval: 'confirm',
  deny: 'denied',
  denied: 'denied',
  off: 'denied',
};
const REMOVE_WORDS = new Set(['remove', 'delete', 'rm', 'del']);

function invalid(sub: Sub | undefined, message: string): Intent {
  return { kind: 'admin-invalid', message, usage: sub ? ADMIN_USAGE[sub] : ADMIN_USAGE_ALL };
}

function admin(command: AdminCommand): Intent {
  return { kind: 'admin', command };
}

/** A word safe to repeat back in chat: short, no backticks, and never anything token-like. */
export function echoWord(word: string): string {
  if (looksLikeApiToken(word) || looksLikeApiToken(`token ${word}`)) return '(hidden)';
  const cleaned = word.replace(/[`\uE000\uE001]/g, '');
  return cleaned.length > 40 ? `${cleaned.slice(0, 40)}…` : cleaned;
}

function toOperation(word: string | undefined): Operation | undefined {
  const lower = word?.toLowerCase();
  return OPERATIONS.find((op) => op === lower);
}

function toPermission(word: string | undefined): Permission | undefined {
  const lower = word?.toLowerCase() ?? '';
  return PERMISSION_ALIASES[lower] ?? PERMISSIONS.find((p) => p === lower);
}

function parseConnectorArg(sub: 'disconnect' | 'rotate', args: readonly string[]): Intent {
  if (args.length === 0) return admin({ kind: sub });
  const name = args[0]!;
  if (args.length > 1 || !CONNECTOR_NAME.test(name)) {
    return invalid(sub, 'Give at most one connector name (letters, digits, dot, dash or underscore).');
  }
  return admin({ kind: sub, connector: name });
}

function parsePolicy(args: readonly string[]): Intent {
  const [first, second, third, ...extra] = args;
  const firstLower = first?.toLowerCase();
  if (first === undefined || firstLower === 'show' || firstLower === 'list' || firstLower === 'view') {
    return args.length <= 1
      ? admin({ kind: 'policy-show' })
      : invalid('policy', 'Unexpected words after `policy show`.');
  }
  if (firstLower === 'explain') {
    const operation = toOperation(second);
    if (!operation)
      return invalid('policy', 'Say which operation to explain: search, get, create or update.');
    if (extra.length > 0) return invalid('policy', 'Unexpected words after the space key.');
    if (third === undefined) return admin({ kind: 'policy-explain', operation });
    const spaceKey = normalizeSpaceKey(third);
    if (!spaceKey)
      return invalid('policy', `\`${echoWord(third)}\` is not a space key (letters and digits).`);
    return admin({ kind: 'policy-explain', operation, spaceKey });
  }
  const pair = second === undefined && first.includes('=') ? first.split('=') : [first, second];
  const operation = toOperation(pair[0]);
  if (!operation) {
    return invalid(
      'policy',
      `\`${echoWord(pair[0] ?? '')}\` is not an operation. Use search, get, create or update.`,
    );
  }
  const permission = toPermission(pair[1]);
  if (!permission || pair.length > 2 || third !== undefined) {
    return invalid('policy', `Say what ${operation} should be: allowed, confirm or denied.`);
  }
  return admin({ kind: 'policy-set', operation, permission });
}

function parseSpaces(args: readonly string[]): Intent {
  const [action, key, ...extra] = args.map((a) => a.replace(/,$/, ''));
  const actionLower = action?.toLowerCase();
  if (action === undefined || actionLower === 'list' || actionLower === 'show') {
    return args.length <= 1
      ? admin({ kind: 'spaces' })
      : invalid('spaces', 'Unexpected words after `spaces`.');
  }
  const verb = actionLower === 'add' ? 'add' : REMOVE_WORDS.has(actionLower ?? '') ? 'remove' : undefined;
  if (!verb) return invalid('spaces', `\`${echoWord(action)}\` is not a spaces action. Use add or remove.`);
  if (key === undefined)
    return invalid('spaces', `Say which space to ${verb}, e.g. \`/confluence spaces ${verb} ENG\`.`);
  if (extra.length > 0) return invalid('spaces', 'One space at a time, please.');
  const spaceKey = key === '*' ? '*' : normalizeSpaceKey(key);
  if (!spaceKey)
    return invalid(
      'spaces',
      `\`${echoWord(key)}\` is not a space key (letters and digits, or ~ for a personal space).`,
    );
  return admin({ kind: 'spaces', action: verb, spaceKey });
}

function resolveUser(word: string, mentions: readonly FoundMention[]): UserRef | string {
  const placeholder = PLACEHOLDER.exec(word);
  if (placeholder) {
    const mention = mentions[Number(placeholder[1])];
    if (mention?.id !== undefined) return { kind: 'mention', id: mention.id, name: mention.name };
    return `I could not tell who ${mention ? echoAsCode(`@${echoWord(mention.name)}`) : 'that'} is. Pick the person from the @ list so Teams links the mention, or give their user id.`;
  }
  if (word.startsWith('@')) {
    return `\`${echoWord(word)}\` is plain text, not a mention. Pick the person from the @ list, or give their user id.`;
  }
  if (USER_ID.test(word) && !looksLikeApiToken(`token ${word}`)) return { kind: 'id', id: word };
  return `\`${echoWord(word)}\` is not a mention or a user id.`;
}

function parseRoleList(
  sub: 'approvers' | 'admins',
  args: readonly string[],
  mentions: readonly FoundMention[],
): Intent {
  const [action, ...users] = args;
  const actionLower = action?.toLowerCase();
  if (action === undefined || actionLower === 'list' || actionLower === 'show') {
    return args.length <= 1 ? admin({ kind: sub }) : invalid(sub, `Unexpected words after \`${sub}\`.`);
  }
  const verb = actionLower === 'add' ? 'add' : REMOVE_WORDS.has(actionLower ?? '') ? 'remove' : undefined;
  if (!verb) return invalid(sub, `\`${echoWord(action)}\` is not an action here. Use add or remove.`);
  if (users.length === 0)
    return invalid(sub, `Mention the person to ${verb}, e.g. \`/confluence ${sub} ${verb} @Ada\`.`);
  if (users.length > 1) return invalid(sub, 'One person at a time, please.');
  const user = resolveUser(users[0]!, mentions);
  if (typeof user === 'string') return invalid(sub, user);
  return admin({ kind: sub, action: verb, user });
}

function parseAudit(args: readonly string[]): Intent {
  let count: number | undefined;
  let exported = false;
  for (const arg of args) {
    const lower = arg.toLowerCase();
    if (lower === 'export' && !exported) {
      exported = true;
    } else if (/^\d{1,6}$/.test(arg) && count === undefined) {
      count = Number(arg);
      if (count < 1 || count > 10_000) return invalid('audit', 'N must be between 1 and 10000.');
    } else {
      return invalid('audit', `\`${echoWord(arg)}\` is not understood here.`);
    }
  }
  return admin({ kind: 'audit', export: exported, ...(count !== undefined ? { count } : {}) });
}

function splitMentionAware(args: string): string[] {
  return args
    .replace(new RegExp(`(${MENTION_OPEN}\\d+${MENTION_CLOSE})`, 'g'), ' $1 ')
    .split(/\s+/)
    .filter((w) => w.length > 0);
}

/** The words after each sub-command → its command (or its usage); one entry per sub-command. */
const SUBCOMMAND_PARSERS: {
  readonly [K in Sub]: (rest: readonly string[], mentions: readonly FoundMention[]) => Intent;
} = {
  help: () => admin({ kind: 'help' }),
  status: (rest) => noArguments('status', rest),
  test: (rest) => noArguments('test', rest),
  connect: (rest) =>
    rest.length === 0
      ? admin({ kind: 'connect' })
      : invalid(
          'connect',
          '`/confluence connect` takes no arguments: it opens a form for the site, email and API token. Never type a token in chat.',
        ),
  disconnect: (rest) => parseConnectorArg('disconnect', rest),
  rotate: (rest) => parseConnectorArg('rotate', rest),
  policy: (rest) => parsePolicy(rest),
  spaces: (rest) => parseSpaces(rest),
  approvers: (rest, mentions) => parseRoleList('approvers', rest, mentions),
  admins: (rest, mentions) => parseRoleList('admins', rest, mentions),
  approvals: (rest) =>
    rest.length === 1 && rest[0]?.toLowerCase() === 'here'
      ? admin({ kind: 'approvals-here' })
      : invalid(
          'approvals',
          'Use `/confluence approvals here` in the chat that should receive approval cards. To see your own pending requests, send `approvals`.',
        ),
  audit: (rest) => parseAudit(rest),
};

function noArguments(sub: 'status' | 'test', rest: readonly string[]): Intent {
  return rest.length === 0
    ? admin({ kind: sub })
    : invalid(sub, `\`/confluence ${sub}\` takes no arguments.`);
}

/**
 * Parses the words after `/confluence` into an admin command. `mentions` are the `<at>` tags found
 * by `normalizeMessage` (the text holds their placeholders). Bad usage yields `admin-invalid` with
 * the sub-command's usage line; messages never repeat anything that looks like a secret. Space keys
 * are canonical; `spaces add *` is passed through as `*` (every space the account can see).
 */
export function parseAdminCommand(args: string, mentions: readonly FoundMention[]): Intent {
  const words = splitMentionAware(args);
  const first = words[0];
  const rest = words.slice(1);
  if (first === undefined) return admin({ kind: 'help' });
  const lower = first.toLowerCase();
  const sub = SUB_ALIASES[lower] ?? SUBCOMMANDS.find((s) => s === lower);
  if (sub !== undefined) return SUBCOMMAND_PARSERS[sub](rest, mentions);
  const guess = closestWord(lower, SUBCOMMANDS, 2);
  const hint = guess
    ? ` Did you mean \`/confluence ${guess}\`?`
    : USER_VERBS.has(lower)
      ? ` For ${lower}, leave out \`/confluence\`: e.g. \`${lower} …\`.`
      : '';
  return invalid(guess, `\`${echoWord(first)}\` is not a /confluence command.${hint}`);
}
