import type { AssistantDeps } from '../../assistant/deps.js';
import { viewOf } from '../../assistant/present.js';
import { guardSiteUrl, lookupAllAddresses } from '../../confluence/site-host.js';
import type { CardActionResult } from '../../domain/chat.js';
import { AppError, toAppError } from '../../errors.js';
import type { NoticeData } from '../../views/types.js';
import type { ActionTurn } from '../turn.js';

/** Admin form actions are for admins only: AppError ADMIN_ONLY for anyone else (the card data is a claim). */
export function requireAdmin(turn: ActionTurn): void {
  if (!turn.channel().roles.isAdmin) throw new AppError('ADMIN_ONLY');
}

/** Runs a check that throws on bad input: its value, or the safe message to show on the form again. */
export async function formCheck<T>(check: () => T | Promise<T>): Promise<{ value: T } | { problem: string }> {
  try {
    return { value: await check() };
  } catch (error) {
    return { problem: toAppError(error).userMessage };
  }
}

/** The site URL held to the configured site rules (https, allowed hosts, no private addresses). */
export function guardSite(deps: AssistantDeps, siteUrl: string): Promise<string> {
  return guardSiteUrl(siteUrl, deps.config.confluenceSites, deps.lookupHost ?? lookupAllAddresses);
}

/** A token expiry typed as `YYYY-MM-DD` (midnight UTC); empty = none. AppError INPUT_INVALID otherwise. */
export function parseExpiry(raw: string | undefined): Date | undefined {
  if (!raw) return undefined;
  const date = new Date(`${raw}T00:00:00Z`);
  if (Number.isNaN(date.getTime()))
    throw new AppError('INPUT_INVALID', { userMessage: 'The token expiry must be a date (YYYY-MM-DD).' });
  return date;
}

/** What a form did to a connector: its command and before/after for the audit, and the notice shown. */
export interface FormOutcome {
  readonly connector: string;
  readonly details: Record<string, unknown>;
  readonly title: string;
  readonly text: string;
  readonly tone?: NoticeData['tone'];
}

/**
 * Audits what an admin form did to a connector (operation `admin`; the details never hold the
 * token), then shows the outcome to everyone in place of the form card.
 */
export async function formDone(turn: ActionTurn, outcome: FormOutcome): Promise<CardActionResult> {
  await turn.audit({
    connector: outcome.connector,
    operation: 'admin',
    decision: 'n/a',
    outcome: 'ok',
    details: outcome.details,
  });
  const notice = { title: outcome.title, text: outcome.text, tone: outcome.tone ?? 'good', changes: [] };
  return { kind: 'view', view: viewOf('notice', notice), scope: 'all' };
}
