import { OPERATIONS, type Operation, PERMISSIONS, type Permission } from '../domain/types.js';
import { AppError } from '../errors.js';
import { OPERATION_SPECS } from '../operations/registry.js';

/** The recommended default: reads run at once, writes need an approver. */
export const DEFAULT_POLICY: Readonly<Record<Operation, Permission>> = Object.freeze({
  search: 'allowed',
  get: 'allowed',
  create: 'confirm',
  update: 'confirm',
});

/** True for one of the four operations. */
export function isOperation(value: string): value is Operation {
  return (OPERATIONS as readonly string[]).includes(value);
}

/** True for allowed | confirm | denied. */
export function isPermission(value: string): value is Permission {
  return (PERMISSIONS as readonly string[]).includes(value);
}

/**
 * Why `permission` cannot be set for `operation`, or undefined. `confirm` sends a preview of a write
 * to approvers, so read-only operations take only allowed or denied. Pure.
 */
export function permissionProblem(operation: Operation, permission: Permission): string | undefined {
  return permission === 'confirm' && OPERATION_SPECS[operation].readOnly
    ? `${operation} cannot be "confirm": confirm previews writes for approvers, so a read is either allowed or denied`
    : undefined;
}

/**
 * Parses CONFLUENCE_POLICY, e.g. `search=allowed,get=allowed,create=confirm,update=confirm`.
 * Names and values are case-insensitive; spaces around items are ignored; missing operations take
 * `DEFAULT_POLICY`; an empty text is the default. Throws `AppError('CONFIG_INVALID')` whose message
 * lists every problem (unknown operation, unknown permission, missing `=`, duplicates).
 */
export function parsePolicySpec(text: string): Record<Operation, Permission> {
  const policy: Record<Operation, Permission> = { ...DEFAULT_POLICY };
  const problems: string[] = [];
  const seen = new Set<Operation>();
  const items = text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
  for (const item of items) {
    const eq = item.indexOf('=');
    if (eq < 0) {
      problems.push(`"${item}" is not <operation>=<permission>`);
      continue;
    }
    const op = item.slice(0, eq).trim().toLowerCase();
    const value = item
      .slice(eq + 1)
      .trim()
      .toLowerCase();
    let ok = true;
    if (!isOperation(op)) {
      problems.push(`unknown operation "${op}" (expected one of ${OPERATIONS.join(', ')})`);
      ok = false;
    }
    if (!isPermission(value)) {
      problems.push(`unknown permission "${value}" for "${op}" (expected one of ${PERMISSIONS.join(', ')})`);
      ok = false;
    }
    if (ok && isOperation(op) && isPermission(value)) {
      const problem = permissionProblem(op, value);
      if (problem) problems.push(problem);
      if (seen.has(op)) {
        problems.push(`"${op}" is given more than once`);
      }
      seen.add(op);
      policy[op] = value;
    }
  }
  if (problems.length > 0) {
    throw new AppError('CONFIG_INVALID', {
      message: `CONFLUENCE_POLICY is invalid: ${problems.join('; ')}`,
      details: { problems },
    });
  }
  return policy;
}

/** Renders a policy map back to the CONFLUENCE_POLICY text form (round-trips with parsePolicySpec). */
export function formatPolicySpec(policy: Readonly<Record<Operation, Permission>>): string {
  return OPERATIONS.map((op) => `${op}=${policy[op]}`).join(',');
}

/**
 * The effective permissions of a channel: the global default overlaid with the channel's own
 * choices. Pure; unknown keys in `overrides` are ignored.
 */
export function resolveChannelPolicy(
  defaults: Readonly<Record<Operation, Permission>>,
  overrides: Readonly<Partial<Record<Operation, Permission>>> | undefined,
): Record<Operation, Permission> {
  const result = { ...defaults };
  for (const op of OPERATIONS) {
    const value = overrides?.[op];
    if (value !== undefined && isPermission(value)) {
      result[op] = value;
    }
  }
  return result;
}
