import type { ChannelContext } from '../assistant/channel-context.js';
import { decideIn } from '../assistant/channel-context.js';
import type { ConfluenceClient, Page } from '../confluence/types.js';
import type { Actor } from '../domain/types.js';
import type { Decision } from '../policy/decide.js';
import type { CreatePlan } from './create-page.js';
import { OPERATIONS } from './index.js';
import type { WriteFacts, WriteOperation } from './operation.js';
import type { PageReader } from './page-scope.js';
import type { UpdatePlan } from './update-page.js';

/** A write ready to decide: what to create, or what to change on which page version. */
export type WritePlan = CreatePlan | UpdatePlan;

/** The write operation of a plan (its module in the registry). */
export function writeOperationOf(plan: WritePlan): WriteOperation<unknown, WritePlan> {
  // The registry maps each plan kind to the module whose Plan type it is; TypeScript cannot
  // correlate the union's members with the map's entries on its own.
  return OPERATIONS[plan.kind] as WriteOperation<unknown, WritePlan>;
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
  return decideIn(context, actor, plan.kind, writeOperationOf(plan).decisionTarget(plan, facts));
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
export function readWriteFacts(
  reader: PageReader,
  plan: WritePlan,
  allows: (spaceKey: string) => boolean,
): Promise<WriteFacts> {
  return writeOperationOf(plan).readFacts(reader, plan, allows);
}

/** Writes the plan exactly as decided (an update against its previewed version). */
export function executeWrite(client: ConfluenceClient, plan: WritePlan): Promise<Page> {
  return writeOperationOf(plan).execute(client, plan);
}
