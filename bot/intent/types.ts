import type { PageRef } from '../confluence/types.js';
import type { Operation, Permission } from '../domain/types.js';

export type { MessageMention } from '../domain/chat.js';

/** One change to an existing page, as the user typed it (Markdown is the user's new content). */
export type UpdateEdit =
  | { kind: 'append'; markdown: string }
  | { kind: 'replace'; find: string; replaceWith: string }
  | { kind: 'section'; heading: string; markdown: string }
  | { kind: 'body'; markdown: string }
  | { kind: 'title'; title: string };

/**
 * A request for one of the four operations. Space keys are canonical (global keys upper-cased,
 * personal `~keys` untouched); `words` is the user's text taken literally, never CQL.
 */
export type OperationRequest =
  | { operation: 'search'; words: string; spaceKey?: string }
  | { operation: 'get'; ref: PageRef }
  | { operation: 'create'; title: string; spaceKey: string; parent?: PageRef; markdown: string }
  | { operation: 'update'; ref: PageRef; edit: UpdateEdit };

/**
 * A page named by its title words, without quotes or id ("the VPN Setup Guide", "My page in ENG"):
 * resolved by a CQL title search in the allowed spaces (exact title first, then the best matches).
 * `words` are the user's words, never CQL; `spaceKey` is canonical when the user named a space.
 */
export interface TitleSearchRef {
  readonly kind: 'title-search';
  readonly words: string;
  readonly spaceKey?: string;
}

/** A get or update of a page named by title words; the page is found before the operation runs. */
export type NamedPageRequest =
  | { operation: 'get'; ref: TitleSearchRef }
  | { operation: 'update'; ref: TitleSearchRef; edit: UpdateEdit };

/** Which earlier result a follow-up means: a 1-based position, or relative to the last one opened. */
export type FollowUpPosition = number | 'next' | 'previous' | 'last';

/** Someone named in an admin command: a Teams mention resolved through the mentions list, or a raw id. */
export type UserRef = { kind: 'mention'; id: string; name: string } | { kind: 'id'; id: string };

/** A `/confluence …` admin command (Contract 2). Rights are checked by the caller, not here. */
export type AdminCommand =
  | { kind: 'help' }
  | { kind: 'status' }
  | { kind: 'test' }
  | { kind: 'connect' }
  | { kind: 'disconnect'; connector?: string }
  | { kind: 'rotate'; connector?: string }
  | { kind: 'policy-show' }
  | { kind: 'policy-set'; operation: Operation; permission: Permission }
  | { kind: 'policy-explain'; operation: Operation; spaceKey?: string }
  | { kind: 'spaces'; action?: 'add' | 'remove'; spaceKey?: string }
  | { kind: 'approvers' | 'admins'; action?: 'add' | 'remove'; user?: UserRef }
  | { kind: 'approvals-here' }
  | { kind: 'audit'; count?: number; export: boolean };

/** Help topics `parseMessage` recognises (`help create`, `how do I update a page?`, …). */
export const HELP_TOPICS = ['search', 'get', 'create', 'update', 'approvals', 'questions', 'admin'] as const;
export type HelpTopic = (typeof HELP_TOPICS)[number];

/**
 * What a chat message means. `failure` and `admin-invalid` carry a safe, ready-to-show message
 * (never an echo of anything that looks like a secret) and example commands.
 */
export type Intent =
  | { kind: 'operation'; request: OperationRequest }
  | { kind: 'admin'; command: AdminCommand }
  | { kind: 'admin-invalid'; message: string; usage: string }
  | { kind: 'question'; question: string }
  | { kind: 'approvals' }
  | { kind: 'help'; topic?: string }
  | { kind: 'greeting' }
  | { kind: 'failure'; message: string; suggestions: string[] }
  | { kind: 'page-by-name'; request: NamedPageRequest }
  | { kind: 'follow-up'; action: 'open'; position: FollowUpPosition }
  | { kind: 'follow-up'; action: 'more' }
  /**
   * Not understood, but with one or two likely readings (commands, as the user could type them)
   * offered as buttons; `message` is safe to show (the user's text only as an escaped echo).
   */
  | { kind: 'unclear'; message: string; readings: string[] };
