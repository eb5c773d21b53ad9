import type { ConfluenceClient, Page } from '../confluence/types.js';
import type { Actor } from '../domain/types.js';
import { type CreatePlan, executeCreate } from '../operations/create-page.js';
import { loadPageInScope, type PageReader } from '../operations/page-scope.js';
import { executeUpdate, type UpdatePlan } from '../operations/update-page.js';
import type { Decision } from '../policy/decide.js';
import { type ChannelContext, decideIn } from './channel-context.js';

/** A write ready to decide: what to create, or what to change on which page version. */
export type WritePlan = CreatePlan | UpdatePlan;

/** What a write touches as Confluence has it now: the page's (or new page's) space, its parent's, its version. */
export interface WriteFacts {
  readonly spaceKey: string;
  /** For a create under a parent: the parent's current space. */
  readonly parentSpaceKey?: string;
  /** For an update: the page's current version. */
  readonly version?: number;
}

/**
 * The one decision for a write, used when it is asked for and again when an approved request is
 * about to run: the channel's *current* policy and spaces applied to the facts as they are now.
 * Pure given the context.
 */
export function decideWrite(
  context: ChannelContext,
  actor: Actor,
  plan: WritePlan,
  facts: WriteFacts,
): Decision {
  return decideIn(context, actor, plan.kind, {
    spaceKey: facts.spaceKey,
    ...(plan.kind === 'create' && plan.parentId ? { parentSpaceKey: facts.parentSpaceKey ?? null } : {}),
  });
}

/** May `operation` touch pages in `spaceKey` in this channel (anything but denied)? */
export function spaceAllows(context: ChannelContext, actor: Actor, operation: WritePlan['kind']) {
  return (spaceKey: string) => decideIn(context, actor, operation, { spaceKey }).permission !== 'denied';
}

/**
 * Re-reads what an approved write touches, through the scoped page loader: the page to update (its
 * current space and version) or the parent of a page to create. A page that moved out of the allowed
 * spaces is refused like a missing one (`CONFLUENCE_NOT_FOUND`, see page-scope.ts).
 */
export async function readWriteFacts(
  reader: PageReader,
  plan: WritePlan,
  allows: (spaceKey: string) => boolean,
): Promise<WriteFacts> {
  if (plan.kind === 'update') {
    const page = await loadPageInScope(reader, { kind: 'id', id: plan.pageId }, allows);
    return { spaceKey: page.spaceKey, version: page.version.number };
  }
  if (!plan.parentId) return { spaceKey: plan.spaceKey };
  const parent = await loadPageInScope(reader, { kind: 'id', id: plan.parentId }, allows);
  return { spaceKey: plan.spaceKey, parentSpaceKey: parent.spaceKey };
}

/** Writes the plan exactly as decided (an update against its previewed version). */
export function executeWrite(client: ConfluenceClient, plan: WritePlan): Promise<Page> {
  return plan.kind === 'create' ? executeCreate(client, plan) : executeUpdate(client, plan);
}
