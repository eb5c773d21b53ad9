import type { Actor, Operation, Permission } from '../domain/types.js';
import { isPermission } from './policy-spec.js';
import type { Roles } from './roles.js';
import { normalizeSpaceKey, normalizeSpaceKeys } from './space-keys.js';

/** The spaces a channel may use: every space the account can see, or exactly these canonical keys. */
export type EffectiveSpaces = { readonly kind: 'all' } | { readonly kind: 'list'; readonly keys: string[] };

/** What a request touches. `null` = the space is unknown (e.g. a page whose space was not resolved). */
export interface DecisionTarget {
  readonly spaceKey?: string | null;
  /** For create under a parent page: the parent's space (must equal `spaceKey`). */
  readonly parentSpaceKey?: string | null;
}

/** Everything `decide` looks at; all of it already resolved by the caller. */
export interface DecisionInput {
  readonly actor: Actor;
  readonly roles: Roles;
  readonly operation: Operation;
  /** The channel's effective permission map; a missing entry means denied. */
  readonly permissions: Readonly<Partial<Record<Operation, Permission>>>;
  readonly connectorSpaces: readonly string[] | '*';
  /** The channel's own narrower list, if it set one. */
  readonly channelSpaces?: readonly string[] | undefined;
  readonly target: DecisionTarget;
  /** True when the operation must name a space (get, create, update); search may omit it. */
  readonly requiresSpace: boolean;
  /**
   * True for operations that never change Confluence (search, get). `confirm` exists to preview a
   * write for approvers, so a read under `confirm` is refused rather than queued.
   */
  readonly readOnly?: boolean;
}

/** The verdict with the whole chain of reasons (human readable, safe to show). */
export interface Decision {
  readonly permission: Permission;
  readonly reasons: string[];
  readonly code?: 'POLICY_DENIED' | 'SPACE_NOT_ALLOWED';
  /** The spaces the channel may use (for scoping a search). */
  readonly spaces: EffectiveSpaces;
  /** The target space in canonical form, when one was given and is well formed. */
  readonly spaceKey?: string;
}

/**
 * Intersects the connector's spaces with the channel's narrower list. Malformed keys are dropped
 * (fail closed); `'*'` only in the connector position means every space; an empty result allows
 * nothing. Pure.
 */
export function effectiveSpaces(
  connectorSpaces: readonly string[] | '*',
  channelSpaces?: readonly string[],
): EffectiveSpaces {
  const channel = channelSpaces === undefined ? undefined : normalizeSpaceKeys(channelSpaces).keys;
  if (connectorSpaces === '*') {
    return channel === undefined ? { kind: 'all' } : { kind: 'list', keys: channel };
  }
  const connector = normalizeSpaceKeys(connectorSpaces).keys;
  if (channel === undefined) {
    return { kind: 'list', keys: connector };
  }
  const allowed = new Set(channel);
  return { kind: 'list', keys: connector.filter((key) => allowed.has(key)) };
}

/**
 * Is `key` usable under these lists? False for malformed keys (look-alike letters, zero-width or
 * white space, `*`), keys outside the lists and empty lists. Global keys compare case-insensitively,
 * personal `~` keys exactly (see `space-keys.ts`). Pure.
 */
export function isSpaceAllowed(
  key: string,
  connectorSpaces: readonly string[] | '*',
  channelSpaces?: readonly string[],
): boolean {
  const canonical = normalizeSpaceKey(key);
  if (canonical === undefined) {
    return false;
  }
  const spaces = effectiveSpaces(connectorSpaces, channelSpaces);
  return spaces.kind === 'all' || spaces.keys.includes(canonical);
}

function describeSpaces(spaces: EffectiveSpaces, input: DecisionInput): string {
  const connector =
    input.connectorSpaces === '*'
      ? 'the connector allows every space its account can see'
      : `the connector allows ${input.connectorSpaces.length === 0 ? 'no spaces' : input.connectorSpaces.join(', ')}`;
  const channel =
    input.channelSpaces === undefined
      ? ''
      : `; this channel narrows that to ${input.channelSpaces.length === 0 ? 'no spaces' : input.channelSpaces.join(', ')}`;
  const result =
    spaces.kind === 'all' ? 'every space' : spaces.keys.length === 0 ? 'none' : spaces.keys.join(', ');
  return `${connector}${channel} (usable here: ${result})`;
}

function shown(key: string): string {
  const printable = key.replace(
    /[^\x21-\x7e]/gu,
    (ch) => `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`,
  );
  return `"${printable.slice(0, 80)}"`;
}

