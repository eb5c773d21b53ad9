import type { ChannelContext } from '../assistant/channel-context.js';
import type { AuditTarget } from '../audit/types.js';
import type { ConfluenceClient, Page } from '../confluence/types.js';
import type { OutboundMessage } from '../domain/chat.js';
import type { Actor } from '../domain/types.js';
import type { Decision, DecisionTarget } from '../policy/decide.js';
import type { PreviewBody } from '../views/types.js';
import type { PageReader } from './page-scope.js';
import type { OperationSpec } from './registry.js';

/** What an operation's steps may use: the channel as it is now, who asks, and the connector's client. */
export interface OperationEnv {
  readonly context: ChannelContext;
  readonly actor: Actor;
  readonly client: ConfluenceClient;
  /** May this operation touch pages in `spaceKey` here (anything but denied)? For the scoped loader. */
  allows(spaceKey: string): boolean;
}

/** An audit entry's target and details, as an operation describes what it did. */
export interface Audited {
  readonly target: AuditTarget;
  readonly details?: Record<string, unknown>;
}

/** What every operation declares, read or write. */
interface OperationBase<Request> {
  /** Its risk as data (from OPERATION_SPECS). */
  readonly spec: OperationSpec;
  /** How the request is named on refusal cards. */
  describe(request: Request): string;
  /** What the request names, for the audit entry of a refusal before anything was read. */
  target(request: Request): AuditTarget;
  /**
   * The space (and parent space) the request itself names, decided before Confluence hears of it;
   * undefined when it names none (a page by id): then only a denial by policy refuses early.
   */
  named(request: Request): DecisionTarget | undefined;
}

/** A read: planned from the request and the decision (pure), executed, audited, shown. */
export interface ReadOperation<Request, Plan, Result> extends OperationBase<Request> {
  readonly kind: 'read';
  plan(request: Request, decision: Decision): Plan;
  /** Reads Confluence (every page through the scoped loader). */
  execute(env: OperationEnv, plan: Plan): Promise<Result>;
  audited(plan: Plan, result: Result): Audited;
  /** The view to show, with a one-line summary. */
  present(plan: Plan, result: Result): OutboundMessage;
}

/** What a write touches as Confluence has it now: its space, its parent's, the page's version. */
export interface WriteFacts {
  readonly spaceKey: string;
  /** For a create under a parent: the parent's current space. */
  readonly parentSpaceKey?: string;
  /** For an update: the page's current version. */
  readonly version?: number;
}

/**
 * A write: planned (reading what it needs through the scoped loader), decided on the facts of the
 * plan, then written now (allowed) or after an approval (confirm) — by the same `execute`.
 */
export interface WriteOperation<Request, Plan> extends OperationBase<Request> {
  readonly kind: 'write';
  plan(env: OperationEnv, request: Request): Promise<Plan>;
  /** The facts as planned (what the preview shows); `version` set = written against that version only. */
  facts(plan: Plan): WriteFacts;
  /** What policy decides on, given the facts (as planned or as they are now). */
  decisionTarget(plan: Plan, facts: WriteFacts): DecisionTarget;
  /** What the request would write (the approval record's target and its audit entries). */
  pendingTarget(plan: Plan): AuditTarget & { readonly spaceKey: string; readonly title: string };
  /** What `readFacts` re-reads, as the refusal names it when that page left the allowed spaces. */
  readonly rereads: string;
  /** The approval card's preview: the dry run approvers see. */
  preview(plan: Plan): PreviewBody;
  /** One line naming the request on the approval card's notification. */
  approvalSummary(plan: Plan): string;
  /** The facts as they are now, re-read through the scoped loader (before an approved write). */
  readFacts(reader: PageReader, plan: Plan, allows: (spaceKey: string) => boolean): Promise<WriteFacts>;
  /** The audit target of a refusal after planning. */
  planTarget(plan: Plan): AuditTarget;
  /** Checks that need Confluence once the write is allowed, before it is run or sent for approval. */
  verify?(client: ConfluenceClient, plan: Plan): Promise<void>;
  /** Writes the plan exactly as decided. */
  execute(client: ConfluenceClient, plan: Plan): Promise<Page>;
  /** Extra audit details of a write that ran. */
  details?(plan: Plan): Record<string, unknown>;
  /** The notice shown when the write ran at once. */
  present(plan: Plan, page: Page): OutboundMessage;
}

/** The audit target of a page as written or read. */
export function pageTarget(page: Page): AuditTarget {
  return { spaceKey: page.spaceKey, pageId: page.id, title: page.title, version: page.version.number };
}
