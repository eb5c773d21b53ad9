import type { CardActionResult, ChatHandler, View } from '../domain/chat.js';
import { CONNECT_FORM_INPUTS, ROTATE_FORM_INPUTS, VERBS } from '../views/verbs.js';
import { type FormKind, type FormView, readFormSubmission, renderModal } from './blocks-modal.js';
import { type EdgeContext, errorText, failureMessage, sendEphemeral, viewOf } from './edge-context.js';
import type { SlackViewSubmission } from './inbound.js';
import { noticeMessage, toSlackMessage } from './slack-port.js';
import { slackConversation } from './to-chat-request.js';

/*
 * The modal flow of the admin forms (connect, rotate): opening a form view as a modal, checking a
 * submission's fields at once, and handing a submit to the core as `connectSubmit`/`rotateSubmit`.
 * The API token in a submit is never logged, echoed or audited here (only handed to the core).
 */

/** The submit verb of each form's modal (its `callback_id`). */
const FORM_SUBMIT: Readonly<Record<FormKind, string>> = {
  'connect-form': VERBS.connectSubmit,
  'rotate-form': VERBS.rotateSubmit,
};

/** What a modal carries back on submit (a claim: the core re-checks the submitter is an admin). */
export interface FormMetadata {
  /** The channel the form was asked for in. */
  readonly c: string;
  /** Its thread, if any. */
  readonly t?: string;
  /** The connector (rotate). */
  readonly k?: string;
}

/** True for a view the edge shows as a modal (the connect and rotate forms). */
export function isFormView(view: View): view is FormView {
  return view.kind === 'connect-form' || view.kind === 'rotate-form';
}

function readMetadata(raw: string): FormMetadata | undefined {
  try {
    const parsed = JSON.parse(raw) as Partial<FormMetadata>;
    if (typeof parsed?.c !== 'string' || !/^[CDG][A-Z0-9]{2,30}$/.test(parsed.c)) return undefined;
    return {
      c: parsed.c,
      ...(typeof parsed.t === 'string' ? { t: parsed.t } : {}),
      ...(typeof parsed.k === 'string' ? { k: parsed.k } : {}),
    };
  } catch {
    return undefined;
  }
}

/**
 * Field errors answered at once (the modal stays open with the message under the input), for what
 * needs no I/O to check. Everything else is checked by the core after the ack. Never reads a value
 * into a log or an answer.
 */
export function validateFormModal(view: SlackViewSubmission): Record<string, string> | undefined {
  const kind = formKindOf(view.callbackId);
  if (kind === undefined) return undefined;
  const errors: Record<string, string> = {};
  const token = view.values.text(CONNECT_FORM_INPUTS.apiToken, CONNECT_FORM_INPUTS.apiToken) ?? '';
  if (token.trim() === '') errors[ROTATE_FORM_INPUTS.apiToken] = 'Enter the API token.';
  if (kind === 'connect-form') {
    const email = view.values.text(CONNECT_FORM_INPUTS.email, CONNECT_FORM_INPUTS.email) ?? '';
    if (!/^[^\s@]+@[^\s@]+$/.test(email.trim()))
      errors[CONNECT_FORM_INPUTS.email] = 'Enter the Atlassian account email the API token belongs to.';
  }
  return Object.keys(errors).length > 0 ? errors : undefined;
}

function formKindOf(callbackId: string): FormKind | undefined {
  if (callbackId === VERBS.connectSubmit) return 'connect-form';
  if (callbackId === VERBS.rotateSubmit) return 'rotate-form';
  return undefined;
}

/** Opens `view` as a modal with `triggerId` (usable once); false when it is not a form or it failed. */
export async function openModal(
  ctx: EdgeContext,
  triggerId: string,
  view: View,
  metadata: Omit<FormMetadata, 'k'>,
): Promise<boolean> {
  if (!isFormView(view)) return false;
  const connector = view.kind === 'rotate-form' ? view.data.connectorName : undefined;
  const privateMetadata = JSON.stringify({ ...metadata, ...(connector ? { k: connector } : {}) });
  try {
    await ctx.api.viewsOpen(
      triggerId,
      renderModal(view, { callbackId: FORM_SUBMIT[view.kind], privateMetadata }),
    );
    return true;
  } catch (error) {
    ctx.logger.warn({ err: errorText(error) }, 'slack views.open failed');
    return false;
  }
}

/**
 * Hands a modal submit to the core (`handleCardAction` with the Teams form's data). A view for
 * everyone is posted in the form's conversation; anything else is shown to the submitter only.
 */
export async function submitForm(
  ctx: EdgeContext,
  handler: ChatHandler,
  submission: SlackViewSubmission,
): Promise<void> {
  const kind = formKindOf(submission.callbackId);
  const metadata = readMetadata(submission.privateMetadata);
  if (kind === undefined || metadata === undefined) {
    ctx.logger.warn({ callbackId: submission.callbackId.slice(0, 40) }, 'slack modal submission ignored');
    return;
  }
  const data: Record<string, unknown> = {
    ...readFormSubmission(kind, (block, action) => submission.values.text(block, action)),
    ...(kind === 'rotate-form' && metadata.k !== undefined ? { connector: metadata.k } : {}),
  };
  const actor = await ctx.people.actor(submission.userId, submission.userName);
  const { conversation, target } = slackConversation(metadata.c, {
    ...(metadata.t !== undefined ? { threadTs: metadata.t } : {}),
    ...(submission.teamId !== undefined ? { teamId: submission.teamId } : {}),
  });
  let result: CardActionResult;
  try {
    result = await handler.handleCardAction({ verb: FORM_SUBMIT[kind], data, actor, conversation, target });
  } catch (error) {
    result = { kind: 'view', view: viewOf(failureMessage(ctx, handler, error, 'form')), scope: 'clicker' };
  }
  if (result.kind === 'message')
    return sendEphemeral(ctx, metadata.c, submission.userId, noticeMessage(result.text), metadata.t);
  if (result.scope === 'all') {
    await ctx.port
      .post(target, { kind: 'view', view: result.view })
      .catch((error: unknown) => ctx.logger.warn({ err: errorText(error) }, 'slack post failed'));
    return;
  }
  // A form back with its problem named: the modal has closed, so the "Open the form" message says why.
  await sendEphemeral(
    ctx,
    metadata.c,
    submission.userId,
    toSlackMessage({ kind: 'view', view: result.view }),
    metadata.t,
  );
}