/**
 * The policy decision for one request. Pure and fail-closed: a missing or unknown permission, an
 * empty or malformed space list, an unknown (`null`) or malformed space, a space outside the
 * effective list, or a parent page in another or unknown space all give `denied`. Roles never widen
 * the policy (admins and approvers follow it too); they only add advice to the reasons.
 */
export function decide(input: DecisionInput): Decision {
  const { operation, target } = input;
  const reasons: string[] = [];
  const spaces = effectiveSpaces(input.connectorSpaces, input.channelSpaces);
  const deny = (code: 'POLICY_DENIED' | 'SPACE_NOT_ALLOWED', why: string, spaceKey?: string): Decision => ({
    permission: 'denied',
    reasons: [...reasons, why],
    code,
    spaces,
    ...(spaceKey !== undefined ? { spaceKey } : {}),
  });

  const raw = input.permissions[operation];
  if (raw === undefined || !isPermission(raw)) {
    return deny('POLICY_DENIED', `no permission is set for ${operation} in this channel, so it is denied`);
  }
  reasons.push(`this channel's policy sets ${operation} to ${raw}`);
  if (raw === 'denied') {
    const advice = input.roles.isAdmin
      ? ` (as an admin you can change it with \`/confluence policy ${operation} allowed|confirm\`)`
      : '';
    return deny('POLICY_DENIED', `${operation} is denied here${advice}`);
  }
  if (raw === 'confirm' && input.readOnly) {
    return deny(
      'POLICY_DENIED',
      `confirm applies to writes only, so a ${operation} under confirm is refused (set it to allowed or denied)`,
    );
  }

  reasons.push(describeSpaces(spaces, input));
  if (spaces.kind === 'list' && spaces.keys.length === 0) {
    return deny('SPACE_NOT_ALLOWED', 'no space is allowed here, so nothing can be read or written');
  }

  let spaceKey: string | undefined;
  if (target.spaceKey === null) {
    return deny('SPACE_NOT_ALLOWED', "the page's space is unknown, so it is treated as not allowed");
  }
  if (target.spaceKey === undefined) {
    if (input.requiresSpace) {
      return deny('SPACE_NOT_ALLOWED', `${operation} needs a space and none was given`);
    }
    reasons.push('no space was named, so only the usable spaces are covered');
  } else {
    spaceKey = normalizeSpaceKey(target.spaceKey);
    if (spaceKey === undefined) {
      return deny('SPACE_NOT_ALLOWED', `${shown(target.spaceKey)} is not a valid space key`);
    }
    if (spaces.kind === 'list' && !spaces.keys.includes(spaceKey)) {
      return deny('SPACE_NOT_ALLOWED', `space ${spaceKey} is not one of the usable spaces`, spaceKey);
    }
    reasons.push(`space ${spaceKey} is usable`);
  }

  if (target.parentSpaceKey !== undefined) {
    if (target.parentSpaceKey === null) {
      return deny('SPACE_NOT_ALLOWED', "the parent page's space is unknown", spaceKey);
    }
    const parent = normalizeSpaceKey(target.parentSpaceKey);
    if (parent === undefined) {
      return deny(
        'SPACE_NOT_ALLOWED',
        `the parent page's space ${shown(target.parentSpaceKey)} is not valid`,
        spaceKey,
      );
    }
    if (spaceKey === undefined || parent !== spaceKey) {
      return deny(
        'SPACE_NOT_ALLOWED',
        `the parent page is in space ${parent}, not in ${spaceKey ?? 'the target space'}`,
        spaceKey,
      );
    }
    reasons.push(`the parent page is in the same space (${parent})`);
  }

  reasons.push(
    raw === 'allowed'
      ? `${operation} runs at once`
      : `${operation} needs approval: a preview goes to the approvers and it runs only after one approves`,
  );
  return { permission: raw, reasons, spaces, ...(spaceKey !== undefined ? { spaceKey } : {}) };
}

/**
 * Text for `/confluence policy explain <op> [SPACE]`: the verdict on the first line, then every
 * reason as a bullet. Pure.
 */
export function explain(input: DecisionInput): string {
  const decision = decide(input);
  const where = typeof input.target.spaceKey === 'string' ? ` in ${shown(input.target.spaceKey)}` : '';
  const verdict = { allowed: 'allowed', confirm: 'allowed after approval', denied: 'denied' }[
    decision.permission
  ];
  return [`${input.operation}${where}: ${verdict}`, ...decision.reasons.map((reason) => `- ${reason}`)].join(
    '\n',
  );
}
