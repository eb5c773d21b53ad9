import type { ConnectFormData, RotateFormData } from '../views/types.js';
import { CONNECT_FORM_INPUTS, ROTATE_FORM_INPUTS } from '../views/verbs.js';
import { SLACK_VERBS } from './blocks-actions.js';
import { actions, button, compact, context, header, message, plain, section } from './blocks-build.js';
import type { BlockMessage, InputBlock, ModalBlock, ModalView } from './blocks-types.js';
import { LIMITS } from './blocks-types.js';
import { escapeMrkdwn } from './mrkdwn.js';

/*
 * The admin forms (connect, rotate) as Slack modals. Slack has no masked input: the API token is a
 * plain_text_input that only the person typing sees; it arrives in `view_submission` and must never
 * be echoed, logged, audited or stored in the clear. It is never pre-filled.
 */

/** The card kinds that are forms: a modal in Slack, opened with `views.open`. */
export type FormKind = 'connect-form' | 'rotate-form';

/** A form view (the subset of the core's `View` that {@link renderModal} accepts). */
export type FormView =
  | { readonly kind: 'connect-form'; readonly data: ConnectFormData }
  | { readonly kind: 'rotate-form'; readonly data: RotateFormData };

/** Options of {@link renderModal}. */
export interface ModalOptions {
  /** Names the form on `view_submission` (≤ 255 characters), e.g. the submit verb. */
  readonly callbackId: string;
  /**
   * Echoed back on `view_submission` (≤ 3,000 characters), e.g. JSON of the channel and, for
   * rotate, `{ connector }` — the submission's only link to them. Never put a secret here.
   */
  readonly privateMetadata?: string;
}

/**
 * The input ids of each form's modal. Each input's `block_id` and `action_id` are both the id the
 * Teams card gives that input (`CONNECT_FORM_INPUTS`, `ROTATE_FORM_INPUTS`), so
 * `state.values[id][id]` holds it: `.value` for text inputs, `.selected_date` (`YYYY-MM-DD`, as
 * Teams' Input.Date) for `tokenExpiry`.
 */
export const FORM_MODAL_INPUTS: { readonly [K in FormKind]: readonly string[] } = {
  'connect-form': [
    CONNECT_FORM_INPUTS.name,
    CONNECT_FORM_INPUTS.siteUrl,
    CONNECT_FORM_INPUTS.email,
    CONNECT_FORM_INPUTS.apiToken,
    CONNECT_FORM_INPUTS.tokenExpiry,
    CONNECT_FORM_INPUTS.spaces,
  ],
  'rotate-form': [ROTATE_FORM_INPUTS.apiToken, ROTATE_FORM_INPUTS.tokenExpiry],
};

/**
 * The submitted form as the Teams card would submit it: `{ inputId: value }` for every input of
 * `kind` that `read(blockId, actionId)` has (empty inputs are left out, as optional fields). Rotate
 * also needs `connector`: take it from the modal's private metadata. The result may hold the API
 * token: never log it.
 */
export function readFormSubmission(
  kind: FormKind,
  read: (blockId: string, actionId: string) => string | undefined,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const id of FORM_MODAL_INPUTS[kind]) {
    const value = read(id, id);
    if (value !== undefined && value !== '') out[id] = value;
  }
  return out;
}

const TOKEN_HINT =
  'Only you see what you type here. The token is stored encrypted; it is never shown again, echoed in chat or logged.';

function textInput(
  id: string,
  label: string,
  options: { initial?: string; placeholder?: string; optional?: boolean; maxLength?: number; hint?: string },
): InputBlock {
  const initial = options.initial?.slice(0, options.maxLength ?? 3000);
  return {
    type: 'input',
    block_id: id,
    label: plain(label, LIMITS.inputLabel),
    element: {
      type: 'plain_text_input',
      action_id: id,
      ...(initial ? { initial_value: initial } : {}),
      ...(options.placeholder ? { placeholder: plain(options.placeholder, LIMITS.placeholder) } : {}),
      ...(options.maxLength ? { max_length: options.maxLength } : {}),
    },
    ...(options.hint ? { hint: plain(options.hint, LIMITS.inputLabel) } : {}),
    ...(options.optional ? { optional: true } : {}),
  };
}

function tokenInput(placeholder: string): InputBlock {
  return textInput(CONNECT_FORM_INPUTS.apiToken, 'API token', {
    placeholder,
    hint: TOKEN_HINT,
    maxLength: 3000,
  });
}

