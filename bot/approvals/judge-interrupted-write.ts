/**
 * Did an interrupted approved write land? Pure judgements on what Confluence shows now, for the
 * startup recovery (`recover-interrupted.ts`). Each answer is one of three: the write landed (the
 * page as written), it did not (nothing of ours is there), or the page cannot tell (someone else
 * changed it, Confluence gives no time, the content is not the planned one). Only `landed` lets a
 * request end `executed`; a write is never run again.
 */
import type { Page } from '../confluence/types.js';
import type { CreatePlan } from '../operations/create-page.js';
import type { UpdatePlan } from '../operations/update-page.js';

/** What the recovery concluded about one interrupted write. */
export type WriteCheck =
  | { readonly kind: 'landed'; readonly page: Page }
  | { readonly kind: 'not-landed'; readonly reason: string }
  | { readonly kind: 'unknown'; readonly reason: string };

/**
 * How far Confluence's clock may be behind ours. A page or version stamped earlier than the approval
 * by more than this was not made by the approved write (which ran after the approval).
 */
export const CLOCK_SKEW_MS = 2 * 60 * 1000;

/** When the approval happened and how much clock skew to allow. */
export interface JudgeClock {
  readonly approvedAt: Date;
  readonly skewMs?: number;
}

/** Was `stamp` made after the approval (allowing skew)? Undefined when Confluence gave no usable time. */
function madeAfterApproval(stamp: string, clock: JudgeClock): boolean | undefined {
  const at = Date.parse(stamp);
  if (!Number.isFinite(at)) return undefined;
  return at >= clock.approvedAt.getTime() - (clock.skewMs ?? CLOCK_SKEW_MS);
}

/**
 * The planned storage and the page's, compared with runs of white space collapsed: Confluence may
 * re-indent what it stores, and any other difference means the content is not (only) ours.
 */
function isPlannedStorage(planned: string, actual: string): boolean {
  const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
  return squash(planned) === squash(actual);
}

/**
 * A create: `found` is the page titled as planned in the planned space (undefined when there is
 * none). Landed = exactly that title, still at version 1, created after the approval, under the
 * planned parent, with the planned content. A page whose whole history predates the approval was
 * there before (the create would have been refused as a duplicate title): not landed.
 */
export function judgeCreate(plan: CreatePlan, found: Page | undefined, clock: JudgeClock): WriteCheck {
  if (found === undefined || found.title !== plan.title) {
    return { kind: 'not-landed', reason: `no page titled "${plan.title}" in ${plan.spaceKey}` };
  }
  const after = madeAfterApproval(found.version.createdAt, clock);
  if (after === undefined)
    return { kind: 'unknown', reason: 'Confluence did not say when the page was made' };
  if (!after) {
    return { kind: 'not-landed', reason: 'the page with that title existed before the approval' };
  }
  if (found.version.number !== 1) {
    return { kind: 'unknown', reason: `the page was edited since (version ${found.version.number})` };
  }
  if (plan.parentId !== undefined && found.parentId !== plan.parentId) {
    return { kind: 'unknown', reason: 'a page with that title was made under another parent' };
  }
  if (plan.storageOmitted || !isPlannedStorage(plan.storage, found.storage)) {
    return { kind: 'unknown', reason: 'a page with that title was made, but not with the planned content' };
  }
  return { kind: 'landed', page: found };
}

/**
 * An update: `current` is the page as it is now. Landed = exactly the planned version
 * (`baseVersion + 1`), made after the approval, with the planned title and content. Still at the
 * base version: not landed. A next version made before the approval (by someone else; the write
 * would have met a conflict): not landed. Anything else (edited again since, other content, a
 * version older than the base) cannot tell.
 */
export function judgeUpdate(plan: UpdatePlan, current: Page, clock: JudgeClock): WriteCheck {
  const { number } = current.version;
  const planned = plan.baseVersion + 1;
  if (number === plan.baseVersion) {
    return { kind: 'not-landed', reason: `the page is still at version ${plan.baseVersion}` };
  }
  if (number !== planned) {
    return {
      kind: 'unknown',
      reason: `the page is at version ${number}; the write would have made version ${planned}`,
    };
  }
  const after = madeAfterApproval(current.version.createdAt, clock);
  if (after === undefined) {
    return { kind: 'unknown', reason: 'Confluence did not say when the page version was made' };
  }
  if (!after) return { kind: 'not-landed', reason: `version ${planned} was made before the approval` };
  if (
    current.title !== plan.title ||
    plan.storageOmitted ||
    !isPlannedStorage(plan.storage, current.storage)
  ) {
    return { kind: 'unknown', reason: `version ${planned} is not the planned content` };
  }
  return { kind: 'landed', page: current };
}