function expiryInput(): InputBlock {
  return {
    type: 'input',
    block_id: CONNECT_FORM_INPUTS.tokenExpiry,
    label: plain('Token expiry date', LIMITS.inputLabel),
    element: { type: 'datepicker', action_id: CONNECT_FORM_INPUTS.tokenExpiry },
    optional: true,
  };
}

function problemBlock(problem: string | undefined): ModalBlock[] {
  return problem ? [section(`⚠️ ${escapeMrkdwn(problem)}`)] : [];
}

function modal(
  title: string,
  submit: string,
  blocks: readonly ModalBlock[],
  options: ModalOptions,
): ModalView {
  return {
    type: 'modal',
    callback_id: options.callbackId.slice(0, LIMITS.actionId),
    ...(options.privateMetadata
      ? { private_metadata: options.privateMetadata.slice(0, LIMITS.privateMetadata) }
      : {}),
    title: plain(title, LIMITS.modalTitle),
    submit: plain(submit, LIMITS.modalTitle),
    close: plain('Cancel', LIMITS.modalTitle),
    blocks: blocks.slice(0, LIMITS.modalBlocks),
  };
}

/**
 * A form view as a Slack modal for `views.open` (or `views.update` / a `response_action: update`
 * to show it again with `problem`). Inputs are named as on the Teams card (see
 * {@link FORM_MODAL_INPUTS}); non-secret fields are pre-filled from the data, the token never.
 */
export function renderModal(view: FormView, options: ModalOptions): ModalView {
  if (view.kind === 'connect-form') {
    const data = view.data;
    return modal(
      'Connect Confluence',
      'Connect',
      [
        section(
          'The bot acts as this Atlassian account: it never sees more than the account can. Create an API token at id.atlassian.com → Security → API tokens.',
        ),
        ...problemBlock(data.problem),
        textInput(CONNECT_FORM_INPUTS.name, 'Connector name', { initial: data.name, maxLength: 64 }),
        textInput(CONNECT_FORM_INPUTS.siteUrl, 'Site URL', {
          initial: data.siteUrl,
          placeholder: 'https://your-site.atlassian.net',
        }),
        textInput(CONNECT_FORM_INPUTS.email, 'Account email', { initial: data.email }),
        tokenInput('Paste the API token'),
        expiryInput(),
        textInput(CONNECT_FORM_INPUTS.spaces, 'Allowed spaces', {
          initial: data.spaces,
          optional: true,
          placeholder: 'Space keys, comma-separated (e.g. HR, ENG), or * for every space the account can see',
        }),
      ],
      options,
    );
  }
  const data = view.data;
  return modal(
    'Rotate API token',
    'Rotate token',
    [
      section(`Connector *${escapeMrkdwn(data.connectorName)}* · ${escapeMrkdwn(data.siteUrl)}`),
      ...problemBlock(data.problem),
      tokenInput('Paste the new API token'),
      expiryInput(),
    ],
    options,
  );
}

/**
 * A form view in a message (no modal can open without a click's `trigger_id`): what the form is
 * for and an "Open the form" button (`openForm`, value `{"form":kind}` plus `connector` for
 * rotate). The edge opens {@link renderModal} on that click.
 */
export function renderFormMessage(view: FormView): BlockMessage {
  if (view.kind === 'connect-form') {
    const data = view.data;
    return message(
      'Connect Confluence: open the form to enter the connector details.',
      compact([
        header('Connect Confluence'),
        section(
          'Enter the site URL, the Atlassian account email and its API token in a form only you see: the token is never typed into the chat.',
        ),
        data.problem ? context(`⚠️ ${escapeMrkdwn(data.problem)}`) : undefined,
        actions([button('Open the form', SLACK_VERBS.openForm, { form: 'connect-form' }, 'primary')]),
      ]),
    );
  }
  const data = view.data;
  return message(
    `Rotate the API token of ${escapeMrkdwn(data.connectorName)}: open the form.`,
    compact([
      header('Rotate API token'),
      section(
        `Connector *${escapeMrkdwn(data.connectorName)}* · ${escapeMrkdwn(data.siteUrl)}\nPaste the new API token in a form only you see: it is never typed into the chat.`,
      ),
      data.problem ? context(`⚠️ ${escapeMrkdwn(data.problem)}`) : undefined,
      actions([
        button(
          'Open the form',
          SLACK_VERBS.openForm,
          { form: 'rotate-form', connector: data.connectorName },
          'primary',
        ),
      ]),
    ]),
  );
}
